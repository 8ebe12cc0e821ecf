"""Grammatical repairs of the Apertium it->es->en pivot: constructions it carries over from
Italian or loses in Spanish, mended where English grammar says how.

Each rule names the construction and why the pivot gets it wrong: a protected institution
comes back without its article; the Italian age after the noun (`un uomo di 32 anni`, `una
sedicenne`); conditional `dovere` (`would have to` for `dovrebbe`); `che` after a person
(`that` for `who`); an adjective after a noun the pivot did not know; `chiunque`. Measured
one by one on NTREX dev by benchmarks/bench_names.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lettore.translate.institutions import INSTITUTIONS

# `sea quien sea`, the it->es stage's `chiunque`, comes out `was the one who was`.
_ANYONE = re.compile(r"\b(?:[Ii]t )?([Ww])as the one who was\b")


def anyone(english: str) -> str:
    """`an appeal to was the one who was` -> `an appeal to anyone`."""
    return _ANYONE.sub(lambda m: "Anyone" if _SENTENCE_START.search(english[: m.start()]) else "anyone", english)


# Apertium's tags that reach the output (`no <prn> would have done it`, from `ce l'avrebbe`).
_TAG = re.compile(r" ?<[a-z]+>(?:<[a-z]+>)*")


def without_tags(english: str) -> str:
    """The text without leaked analysis tags such as `<prn>`."""
    return _TAG.sub("", english) if "<" in english else english


# An adjective the pivot left after a noun it did not know as one (`the staff foreign`,
# `a moment historical`): English puts it first. Only a word that is nothing but an adjective
# after one that is only a noun (lemminflect's tables), and not before a complement (`the
# people able to`, `a number higher than`).
_NOUN_ADJECTIVE = re.compile(
    r"\b(the|a|an|The|A|An|his|her|its|their|our) ([a-z]+) ([a-z][a-z-]+)\b"
    r"(?! (?:of|to|that|who|which|than|as|for|in|with|from|by|enough)\b)")


@lru_cache(maxsize=8192)
def _parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows the word as."""
    from lemminflect import getAllLemmas  # lazy on purpose: loads its English tables

    return frozenset(getAllLemmas(word))


def adjective_first(english: str) -> str:
    """`the staff foreign` -> `the foreign staff`, `a moment historical` -> `a historical moment`."""
    def swap(match: re.Match[str]) -> str:
        article, noun, adjective = match.groups()
        if _parts_of_speech(noun) != {"NOUN"} or _parts_of_speech(adjective) != {"ADJ"} or adjective.endswith("ly"):
            return match.group(0)
        if article.lower() in ("a", "an"):
            vowel = adjective[0] in "aeio" or (adjective[0] == "u" and not adjective.startswith(("uni", "use", "usu")))
            article = article[0] + ("n" if vowel else "")
        return f"{article} {adjective} {noun}"

    return _NOUN_ADJECTIVE.sub(swap, english)


# English says `the Senate`, `the European Union`; a protected institution goes through the
# pivot as a proper noun, and Spanish drops the article before one (`della Commissione` ->
# `of Commission`). Not after another determiner or a possessive, nor for names English
# leaves bare (`Congress`, `Parliament`) or a title before a name (`Attorney General Jeff`).
_BARE = {"Congress", "Parliament", "Party"}
_INSTITUTION = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(name) for name in sorted(set(INSTITUTIONS.values()) - _BARE, key=len, reverse=True))
    + r")\b(?! [A-Z])")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
                          "these", "those", "every", "each", "no", "any", "another", "ocean", "sea"})
_SENTENCE_START = re.compile(r"(?:^|[.!?]|:\s*[“\"‘«])[\s“\"‘«(]*$")


def the_institution(english: str) -> str:
    """`members of Assembly` -> `members of the Assembly`, `Commission said` -> `The Commission
    said` (a capital where a sentence starts, after any opening quote)."""
    def article(match: re.Match[str]) -> str:
        before = english[: match.start()].rstrip()
        word = before.rsplit(None, 1)[-1] if before else ""
        if word.lower() in _DETERMINERS or word.endswith(("'s", "’s")) or (word[:1].isupper() and word[-1:].isalpha()
                                                                          and not _SENTENCE_START.search(before)):
            return match.group(0)  # another determiner, or the end of a longer name (`Wildlife Commission`)
        return ("The " if _SENTENCE_START.search(before) else "the ") + match.group(1)

    return _INSTITUTION.sub(article, english)


# People as English names them before `who` and an age; the pivot's `a man of 32 years`
# and `the people that` come from Italian `un uomo di 32 anni`, `le persone che`.
_PERSON = (
    "man|men|woman|women|boy|boys|girl|girls|child|children|son|sons|daughter|daughters|baby|youth|person|people"
    "|teenager|teenagers|adolescent|adolescents|mother|father|husband|wife|brother|sister|friend|friends"
    "|player|players|mechanic|student|students|driver|drivers|worker|workers|soldier|soldiers|pilot|doctor|doctors"
    "|nurse|teacher|teachers|officer|officers|agent|agents|farmer|farmers|tourist|tourists|passenger|passengers"
    "|journalist|journalists|resident|residents|citizen|citizens|suspect|victim|victims|prosecutor|prosecutors"
    "|voter|voters|leader|leaders|member|members|fans|supporters|migrants|refugees|politicians|judge|judges"
    "|lawyer|lawyers|candidate|candidates|minister|ministers|president|presidents|mayor|mayors|owner|owners"
    "|nurses|pilots|mechanics|suspects|neighbours|priests|athletes|athlete|activists|activist|protesters"
    "|demonstrators|employees|employee|inhabitants|parents|patients|patient|those"
)
_AGE = re.compile(rf"\b([Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir) ({_PERSON}) of (\d{{1,3}}) years(?: old)?\b")


