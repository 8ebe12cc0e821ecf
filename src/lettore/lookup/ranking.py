"""Which senses a lookup shows first: the one the sentence's translation uses, then
Apertium's glosses, then FreeDict's first senses, capped so the popup stays readable."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from lettore.words import Sense, WordInfo

MAX_SENSES = 6
# Stored with each cached lookup: answers ranked by an older rule are looked up again.
RANKING_VERSION = 2
# Parts of speech whose FreeDict entries are fragments of longer phrases ("in casa" ->
# "at home" filed under "in"): for these, FreeDict is not consulted.
CLOSED_CLASSES = frozenset({"preposition", "determiner", "conjunction", "pronoun", "relative"})
AUXILIARY_TAGS = ("<vbser>", "<vbhaver>")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def merge_senses(apertium: Iterable[Sense], freedict: Iterable[Sense], cap: int = MAX_SENSES) -> tuple[Sense, ...]:
    """Apertium's glosses first, then FreeDict's not already given (ignoring case), at most `cap`."""
    kept: list[Sense] = []
    seen: set[tuple[str, str]] = set()
    for sense in (*apertium, *freedict):
        key = (sense.lemma, sense.gloss.casefold())
        if key not in seen:
            seen.add(key)
            kept.append(sense)
    return tuple(kept[:cap])


def english_lemmas(translation: str | None) -> frozenset[str]:
    """The words of an English sentence and their lemmas, lower case (slow the first time:
    simplemma loads its English table, so callers run it off the UI thread)."""
    if not translation:
        return frozenset()
    from simplemma import lemmatize  # lazy on purpose: ~0.3 s to load the English table

    words = [w.lower() for w in _ENGLISH_WORD.findall(translation)]
    return frozenset(words) | frozenset(lemmatize(w, lang="en").lower() for w in words)


def for_sentence(info: WordInfo, context: frozenset[str]) -> WordInfo:
    """The senses the sentence's translation uses first (and their reading as the main one)."""
    if not context:
        return info
    used = [s for s in info.senses if _gloss_in(s.gloss, context)]
    if not used:
        return info
    rest = [s for s in info.senses if s not in used]
    main = used[0]
    pos = main.pos or next((p for lemma, p in info.readings if lemma == main.lemma), info.pos)
    return replace(info, lemma=main.lemma, pos=pos, senses=(*used, *rest))


def _gloss_in(gloss: str, context: frozenset[str]) -> bool:
    """Every word of the gloss (a one- or two-word English lemma) appears in the sentence."""
    words = [w.lower() for w in _ENGLISH_WORD.findall(gloss)]
    return bool(words) and all(w in context for w in words)
