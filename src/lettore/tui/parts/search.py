"""Search in the reader: `/` opens a bar, matches in the original and the translation are
highlighted (ignoring case and accents), `n`/`N` step through them, Escape clears."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual.binding import Binding

from lettore.tui.columns import BlockText, Highlight
from lettore.tui.parts.base import Action, Highlights, ReaderPart
from lettore.tui.widgets.article_view import Position

if TYPE_CHECKING:  # the index and the bar are built, and their modules imported, on the first search
    from lettore.search import SearchIndex
    from lettore.tui.screens.reader import ReaderScreen
    from lettore.tui.widgets.search_bar import SearchBar


class Match(NamedTuple):
    """One match: its sentence, which column it is in, and its range in that column's text."""

    block: int
    sentence: int
    column: str
    start: int
    end: int


class SearchPart(ReaderPart):
    """Search bar, match highlights, n/N and the match count."""

    NAME = "search"
    BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "search_next", "Next match", show=False, id="search_next"),
        Binding("N", "search_previous", "Previous match", show=False, id="search_previous"),
        Binding("escape", "search_clear", "Clear search", show=False, id="search_clear"),
    ]

    def __init__(self, screen: ReaderScreen) -> None:
        super().__init__(screen)
        self.query_text = ""
        self.matches: list[Match] = []
        self._search_current = -1
        self._search_by_block: dict[int, list[int]] = {}
        self._search_index: SearchIndex | None = None
        self._search_index_key: object = None
        self._search_spans: list[BlockText] = []
        self._bar: SearchBar | None = None
        # Where the cursor was when the bar opened: matches count from there, and the
        # cursor goes back there when the query matches nothing or the bar is escaped.
        self._origin: Position | None = None

    def actions(self) -> Mapping[str, Action]:
        """Open the bar, step through matches, clear."""
        return {"search": self.open_bar, "search_next": lambda: self._search_step(+1),
                "search_previous": lambda: self._search_step(-1), "search_clear": self._search_close}

    async def _search_bar(self) -> SearchBar:
        """The search bar, mounted above the status line the first time `/` is pressed."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.widgets.search_bar import SearchBar

        if self._bar is not None:
            return self._bar
        self.screen.listen(SearchBar.QueryChanged, self._query_changed)
        self.screen.listen(SearchBar.QuerySubmitted, self._query_submitted)
        self.screen.listen(SearchBar.Closed, self._bar_closed)
        self._bar = SearchBar(placeholder="search (accents and case ignored)", id="search-bar")
        await self.screen.mount(self._bar, before=self.screen.query_one("#status"))
        return self._bar

    # ---- actions -------------------------------------------------------------------

    async def open_bar(self) -> None:
        """Open the search bar with the last query selected."""
        bar = await self._search_bar()
        self._origin = self.view.current
        bar.add_class("-visible")
        bar.focus()

    def check_action(self, action: str) -> bool | None:
        """Escape clears only while a search is shown; n/N need a search."""
        return bool(self.query_text) or action not in ("search_clear", "search_next", "search_previous")

    # ---- messages from the bar -----------------------------------------------------

    def _query_changed(self, event: SearchBar.QueryChanged) -> None:
        """Search as the user types; the current match is the first at or after where the
        search started, and with no match the cursor is back there."""
        self._search_run(event.query)
        self._search_current = self._first_match_from(self._origin)
        if self._search_current < 0 and self._origin is not None:
            self.view.move_to(self._origin)
        self._search_show_current()

    def _query_submitted(self, event: SearchBar.QuerySubmitted) -> None:
        """Enter: keep the highlights, give the keys back to the article."""
        if self._bar is not None:
            self._bar.remove_class("-visible")
        self.view.focus()
        if self.query_text and not self.matches:
            self.screen.notify(f"no match for {self.query_text!r}", severity="warning", timeout=2)

    def _bar_closed(self, event: SearchBar.Closed) -> None:
        """Escape in the bar: no search, and the cursor back where it was before it."""
        origin = self._origin
        self._search_close()
        if origin is not None:
            self.view.move_to(origin)

    # ---- part hooks ----------------------------------------------------------------

    def highlights(self, block: int) -> Highlights:
        """Every match of this block, the current one stronger."""
        original: list[Highlight] = []
        translation: list[Highlight] = []
        for i in self._search_by_block.get(block, []):
            match = self.matches[i]
            style = "article--search-current" if i == self._search_current else "article--search"
            target = original if match.column == "original" else translation
            target.append(Highlight(match.start, match.end, style))
        return original, translation

    def status(self, position: Position) -> Text | None:
        """`search "x": 3/12` while a search is active."""
        query = self.query_text
        if not query:
            return None
        if not self.matches:
            return Text.assemble(("no match", "bold"), f" for {query!r}")
        return Text.assemble(
            f"search {query!r}: ", (f"{self._search_current + 1}/{len(self.matches)}", "bold")
        )

    # ---- internals -----------------------------------------------------------------

    def _search_texts(self) -> SearchIndex:
        """Original and translation texts of every block, folded lazily and kept."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.search import SearchIndex

        key = id(self.view.translations)
        if self._search_index is None or key != self._search_index_key:
            texts: list[str] = []
            self._search_spans = []
            for block in self.screen.article.blocks:
                built = BlockText.build(block, self.view.translations)
                self._search_spans.append(built)
                texts += [block.text, built.translation.text]
            self._search_index = SearchIndex(texts)
            self._search_index_key = key
        return self._search_index

    def _search_run(self, query: str) -> None:
        """Find every match of `query` in text order and redraw the highlights."""
        self.query_text = query.strip()
        matches: list[Match] = []
        if self.query_text:
            index = self._search_texts()
            for block in self.screen.article.blocks:
                text = self._search_spans[block.index]
                found = [
                    Match(block.index, _sentence_of(text.original_spans, s), "original", s, e)
                    for s, e in index.find(2 * block.index, self.query_text)
                ]
                for s, e in index.find(2 * block.index + 1, self.query_text):
                    if any(a <= s < b for a, b in text.untranslated_spans):
                        continue
                    found.append(Match(block.index, _sentence_of(text.translation_spans, s), "translation", s, e))
                matches += sorted(found, key=lambda m: (m.sentence, m.column != "original", m.start))
        self.matches = matches
        self._search_by_block = {}
        for i, match in enumerate(matches):
            self._search_by_block.setdefault(match.block, []).append(i)
        self._search_current = -1
        self.view.refresh_highlights()
        self.screen.update_status()

    def _first_match_from(self, here: Position | None) -> int:
        """Index of the first match at or after this sentence (-1: none at all)."""
        if not self.matches:
            return -1
        for i, match in enumerate(self.matches):
            if here is None or (match.block, match.sentence) >= (here.block, here.sentence):
                return i
        return 0

    def _search_step(self, direction: int) -> None:
        """Move the current match and the cursor with it."""
        if not self.matches:
            self.screen.notify(f"no match for {self.query_text!r}", severity="warning", timeout=2)
            return
        self._search_current = (self._search_current + direction) % len(self.matches)
        self._search_show_current()

    def _search_show_current(self) -> None:
        """Put the sentence cursor on the current match and refresh."""
        if 0 <= self._search_current < len(self.matches):
            match = self.matches[self._search_current]
            self.view.move_to(Position(match.block, match.sentence))
        self.view.refresh_highlights()
        self.screen.update_status()

    def _search_close(self) -> None:
        """Clear the query, the highlights and the bar."""
        if self._bar is not None:
            self._bar.value = ""
            self._bar.remove_class("-visible")
        self._search_run("")
        self.view.focus()


def _sentence_of(spans: list[tuple[int, int]] | list[tuple[int, int] | None], offset: int) -> int:
    """The sentence whose range holds `offset` (the last one that starts before it)."""
    best = 0
    for i, span in enumerate(spans):
        if span is not None and span[0] <= offset:
            best = i
    return best
