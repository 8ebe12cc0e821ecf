"""Italian-aware word tokenizer giving character spans, shaped like the KIND gold tokens
so the tagger sees at run time the same units it was trained on."""

from __future__ import annotations

import re

_APOS = "'’"
_TOKEN_RE = re.compile(
    r"""
    (?:https?://|www\.)\S+[^\s.,;:!?)\]»"']           # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                     # e-mail addresses
    | \d+(?:[.,:]\d+)+(?:-\w+)*                        # 2.000  3,5  20.30  1.234,56
    | (?:[^\W\d_]\.){2,}                               # S.p.A. (letters and dots)
    | [^\W_]+(?:-[^\W_]+)+                             # T-62  Emilia-Romagna  COVID-19
    | [^\W\d_]+['’](?=[^\W_])                        # elided article: dell' l' c'
    | [^\W_]+                                          # plain words and numbers
    | \.\.\.|…                                         # ellipsis
    | \S                                               # any other single character
    """,
    re.VERBOSE,
)

# Abbreviations whose dot belongs to the word (checked case-insensitively).
_ABBREVIATIONS = frozenset(
    "sig sigg sig.ra dott dott.ssa prof prof.ssa avv ing on sen arch geom rag mons "
    "gen col cap ten magg s st jr sr ecc es pag ca vs dr mr mrs ms n nn art lett".split()
)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Split Italian text into token (start, end) character spans."""
    spans: list[tuple[int, int]] = []
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if (
            spans
            and text[start:end] == "."
            and spans[-1][1] == start
            and _is_abbreviation(text[spans[-1][0] : spans[-1][1]], text, end)
        ):
            spans[-1] = (spans[-1][0], end)
            continue
        spans.append((start, end))
    return spans


def _is_abbreviation(word: str, text: str, after: int) -> bool:
    """True when `word` + "." is a title or an initial rather than a sentence end."""
    if not word.isalpha():
        return False
    followed_by_word = after < len(text) and text[after : after + 2].strip() != ""
    next_text = text[after:].lstrip()
    next_upper = bool(next_text) and next_text[0].isupper()
    if len(word) == 1 and word.isupper():
        return bool(next_text) and (next_upper or followed_by_word)
    return word.lower() in _ABBREVIATIONS and bool(next_text)


def tokenize_words(text: str) -> list[str]:
    """The token strings of `text`, for callers that do not need offsets."""
    return [text[start:end] for start, end in tokenize(text)]
