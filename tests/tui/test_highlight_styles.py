"""Highlight colours come from the theme: a theme switch recolours the cursor and the
entities, and translucent colours are blended over the article's background."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from lettore.tui.highlight_styles import HIGHLIGHTS, resolve_highlights
from tests.tui.seed_app import seed_app


def cursor_cells(view) -> set:
    """Background colours of the cells drawn under the sentence cursor."""
    cursor = view.style_for("article--cursor").bgcolor
    return {
        segment.style.bgcolor
        for y in range(view.size.height)
        for segment in view.render_line(y)
        if segment.style and segment.style.bgcolor == cursor
    }


def test_every_highlight_resolves_in_every_builtin_theme() -> None:
    app = App()
    for theme in app.available_themes:
        app.theme = theme
        styles = resolve_highlights(app.get_css_variables())
        assert set(styles) == set(HIGHLIGHTS), theme
        assert styles["article--cursor"].bgcolor is not None, theme
        assert styles["article--entity-PER"].bold, theme


def test_translucent_colours_are_blended_not_dropped() -> None:
    variables = App().get_css_variables()
    styles = resolve_highlights(variables)
    full = styles["article--original"].color
    dimmed = styles["article--translation"].color
    assert full is not None and dimmed is not None and full != dimmed
    assert styles["article--search"].bgcolor != styles["article--search-current"].bgcolor


def test_unknown_variable_leaves_the_text_colour_alone() -> None:
    styles = resolve_highlights({"surface": "#000000"})
    assert styles["article--entity-PER"].color is None
    assert styles["article--entity-PER"].bold


async def test_theme_switch_recolours_the_cursor(tmp_path: Path) -> None:
    app = seed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.view
        before = cursor_cells(view)
        app.theme = "gruvbox"
        await pilot.pause()
        after = cursor_cells(view)
        assert before and after and before != after
