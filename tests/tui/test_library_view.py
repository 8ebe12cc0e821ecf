"""The library screen's arrangement: search ignores accents and case, dates sort newest
first with undated last, filters cycle and say what they do."""

from __future__ import annotations

from lettore.store.library import ArticleSummary
from lettore.tui.library_view import SHARES, SORTS, LibraryView


def row(id: int, title: str, date: str | None, sentences: int = 4, translated: int = 0) -> ArticleSummary:
    return ArticleSummary(id, title, date, None, 1, sentences, translated, 100, 0.0, None, True)


ROWS = [row(1, "Perché la Borsa scende", "2024-01-02", translated=4), row(2, "Meteo", None),
        row(3, "PERCHE no", "2025-06-01", translated=1)]


def test_search_ignores_accents_and_case() -> None:
    assert [r.id for r in LibraryView(query=" perche ", sort="added").arrange(ROWS)] == [1, 3]


def test_dates_newest_first_and_undated_last() -> None:
    assert [r.id for r in LibraryView(sort="date").arrange(ROWS)] == [3, 1, 2]


def test_cycles_wrap_and_describe_says_the_keys() -> None:
    view = LibraryView()
    for _ in SORTS:
        view.next_sort()
    for _ in SHARES:
        view.next_share()
    assert (view.sort, view.share, view.narrowed) == ("date", "all", False)
    view.next_share()
    assert view.narrowed and [r.id for r in view.arrange(ROWS)] == [2]
    assert view.describe() == "sorted by date (s) · showing untranslated (t) · search titles (/)"
