"""How the library screen arranges its rows: a title search (case and accents ignored),
a sort order and a filter on the translated share. Plain data and functions, no Textual,
so the screen only keeps one of these and redraws what `arrange` returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lettore.search import fold_query
from lettore.store.library import ArticleSummary

# Sort orders in the order `s` cycles them, the first being the default: dates and shares
# come newest / highest first; undated articles after the dated ones, newest added first.
SORTS: dict[str, Callable[[ArticleSummary], Any]] = {
    "date": lambda row: (not row.date, _descending(row.date or ""), -row.added_at, -row.id),
    "added": lambda row: row.id,
    "title": lambda row: fold_query(row.title),
    "translated": lambda row: (-row.percent_translated, row.id),
}
# Filters on the translated share, in the order `t` cycles them.
SHARES: dict[str, Callable[[ArticleSummary], bool]] = {
    "all": lambda row: True,
    "untranslated": lambda row: row.translated == 0 and row.sentences > 0,
    "partly translated": lambda row: 0 < row.translated < row.sentences,
    "translated": lambda row: row.sentences > 0 and row.translated >= row.sentences,
}


def _descending(text: str) -> tuple[int, ...]:
    """A key that sorts strings (ISO dates) newest first."""
    return tuple(-ord(char) for char in text)


def _next(current: str, names: Iterable[str]) -> str:
    """The name after `current`, wrapping."""
    order = list(names)
    return order[(order.index(current) + 1) % len(order)]


@dataclass
class LibraryView:
    """The search text, the sort order and the translated-share filter now in force."""

    query: str = ""
    sort: str = next(iter(SORTS))
    share: str = "all"

    def arrange(self, rows: Iterable[ArticleSummary]) -> list[ArticleSummary]:
        """The rows that pass the search and the filter, in the chosen order."""
        wanted = fold_query(self.query)
        kept = [row for row in rows if SHARES[self.share](row) and wanted in fold_query(row.title)]
        return sorted(kept, key=SORTS[self.sort])

    def next_sort(self) -> None:
        """Cycle the sort order."""
        self.sort = _next(self.sort, SORTS)

    def next_share(self) -> None:
        """Cycle the translated-share filter."""
        self.share = _next(self.share, SHARES)

    @property
    def narrowed(self) -> bool:
        """Some rows may be hidden by the search or the filter."""
        return bool(self.query.strip()) or self.share != "all"

    def describe(self) -> str:
        """One line for the screen: order, filter and search, with their keys."""
        parts = [f"sorted by {self.sort} (s)", f"showing {self.share} (t)"]
        parts.append(f"title has {self.query.strip()!r} (/)" if self.query.strip() else "search titles (/)")
        return " · ".join(parts)
