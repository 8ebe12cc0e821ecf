"""Pilot tests: the sentence cursor, paragraph jumps, layouts, help, and memory of position."""

from __future__ import annotations

from pathlib import Path

from lettore.config import Settings
from lettore.store import Library
from lettore.tui.app import make_app
from lettore.tui.widgets.article_view import Position
from tests.tui.seed_app import seed_app


async def test_keys_move_the_sentence_cursor(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.view
        assert view.current == Position(0, 0)
        await pilot.press("j", "down")
        assert view.current == Position(0, 2)
        await pilot.press("k")
        assert view.current == Position(0, 1)
        await pilot.press("J")
        assert view.current == Position(1, 0)  # the heading "Kim e i carri armati"
        await pilot.press("right_square_bracket")
        assert view.current == Position(2, 0)
        await pilot.press("K", "left_square_bracket")
        assert view.current == Position(0, 0)
        await pilot.press("G")
        assert view.current == view.positions[-1]
        await pilot.press("g")
        assert view.current == Position(0, 0)


async def test_page_down_scrolls_and_moves_cursor_to_what_is_shown(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.view
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_offset.y > 0
        assert view.current.block > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_offset.y == 0


async def test_focused_sentence_and_its_translation_are_highlighted_together(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("j")
        view = app.screen.view
        cursor_style = view.style_for("article--cursor")
        highlighted = "".join(
            segment.text
            for y in range(view.size.height)
            for segment in view.render_line(y)
            if segment.style and segment.style.bgcolor == cursor_style.bgcolor
        )
        assert "Il presidente della Corea del Nord" in highlighted
        assert "President of North Korea" in highlighted or "North Korea" in highlighted


async def test_l_cycles_layouts_and_narrow_terminals_fall_back(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(160, 40)) as pilot:
        view = app.screen.view
        seen = [view.shown_layout]
        for _ in range(4):
            await pilot.press("l")
            seen.append(view.shown_layout)
        assert seen == ["side-by-side", "interleaved", "original", "translation", "side-by-side"]
    narrow = seed_app(tmp_path / "narrow.sqlite3")
    async with narrow.run_test(size=(80, 24)):
        assert narrow.screen.view.shown_layout == "interleaved"


async def test_help_lists_bindings(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from lettore.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "cycle_layout" in screen and "Next paragraph" in screen and "J, ]" in screen
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_position_and_layout_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    app = seed_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("J", "J", "j", "l")
        expected = app.screen.view.current
        await pilot.press("q")
    app.library.close()
    library = Library.open(path)
    article_id = library.last_read_article()
    again = make_app(Settings(), library, article_id)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.screen.view.current == expected
        assert again.screen.view.reading_layout == "interleaved"
    library.close()


async def test_untranslated_article_shows_marker_not_blank(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3", translated=False)
    async with app.run_test(size=(160, 40)):
        view = app.screen.view
        text = "".join(seg.text for y in range(view.size.height) for seg in view.render_line(y))
        assert "not translated yet" in text
        assert "Kim Jong Un" in text


async def test_footer_lists_active_keys_and_a_click_runs_one(tmp_path: Path) -> None:
    from lettore.tui.widgets.key_bar import KeyBar

    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(160, 40)) as pilot:
        bar = app.screen.query_one(KeyBar)
        shown = bar.render().plain
        assert "Layout" in shown and "Help" in shown and "Quit" in shown
        assert "Previous paragraph" not in shown  # kept for help and the palette
        start = shown.index(" l ")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        assert app.screen.view.reading_layout == "interleaved"


async def test_status_line_follows_the_cursor_in_the_same_frame(tmp_path: Path) -> None:
    """The status line is updated by the very call that moves the cursor, so both are
    drawn in one frame (a message would reach the screen a frame later)."""
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, status = app.screen.view, app.screen.query_one("#status")
        view.action_cursor_down()
        assert status.text.plain.startswith(f"sentence 2/{len(view.positions)}")
        view.action_page_down()
        assert status.text.plain.startswith(f"sentence {view.cursor + 1}/")


async def test_after_first_screen_runs_once_the_article_is_drawn(tmp_path: Path) -> None:
    """The CLI pauses garbage collection until the first screen; the app calls it back
    once that screen is drawn, exactly once."""
    app = seed_app(tmp_path / "lib.sqlite3")
    seen: list[str] = []
    app.after_first_screen = lambda: seen.append(app.screen.query_one("#status").text.plain)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
    assert len(seen) == 1 and seen[0].startswith("sentence 1/")


async def test_next_screen_is_drawn_ahead_while_idle(tmp_path: Path) -> None:
    """Once the reader pauses, the blocks PageDown will show are already drawn, so the
    key repaints from the cache; the drawn-ahead lines are the ones then shown."""
    from lettore.tui.widgets.article_view import PREFETCH_AFTER

    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(100, 24)) as pilot:
        view = app.screen.view
        await pilot.pause(PREFETCH_AFTER * 3)
        _, landing = view._page_target(+1)
        width, layout, base = view.text_width, view.shown_layout, view.rich_style
        drawn = view.lines.drawn(landing, 0)
        assert drawn is not None, "the landing block was not drawn ahead"
        await pilot.press("pagedown")
        assert view.current == Position(landing, 0)
        assert view._block_lines(landing, width, layout, base) is drawn


async def test_opening_an_article_marks_it_last_read_after_the_first_screen(tmp_path: Path) -> None:
    """Opening without moving still makes the article the one a bare `reader` reopens; the
    write happens once the first screen is up, not before it."""
    from tests.tui.seed_app import seed_library

    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    assert library.last_read_article() is None
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.library.last_read_article() == app.screen.article.id
