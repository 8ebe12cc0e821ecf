"""Case- and accent-insensitive text search with offsets into the original text, so a
reader who types "perche" finds "perché" and "Perché" and the match can be highlighted."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, with each folded character's offset in the original."""

    text: str
    origin: tuple[int, ...]


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character without accents, case-folded ("É" -> "e", "ß" -> "ss")."""
    decomposed = unicodedata.normalize("NFD", char)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("\u2019", "'").replace("\u2018", "'")
    return bare.casefold()


def fold(text: str) -> Folded:
    """Fold a whole text, keeping where each folded character came from."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return Folded("".join(pieces), tuple(origin))


def fold_query(query: str) -> str:
    """The folded form of what the user typed, surrounding spaces dropped."""
    return fold(query.strip()).text


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of `query` in `text`, as original (start, end) ranges."""
    return find_folded(fold(text), fold_query(query), len(text))


def find_folded(folded: Folded, needle: str, length: int) -> list[tuple[int, int]]:
    """Matches of an already folded needle in an already folded text of `length` characters."""
    if not needle or not folded.text:
        return []
    found: list[tuple[int, int]] = []
    at = folded.text.find(needle)
    while at >= 0:
        found.append((folded.origin[at], min(length, folded.origin[at + len(needle) - 1] + 1)))
        at = folded.text.find(needle, at + len(needle))
    return found


class SearchIndex:
    """Many texts searched again and again: each is folded once, on the first search."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self._folded: list[Folded | None] = [None] * len(texts)

    def find(self, index: int, query: str) -> list[tuple[int, int]]:
        """Matches of `query` in text number `index`."""
        folded = self._folded[index]
        if folded is None:
            folded = self._folded[index] = fold(self.texts[index])
        return find_folded(folded, fold_query(query), len(self.texts[index]))
