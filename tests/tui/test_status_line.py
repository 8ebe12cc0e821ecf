"""The status line stays true: it follows resizes and panels, keeps the cursor and the
translation's provenance first at 80 columns, and toasts do not cover it."""

from __future__ import annotations

from pathlib import Path

from lettore.tui.widgets.entity_panel import EntityPanel
from tests.tui.seed_app import seed_app
from tests.tui.test_entities_panel import analysed_app


def status(app) -> str:
    """The status line as drawn."""
    line = app.screen.query_one("#status")
    return "".join(segment.text for segment in line.render_line(0)).rstrip()


async def test_status_follows_a_resize(tmp_path: Path) -> None:
    """160 → 80 columns: side-by-side becomes interleaved, and the status line says so."""
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        assert "side-by-side" in status(app) and "too narrow" not in status(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.view.shown_layout == "interleaved"
        assert "side-by-side" not in status(app) or "too narrow" in status(app)
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert "too narrow" not in status(app) and "side-by-side" in status(app)


async def test_status_follows_the_entity_panel_opening_and_closing(tmp_path: Path) -> None:
    """With the panel open the article is interleaved; closed, side by side again, and the
    chosen entity's mention count (n/N of the panel) leaves with the panel."""
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await pilot.press("E")
        panel = app.screen.query_one(EntityPanel)
        panel.highlight_group(next(g for g in panel.groups if g.name.startswith("Kim")))
        await pilot.press("enter")
        await pilot.pause()
        opened = status(app)
        assert "mention 1/" in opened
        assert (app.screen.view.shown_layout == "interleaved") == ("too narrow" in opened)
        await pilot.press("E")
        await pilot.pause()
        closed = status(app)
        assert app.screen.view.shown_layout == "side-by-side"
        assert "too narrow" not in closed and "mention" not in closed


async def test_cursor_and_provenance_come_first_at_80_columns(tmp_path: Path) -> None:
    """The provenance is never cut: less important pieces are shortened or dropped instead."""
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"Kim", "enter")
        await pilot.pause()
        shown = status(app)
        assert len(shown) <= 80
        assert shown.startswith("sentence ") and "translation: translation memory" in shown
        assert "search 'Kim'" in shown
        assert "…" not in shown


async def test_toasts_leave_the_status_line_visible(tmp_path: Path) -> None:
    """A notification sits above the status line and the key bar, not over their right end."""
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")  # "layout: ..." toast
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))
        assert toasts
        line = app.screen.query_one("#status").region
        for toast in toasts:
            assert not toast.region.overlaps(line), (toast.region, line)


def test_status_line_snapshot_at_80_columns(snap_compare, tmp_path: Path) -> None:
    """The reader at 80 columns while a search is active: cursor, provenance, search count."""
    app = seed_app(tmp_path / "lib.sqlite3")
    assert snap_compare(app, terminal_size=(80, 24), press=["slash", *"Kim", "enter"])