def _a_or_an(article: str, number: str) -> str:
    """`a` or `an` as English says the figure after it (`an 18-year-old`, `a 13-year-old`)."""
    if article.lower() not in ("a", "an"):
        return article
    return article[0] + ("n" if number.startswith("8") or number in ("11", "18") else "")


def age_before_noun(english: str) -> str:
    """`a man of 32 years` -> `a 32-year-old man` (English puts the age before the noun)."""
    return _AGE.sub(lambda m: f"{_a_or_an(m.group(1), m.group(3))} {m.group(3)}-year-old {m.group(2)}", english)


_UNITS = ("uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove")
_TEENS = ("dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette",
          "diciotto", "diciannove")
_TENS = ("venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta")


def _italian_numbers() -> dict[str, int]:
    """Italian number words 10-99 (`tredici`, `ventitré`, `trentuno`)."""
    words = {word: 10 + k for k, word in enumerate(_TEENS)}
    for k, tens in enumerate(_TENS):
        value = 20 + 10 * k
        words[tens] = value
        for u, unit in enumerate(_UNITS, start=1):
            stem = tens[:-1] if unit[0] in "ou" else tens
            words[stem + ("tré" if unit == "tre" else unit)] = value + u
    return words


# `un sedicenne`, `la figlia tredicenne`, `i 20enni`: Italian's age nouns, which the pivot
# does not know: the number less its last vowel (`tre`, `sei` keep theirs) and `-enne`, `-enni`.
_ENNE_WORDS = {(word.replace("tré", "tre") if word.endswith(("tré", "sei")) else word[:-1]): value
               for word, value in _italian_numbers().items()}
_ENNE = re.compile(r"\b(\d{1,3}-?|" + "|".join(sorted(_ENNE_WORDS, key=len, reverse=True)) + r")enn([ei])\b",
                   re.IGNORECASE)
_AGE_AFTER = re.compile(r"\b([Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir) ([a-z]+) (\d+-year-olds?)\b")
_A_BEFORE_AGE = re.compile(r"\b([Aa])n? (?=(\d+)-year-old\b)")


def age_words(english: str) -> str:
    """`a sedicenne` -> `a 16-year-old`, `the daughter 13enne` -> `the 13-year-old daughter`."""
    def figure(match: re.Match[str]) -> str:
        stem = match.group(1).rstrip("-")
        number = stem if stem.isdigit() else str(_ENNE_WORDS[stem.lower()])
        return f"{number}-year-old" + ("s" if match.group(2).lower() == "i" else "")

    if "enn" not in english.lower():
        return english
    english, count = _ENNE.subn(figure, english)
    if not count:
        return english
    english = _AGE_AFTER.sub(lambda m: f"{m.group(1)} {m.group(3).removesuffix('s')} {m.group(2)}"
                             if not m.group(3).endswith("s") else m.group(0), english)
    return _A_BEFORE_AGE.sub(lambda m: _a_or_an(m.group(1), m.group(2)) + " ", english)


# Italian conditional `dovrebbe` (Spanish `debería`) means `should`; the pivot says `would
# have to`, and `would have had to have been` for `avrebbe dovuto essere`.
_SHOULD = re.compile(r"\b([Ww])ould have (?:had to have|to)\b")


def should(english: str) -> str:
    """`would have to be` -> `should be`, `would have had to have been` -> `should have been`."""
    return _SHOULD.sub(lambda m: ("S" if m.group(1) == "W" else "s") + "hould"
                       + (" have" if m.group(0).endswith("have") else ""), english)


# `che` after a person is `who` (`the man who controls`), not the pivot's `that`.
_WHO = re.compile(rf"\b({_PERSON})(,?) that\b(?= (?:is|are|was|were|has|have|had|will|would|can|could|do|does"
                  r"|did|not|[a-z]+ed|[a-z]+s)\b)")


def who(english: str) -> str:
    """`the people that will` -> `the people who will`, `soldiers, that train` -> `soldiers, who train`."""
    return _WHO.sub(r"\1\2 who", english) if " that " in english else english


# `che` after a comma and a thing is `which` in English (`the proposals, which found`); the
# pivot writes `that`. Not after a person (`who`, above) nor in a cleft (`it was his defence,
# that won`).
_THING_THAT = re.compile(r"\b([a-z]+), that ([a-z]+)\b")
_CLEFT = re.compile(r"\b[Ii]t (?:is|was)\b")


def which_after_thing(english: str) -> str:
    """`the tumult, that involves eight prisoners` -> `the tumult, which involves eight prisoners`."""
    if ", that " not in english:
        return english

    def which(match: re.Match[str]) -> str:
        if match.group(1) in _PERSON_WORDS or _CLEFT.search(english[: match.start()]):
            return match.group(0)
        return f"{match.group(1)}, which {match.group(2)}"

    return _THING_THAT.sub(which, english)


_PERSON_WORDS = frozenset(_PERSON.split("|"))


# An age in apposition (`Saipov, 30 anni, è accusato`) comes out `Saipov, 30 years, is`:
# English news writes the bare figure (`Saipov, 30, is`).
_AGE_APPOSITION = re.compile(r"(?<=[A-Za-z]), (\d{1,3}) years(?: old)?(?=[,.;)])")


def age_apposition(english: str) -> str:
    """`Michael Vann, 72 years, said` -> `Michael Vann, 72, said`."""
    return _AGE_APPOSITION.sub(r", \1", english) if " years" in english else english
