"""Italian negation and `di` + infinitive as the it->es->en pivot leaves them, in English form.

Italian `non ... più` and `non ... mai` (Spanish `no ... más`, `no ... nunca`) come out
`not more` and `not ... never`; a `no` the second stage could not attach to a verb stays
before it (`we no will give`); `la possibilità di votare` comes out `the possibility to vote`
where English says `of voting`. Measured on NTREX dev by benchmarks/bench_names.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

# `non ... più`: `they are not more friends` -> `no longer`; `not more than 10` is a comparison.
_NOT_MORE = re.compile(r"\bnot more\b(?! than\b)")
# `non ... mai`: `will not renounce never` -> `will never renounce`, `did not know never` -> `never knew`.
_NOT_NEVER = re.compile(r"\b(?:(do|does|did) )?not (?:([a-z]+) )?never\b")
# `no` before an auxiliary: `we no will give` -> `we will not give` (not `there is no will to`).
_NO_AUXILIARY = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bwith )"
                           r"(?<!\bthere )\bno (would|could|should|will|can|is|are|was|were)\b")


_BRITISH_L = re.compile(r"[^aeiou][aeiou]l$")


def _inflect(verb: str, tag: str) -> str | None:
    """The verb in the form `tag` (VBD, VBZ, VBG, VB), or None when it is not a verb."""
    from lemminflect import getInflection  # lazy on purpose: loads its English tables

    lemma = _verb_lemma(verb)
    if lemma is None:
        return None
    forms = getInflection(lemma, tag)
    if not forms:
        return None
    if _BRITISH_L.search(lemma) and forms[0] in (lemma + "ing", lemma + "ed"):
        return lemma + "l" + forms[0][len(lemma):]  # the pivot writes British English: `travelling`
    return forms[0]


@lru_cache(maxsize=4096)
def _verb_lemma(word: str) -> str | None:
    """The word's verb lemma when it is a base form of a verb (`vote`, `know`), else None."""
    from lemminflect import getAllLemmas  # lazy on purpose: loads its English tables

    lemmas = getAllLemmas(word).get("VERB", ())
    return word if word in lemmas else None


def _never(match: re.Match[str]) -> str:
    """`not X never` -> `never X`, the tense moved from `do` onto the verb."""
    auxiliary, verb = match.group(1), match.group(2)
    if verb is None:
        return (f"{auxiliary} " if auxiliary else "") + "never"
    if auxiliary:
        tag = {"do": "VB", "does": "VBZ", "did": "VBD"}[auxiliary]
        inflected = _inflect(verb, tag)
        return f"never {inflected}" if inflected else match.group(0)
    return f"never {verb}"


def negation(english: str) -> str:
    """`not more` -> `no longer`, `not X never` -> `never X`, `no will` -> `will not`."""
    if "not" in english:
        english = _NOT_NEVER.sub(_never, _NOT_MORE.sub("no longer", english))
    if "no " in english or "No " in english:
        english = _NO_AUXILIARY.sub(r"\1 not", english)
    return english


# Nouns that take `of` + gerund in English where Italian has `di` + infinitive (`la
# possibilità di votare`, `il rischio di perdere`), and `difficulty in` (`difficoltà a`).
_OF_GERUND = re.compile(
    r"(?<!\bin )\b(possibility|possibilities|idea|habit|process|method|importance|purpose|risk|fear|hope|hopes"
    r"|difficulty|difficulties) to ([a-z]+)\b")


def of_gerund(english: str) -> str:
    """`the possibility to vote` -> `the possibility of voting`, `difficulty to count` ->
    `difficulty in counting`; only when the word after `to` is a verb, and not after `in`
    (`in difficulty`, a state)."""
    def gerund(match: re.Match[str]) -> str:
        noun, verb = match.groups()
        form = _inflect(verb, "VBG")
        if form is None:
            return match.group(0)
        return f"{noun} {'in' if noun.startswith('difficult') else 'of'} {form}"

    return _OF_GERUND.sub(gerund, english) if " to " in english else english


# `non ... ancora` -> Spanish `no ... todavía` -> `not still`: English `not yet`.
_NOT_STILL = re.compile(r"\bnot still\b")
# Italian puts `sempre`, `ancora`, `già`, `anche` after the verb (`ha voluto sempre`,
# `sperano ancora`); English puts them before a lexical verb (`always wanted`, `still hope`).
_VERB_ADVERB = re.compile(r"\b([a-z]+(?:ed|s))\b (always|still|already|often|also|never|usually|sometimes)\b"
                          r"(?! (?:the|a|an|more|than|as|in|on|at|of)\b)")
_NOT_LEXICAL = frozenset({"is", "was", "has", "does", "seems", "becomes", "remains", "looks", "sounds", "appears"})


@lru_cache(maxsize=4096)
def _only_a_verb(word: str) -> bool:
    """Whether lemminflect knows the word as a verb and not as a noun (`underlined`, not `results`)."""
    from lemminflect import getAllLemmas  # lazy on purpose: loads its English tables

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and "NOUN" not in lemmas


def adverb_before_verb(english: str) -> str:
    """`not still clear` -> `not yet clear`, `he underlined also` -> `he also underlined`."""
    english = _NOT_STILL.sub("not yet", english) if "not still" in english else english

    def swap(match: re.Match[str]) -> str:
        verb, adverb = match.groups()
        if verb in _NOT_LEXICAL or not _only_a_verb(verb):
            return match.group(0)
        return f"{adverb} {verb}"

    return _VERB_ADVERB.sub(swap, english)
