"""Search in the reader: `/` types a query, matches ignore accents and case in both
columns, `n`/`N` move the cursor between them, Escape clears."""

from __future__ import annotations

import time

from lettore.config import Settings
from lettore.model import Article, Translation
from lettore.segment import make_block
from lettore.tui.app import make_app
from lettore.tui.parts.search import SearchPart

PARAGRAPHS = [
    "Perché il governo tace? Nessuno lo sa.",
    "Il ministro non ha spiegato il perche della scelta. La gente aspetta.",
    "Alla fine tutti chiedono: PERCHÉ?",
]
ENGLISH = {
    (1, 0): "Why is the government silent?",
    (1, 1): "Nobody knows.",
    (2, 0): "The minister did not explain the reason for the choice.",
    (2, 1): "People are waiting.",
}


def make_library(library):
    """A heading and three paragraphs, partly translated."""
    blocks = [make_block(0, "heading", "Le domande")]
    blocks += [make_block(i, "paragraph", text) for i, text in enumerate(PARAGRAPHS, start=1)]
    article_id, _ = library.add_article(Article("Le domande", tuple(blocks), content_hash="search-test"))
    library.set_translations(
        article_id, [(key, Translation(text, "memory", time.time())) for key, text in ENGLISH.items()]
    )
    return article_id


async def test_search_highlights_and_steps_through_matches(library) -> None:
    """"perche" finds Perché, perche and PERCHÉ; n/N move the cursor; Escape clears."""
    app = make_app(Settings(), library, make_library(library))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"perche")
        await pilot.pause()
        found = [(m.block, m.sentence, m.column) for m in screen.part(SearchPart).matches]
        assert found == [(1, 0, "original"), (2, 0, "original"), (3, 0, "original")]
        status = str(screen.query_one("#status").render())
        assert "1/3" in status
        await pilot.press("enter")
        assert app.focused is screen.view
        await pilot.press("n")
        assert (screen.view.current.block, screen.view.current.sentence) == (2, 0)
        assert "2/3" in str(screen.query_one("#status").render())
        await pilot.press("N", "N")
        assert screen.view.current.block == 3
        original, _ = screen._feature_highlights(3)
        assert [h.style for h in original if h.style.startswith("article--search")] == ["article--search-current"]
        await pilot.press("escape")
        assert screen.part(SearchPart).matches == []
        assert not [h for h in screen._feature_highlights(1)[0] if h.style.startswith("article--search")]


async def test_search_finds_text_in_the_translation(library) -> None:
    """An English word is found in the translation column and counted."""
    app = make_app(Settings(), library, make_library(library))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"government", "enter")
        matches = app.screen.part(SearchPart).matches
        assert [(m.block, m.column) for m in matches] == [(1, "translation")]
        _, translation = app.screen._feature_highlights(1)
        start, end = next((h.start, h.end) for h in translation if h.style == "article--search-current")
        assert ENGLISH[(1, 0)][start:end] == "government"


async def test_a_search_without_match_leaves_the_cursor_where_it_was(library) -> None:
    """`/`, "xyz", Enter: "x"... matched nothing on the way, so the cursor stays on sentence 1;
    a partial match that pulled the cursor along gives it back once the query stops matching."""
    app = make_app(Settings(), library, make_library(library))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.view
        start = view.current
        await pilot.press("slash", *"xyz", "enter")
        await pilot.pause()
        assert view.current == start
        await pilot.press("slash", "ctrl+a", "backspace", *"gentez", "enter")  # "gente" matches, "gentez" not
        await pilot.pause()
        assert view.current == start
        status = str(app.screen.query_one("#status").render())
        assert "sentence 1/" in status


async def test_escape_in_the_search_bar_puts_the_cursor_back(library) -> None:
    """Typing pulls the cursor to the first match; Escape cancels the search and the move."""
    app = make_app(Settings(), library, make_library(library))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.view
        start = view.current
        await pilot.press("slash", *"gente")
        await pilot.pause()
        assert view.current != start
        await pilot.press("escape")
        await pilot.pause()
        assert view.current == start


async def test_matches_are_found_from_where_the_search_started(library) -> None:
    """Typing "gente", erasing it, then "perche": the first match counts from the cursor before
    the search, not from where "gente" had moved it (that would be 3/3)."""
    app = make_app(Settings(), library, make_library(library))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"gente", *["backspace"] * 5, *"perche")
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "1/3" in status
