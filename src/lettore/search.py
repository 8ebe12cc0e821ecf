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
    needle = fold_query(query)
    if not needle or not text:
        return []
    folded = fold(text)
    found: list[tuple[int, int]] = []
    at = folded.text.find(needle)
    while at >= 0:
        found.append(_original_span(folded, at, at + len(needle), len(text)))
        at = folded.text.find(needle, at + len(needle))
    return found


def _original_span(folded: Folded, start: int, end: int, length: int) -> tuple[int, int]:
    """Map a folded range back to the original characters it came from."""
    first = folded.origin[start]
    last_char = folded.origin[end - 1]
    return first, min(length, last_char + 1)
