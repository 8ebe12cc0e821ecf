"""Words the it->es->en pivot does not know, looked up through the Catalan pair.

Apertium marks a word its dictionaries lack: `**polizia` in the English is an Italian word
the it->es stage left as it was, `*pesquisa` a Spanish word the es->en stage did not know,
`#`/`@` a form it could not generate. The Italian pivot's gaps are not the Catalan pair's
(`apertium-cat-ita`, `apertium-eng-cat`), so each distinct Italian unknown is translated
alone through it->ca->en, in one run for the whole text, and put in its place; a word it
does not know either, an English word used in Italian (`leader`, `staff`) and anything
with a digit stay as written. Without the Catalan pair the marks are only removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

CATALAN_MODES = ("ita-cat", "cat-eng")

# In the it->es stage's output: `*word` an Italian word it did not know; `#` and `@` a form
# it could not generate (also before punctuation: `Martin#’s`).
_UNKNOWN = re.compile(r"(?<![\w*#@])\*(\w[\w'’-]*)")
_PRONOUN = re.compile(r"^(?:it|he|she|they|we|you|I) (?=\w)")
_WORD_LIMIT = 3  # a lookup that comes back longer than this is a paraphrase, not a word

Runner = Callable[[str, Sequence[str]], str]


def marked_words(spanish: str) -> list[str]:
    """The distinct Italian words that the it->es stage marked unknown."""
    return list(dict.fromkeys(match.group(1) for match in _UNKNOWN.finditer(spanish)))


def strip_marks(text: str, source: str) -> str:
    """The stage's output as `apertium -u` gives it: the marks removed, except a mark
    character the source itself holds (`#hashtag`), which is left alone."""
    for mark in "*#@":
        if mark not in source:
            text = text.replace(mark, "")
    return text


def _worth_looking_up(word: str) -> bool:
    """Not a figure or code, and not an English word that Italian borrows as it is."""
    if any(ch.isdigit() for ch in word) or len(word) < 3:
        return False
    from lemminflect import getAllLemmas  # lazy on purpose: loads its English word tables

    return not getAllLemmas(word.lower())


def accepted(word: str, english: str) -> str | None:
    """The lookup's English when it is a translation: known (no mark), short, not the word
    itself; a capitalised word (a place: `Cina` -> `China`) must come back as one
    capitalised word of letters only. The `it`/`they` the pivot adds to a lone verb is dropped."""
    english = " ".join(english.split())
    if not english or any(mark in english for mark in "*#@") or english.lower() == word.lower():
        return None
    if word[0].isupper():
        english = english.removeprefix("The ")
        return english if english.isalpha() and english[0].isupper() else None
    english = _PRONOUN.sub("", english)
    return english if len(english.split()) <= _WORD_LIMIT else None


def look_up(words: Sequence[str], run: Runner) -> dict[str, str]:
    """Each word worth it (`_worth_looking_up`) with its English through it->ca->en, one run
    for all; words with none are left out."""
    words = [word for word in words if _worth_looking_up(word)]
    if not words:
        return {}
    output = run("\n\n".join(words) + "\n", CATALAN_MODES)
    pieces = output.strip("\n").split("\n\n")
    if len(pieces) != len(words):
        return {}
    found = {word: accepted(word, piece) for word, piece in zip(words, pieces, strict=True)}
    return {word: english for word, english in found.items() if english}


def fill(english: str, words: Sequence[str], found: dict[str, str]) -> str:
    """The translation with each of its unknown `words` that has an English put in as a
    whole word; `a`/`an` before a put-in word follows its first letter."""
    for word in words:
        replacement = found.get(word)
        if replacement is None:
            continue
        english, count = re.subn(rf"(?<!\w){re.escape(word)}(?!\w)", replacement.replace("\\", "\\\\"), english)
        if count:
            article = r"\1n " if _vowel(replacement) else r"\1 "
            english = re.sub(rf"\b([Aa])n? (?={re.escape(replacement)}\b)", article, english)
    return english


def _vowel(word: str) -> bool:
    """Whether English writes `an` before the word (by its first letter)."""
    return word[:1].lower() in "aeiou"
