"""Marks put into the Italian before the pivot where Spanish loses a distinction Italian makes,
and the English they turn into after it.

Spanish `su` is `his`, `her`, `its` and `their`: Italian `loro` is only `their`, so `il loro`
gets a mark that the second stage copies (an unknown word) and the `his` after it becomes
`their`. Impersonal `si` with a verb of saying (`si prevede che`) comes out `it foresees that`;
its mark makes it `it is expected that`. post_edit removes every mark last, so none reaches a
reader whatever rule is skipped. Measured on NTREX dev by benchmarks/bench_names.py.
"""

from __future__ import annotations

import re

# Italian possessive `loro` after an article or an articulated preposition (`il loro`, `dei
# loro`): Spanish has one `su`, which comes out `his`. The pre-edit puts this mark before
# the article; the post-edit turns the next `his` into `their` and removes the mark.
THEIR_MARK = "QXLOROQX"
_ARTICLE = (r"il|lo|la|i|gli|le|l['’]|del|dello|della|dei|degli|delle|dell['’]|al|allo|alla|ai|agli|alle|all['’]"
            r"|nel|nello|nella|nei|negli|nelle|nell['’]|sul|sullo|sulla|sui|sugli|sulle|sull['’]"
            r"|dal|dallo|dalla|dai|dagli|dalle|dall['’]|col|coi")
_LORO = re.compile(rf"(?<![\w'’])((?:{_ARTICLE})\s?loro\b)", re.IGNORECASE)
# The noun of a compound preposition (`a causa delle loro`, `in merito al loro`, `a partire
# dal`): a mark between it and its preposition breaks the locution, so none goes there.
_LOCUTION = frozenset({
    "merito", "causa", "partire", "inizio", "fine", "seguito", "base", "parte", "grazie", "rispetto", "insieme",
    "accanto", "vicino", "davanti", "dietro", "prima", "oltre", "fronte", "mezzo", "nome", "conto", "favore",
    "capo", "interno", "esterno", "corso", "occasione", "riguardo", "termine", "vista", "attesa", "cura",
})
_HIS_AFTER_MARK = re.compile(rf"\b{THEIR_MARK} ((?:[^\s]+ ){{0,2}}?)(his|His)\b")


def mark_their(italian: str) -> str:
    """`hanno perso la loro casa` -> `hanno perso QXLOROQX la loro casa` (see THEIR_MARK)."""
    def mark(match: re.Match[str]) -> str:
        before = re.split(r"[\s'’]+", italian[: match.start()].strip())[-1]
        if before.lower() in _LOCUTION:
            return match.group(1)
        return f"{THEIR_MARK} {match.group(1)}"

    return _LORO.sub(mark, italian) if "loro" in italian.lower() else italian


def their(english: str) -> str:
    """The `his` after each mark -> `their` (post_edit removes the marks last)."""
    return _HIS_AFTER_MARK.sub(lambda m: m.group(1) + ("Their" if m.group(2) == "His" else "their"), english)


def remove_marks(english: str) -> str:
    """The text without the pre-edits' marks (post_edit's last step, whatever it skipped)."""
    if THEIR_MARK in english or IMPERSONAL_MARK in english:
        return _MARK_ANY.sub("", english)
    return english


# Impersonal `si` with a verb of saying or thinking and `che` (`si prevede che`, `si ritiene
# che`): Spanish `se prevé que`, which comes out `it foresees that`; English says `it is
# expected that`. Marked before the pivot like `loro`; the mark stands where `si` was.
IMPERSONAL_MARK = "QXSIQX"
_IMPERSONAL = re.compile(
    r"(?<![\w'’])([Ss]i (?:prevede|prevedono|stima|stimano|dice|dicono|ritiene|ritengono|pensa|pensano|teme|temono"
    r"|crede|credono|calcola|calcolano|sa|ipotizza|presume|suppone|sospetta|sospettano|spera|sperano) che)\b")
_MARK_ANY = re.compile(rf"\b(?:{THEIR_MARK}|{IMPERSONAL_MARK})\b ?")
_AFTER_IMPERSONAL = re.compile(rf"\b{IMPERSONAL_MARK} (?:[Ii]t )?([A-Za-z]+)\b")
# The pivot's verbs for `prevedere`, `temere`: English says `expected`, `feared`.
_PASSIVE_VERB = {"foresee": "expect", "dread": "fear", "consider": "believe"}


def mark_impersonal(italian: str) -> str:
    """`si prevede che` -> `QXSIQX si prevede che` (see IMPERSONAL_MARK)."""
    return _IMPERSONAL.sub(rf"{IMPERSONAL_MARK} \1", italian)


def impersonal(english: str) -> str:
    """`QXSIQX foresees that` -> `it is expected that`, with a capital where the verb had one."""
    def passive(match: re.Match[str]) -> str:
        verb = match.group(1)
        from lemminflect import getInflection, getLemma  # lazy on purpose: loads its English tables

        lemma = next(iter(getLemma(verb.lower(), "VERB")), verb.lower())
        participle = next(iter(getInflection(_PASSIVE_VERB.get(lemma, lemma), "VBN")), None)
        if participle is None:
            return match.group(0)
        return ("It" if verb[0].isupper() else "it") + f" is {participle}"

    return _AFTER_IMPERSONAL.sub(passive, english) if IMPERSONAL_MARK in english else english
