"""Search in the reader: `/` opens a bar, matches in the original and the translation are
highlighted (ignoring case and accents), `n`/`N` step through them, Escape clears."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual.binding import Binding

from lettore.tui.columns import BlockText, Highlight
from lettore.tui.widgets.article_view import Position

if TYPE_CHECKING:  # the index and the bar are built, and their modules imported, on the first search
    from lettore.search import SearchIndex
    from lettore.tui.widgets.search_bar import SearchBar


class Match(NamedTuple):
    """One match: its sentence, which column it is in, and its range in that column's text."""

    block: int
    sentence: int
    column: str
    start: int
    end: int


class SearchFeature:
    """Mixin of the ReaderScreen: search bar, match highlights, n/N and the match count."""

    FEATURE_BINDINGS = [
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "search_next", "Next match", show=False, id="search_next"),
        Binding("N", "search_previous", "Previous match", show=False, id="search_previous"),
        Binding("escape", "search_clear", "Clear search", show=False, id="search_clear"),
    ]

    def feature_mount(self) -> None:
        """Start with no search (the bar itself is mounted on first use)."""
        self._search_query = ""
        self._search_matches: list[Match] = []
        self._search_current = -1
        self._search_by_block: dict[int, list[int]] = {}
        self._search_index: SearchIndex | None = None
        self._search_index_key: object = None

    async def _search_bar(self) -> SearchBar:
        """The search bar, mounted above the status line the first time `/` is pressed."""
        from lettore.tui.widgets.search_bar import SearchBar

        bars = self.query(SearchBar)
        if bars:
            return bars.first()
        bar = SearchBar(placeholder="search (accents and case ignored)", id="search-bar")
        await self.mount(bar, before=self.query_one("#status"))
        return bar

    # ---- actions -------------------------------------------------------------------

    async def action_search(self) -> None:
        """Open the search bar with the last query selected."""
        bar = await self._search_bar()
        bar.add_class("-visible")
        bar.focus()

    def action_search_next(self) -> None:
        """The next match after the current one (wrapping)."""
        self._search_step(+1)

    def action_search_previous(self) -> None:
        """The match before the current one (wrapping)."""
        self._search_step(-1)

    def action_search_clear(self) -> None:
        """Forget the search: no highlights, no bar."""
        self._search_close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape clears only while a search is shown; n/N need a search."""
        if action in ("search_clear", "search_next", "search_previous"):
            if not getattr(self, "_search_query", ""):
                return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    # ---- messages from the bar -----------------------------------------------------

    def on_search_bar_query_changed(self, event: SearchBar.QueryChanged) -> None:
        """Search as the user types; the current match is the first at or after the cursor."""
        self._search_run(event.query)
        self._search_current = self._first_match_from_cursor()
        self._search_show_current()

    def on_search_bar_query_submitted(self, event: SearchBar.QuerySubmitted) -> None:
        """Enter: keep the highlights, give the keys back to the article."""
        self.query_one("#search-bar").remove_class("-visible")
        self.view.focus()
        if self._search_query and not self._search_matches:
            self.notify(f"no match for {self._search_query!r}", severity="warning", timeout=2)

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        """Escape in the bar."""
        self._search_close()

    # ---- feature hooks -------------------------------------------------------------

    def feature_highlights(self, block: int) -> tuple[list[Highlight], list[Highlight]]:
        """Every match of this block, the current one stronger."""
        original: list[Highlight] = []
        translation: list[Highlight] = []
        for i in getattr(self, "_search_by_block", {}).get(block, []):
            match = self._search_matches[i]
            style = "article--search-current" if i == self._search_current else "article--search"
            target = original if match.column == "original" else translation
            target.append(Highlight(match.start, match.end, style))
        return original, translation

    def feature_status(self, position: Position) -> Text | None:
        """`search "x": 3/12` while a search is active."""
        query = getattr(self, "_search_query", "")
        if not query:
            return None
        if not self._search_matches:
            return Text.assemble(("no match", "bold"), f" for {query!r}")
        return Text.assemble(
            f"search {query!r}: ", (f"{self._search_current + 1}/{len(self._search_matches)}", "bold")
        )

    # ---- internals -----------------------------------------------------------------

    def _search_texts(self) -> SearchIndex:
        """Original and translation texts of every block, folded lazily and kept."""
        from lettore.search import SearchIndex

        key = id(self.view.translations)
        if self._search_index is None or key != self._search_index_key:
            texts: list[str] = []
            self._search_spans: list[BlockText] = []
            for block in self.article.blocks:
                built = BlockText.build(block, self.view.translations)
                self._search_spans.append(built)
                texts += [block.text, built.translation.text]
            self._search_index = SearchIndex(texts)
            self._search_index_key = key
        return self._search_index

    def _search_run(self, query: str) -> None:
        """Find every match of `query` in text order and redraw the highlights."""
        self._search_query = query.strip()
        matches: list[Match] = []
        if self._search_query:
            index = self._search_texts()
            for block in self.article.blocks:
                text = self._search_spans[block.index]
                found = [
                    Match(block.index, _sentence_of(text.original_spans, s), "original", s, e)
                    for s, e in index.find(2 * block.index, self._search_query)
                ]
                for s, e in index.find(2 * block.index + 1, self._search_query):
                    if any(a <= s < b for a, b in text.untranslated_spans):
                        continue
                    found.append(Match(block.index, _sentence_of(text.translation_spans, s), "translation", s, e))
                matches += sorted(found, key=lambda m: (m.sentence, m.column != "original", m.start))
        self._search_matches = matches
        self._search_by_block = {}
        for i, match in enumerate(matches):
            self._search_by_block.setdefault(match.block, []).append(i)
        self._search_current = -1
        self.view.refresh_highlights()
        self.update_status()

    def _first_match_from_cursor(self) -> int:
        """Index of the first match at or after the cursor sentence (-1: none at all)."""
        if not self._search_matches:
            return -1
        here = self.view.current
        for i, match in enumerate(self._search_matches):
            if here is None or (match.block, match.sentence) >= (here.block, here.sentence):
                return i
        return 0

    def _search_step(self, direction: int) -> None:
        """Move the current match and the cursor with it."""
        if not self._search_matches:
            self.notify(f"no match for {self._search_query!r}", severity="warning", timeout=2)
            return
        self._search_current = (self._search_current + direction) % len(self._search_matches)
        self._search_show_current()

    def _search_show_current(self) -> None:
        """Put the sentence cursor on the current match and refresh."""
        if 0 <= self._search_current < len(self._search_matches):
            match = self._search_matches[self._search_current]
            self.view.move_to(Position(match.block, match.sentence))
        self.view.refresh_highlights()
        self.update_status()

    def _search_close(self) -> None:
        """Clear the query, the highlights and the bar."""
        for bar in self.query("#search-bar"):
            bar.value = ""
            bar.remove_class("-visible")
        self._search_run("")
        self.view.focus()


def _sentence_of(spans: list[tuple[int, int]] | list[tuple[int, int] | None], offset: int) -> int:
    """The sentence whose range holds `offset` (the last one that starts before it)."""
    best = 0
    for i, span in enumerate(spans):
        if span is not None and span[0] <= offset:
            best = i
    return best
