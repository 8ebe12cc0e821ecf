"""The `?` help lists the reader's own keys (n, N and Escape of the search among them) and
none of Textual's internals; the key bar at 80 columns keeps L and, while searching, n/N."""

from __future__ import annotations

from pathlib import Path

from tests.tui.seed_app import seed_app


def help_text(app) -> str:
    """The help screen as plain text."""
    return app.export_screenshot().replace("&#160;", " ")


async def test_help_lists_our_keys_and_no_textual_internals(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = help_text(app)
        for internal in ("Scroll Left", "Page Left", "Focus Next", "Copy selected text"):
            assert internal not in shown, internal
        for ours in ("search_next", "search_previous", "search_clear", "Next match", "Previous match",
                     "Clear search", "library", "Library"):
            assert ours in shown, ours


async def test_key_bar_at_80_columns_keeps_library_and_help(tmp_path: Path) -> None:
    from lettore.tui.widgets.key_bar import KeyBar

    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        shown = bar.render().plain
        assert len(shown) <= 80 and "…" not in shown
        assert "L Library" in shown and "? Help" in shown and "q Quit" in shown
        await pilot.press("slash", *"Kim", "enter")
        await pilot.pause()
        shown = bar.render().plain
        assert "n Next match" in shown and "N Previous match" in shown, shown


def test_help_snapshot(snap_compare, tmp_path: Path) -> None:
    """The help at 80x24: our keys, their ids."""
    assert snap_compare(seed_app(tmp_path / "lib.sqlite3"), terminal_size=(80, 24), press=["question_mark"])
