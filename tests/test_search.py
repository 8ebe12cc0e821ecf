"""Search matching: accents and case never hide a match, and offsets hit the original text."""

from __future__ import annotations

import pytest

from lettore.search import find_all


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Perché no? Il perché è chiaro.", "perche", ["Perché", "perché"]),
        ("PERCHÉ lo dice", "Perché", ["PERCHÉ"]),
        ("Città e citta", "città", ["Città", "citta"]),
        ("l’Italia e l'Italia", "l'italia", ["l’Italia", "l'Italia"]),
        ("Straße, strasse", "strasse", ["Straße", "strasse"]),
        ("nessuna corrispondenza", "perche", []),
    ],
)
def test_matches_ignore_case_and_accents(text: str, query: str, expected: list[str]) -> None:
    """Each match's range cuts exactly the matched words out of the original."""
    assert [text[s:e] for s, e in find_all(text, query)] == expected


def test_blank_query_finds_nothing() -> None:
    """An empty search bar highlights nothing."""
    assert find_all("qualcosa", "   ") == []


def test_matches_do_not_overlap() -> None:
    """Repeated letters give consecutive, non-overlapping matches."""
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]


def test_index_matches_like_find_all() -> None:
    """The folded-once index gives the same ranges as a direct search, text by text."""
    from lettore.search import SearchIndex

    texts = ["Perché sì.", "Nessuna", "perche PERCHÉ"]
    index = SearchIndex(texts)
    for _ in range(2):
        assert [index.find(i, "perché") for i in range(3)] == [find_all(t, "perche") for t in texts]
    assert index.find(2, "perche") == [(0, 6), (7, 13)]
