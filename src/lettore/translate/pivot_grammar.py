"""Grammatical repairs of the Apertium it->es->en pivot: constructions it carries over from
Italian or loses in Spanish, mended where English grammar says how.

Each rule names the construction and why the pivot gets it wrong: Spanish `su` is `his`
for Italian `loro` (`their`); a protected institution comes back without its article; the
Italian age after the noun (`un uomo di 32 anni`, `una sedicenne`); conditional `dovere`
(`would have to` for `dovrebbe`); `che` after a person (`that` for `who`). Measured one by
one on NTREX dev by benchmarks/bench_names.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lettore.translate.institutions import INSTITUTIONS

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
    "|lawyer|lawyers|candidate|candidates|minister|ministers|president|mayor|owner|owners|those"
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


# Italian first-person forms that Spanish shares with the third (`ero`, `vorrei` -> `era`,
# `querría`): the pivot then writes `it was`, `would want`. The Italian form is unambiguous,
# so the dropped subject is recoverable: `io` goes in before the verb and its `non` and clitics.
_FIRST_PERSON = (
    r"ero|avevo|stavo|facevo|dicevo|volevo|potevo|dovevo|sapevo|pensavo|andavo|vedevo|sentivo|credevo|vivevo"
    r"|speravo|giocavo|lavoravo|vorrei|sarei|avrei|potrei|dovrei|direi|farei|andrei|vedrei|saprei|verrei|terrei"
    r"|[a-z]{3,}(?<!ae)(?:erei|irei)|dico|penso|credo|parlo|posso|devo|faccio|vado|spero|ritengo|conosco"
    r"|capisco|sento|vedo|comprendo"
)
_FIRST_PERSON_WORDS = frozenset(word for word in _FIRST_PERSON.split("|") if word.isalpha())
_CLITIC = r"(?:mi|ti|ci|vi|si|lo|la|li|le|gli|ne|me|te|ce|ve|l['’])"
_FIRST_PERSON_VERB = re.compile(
    rf"(?<![\w'’])((?:[Nn]on )?(?:{_CLITIC}\s?)*)\b({_FIRST_PERSON})\b", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(r"\b(?:io|noi|tu|lui|lei|chi)\b[^.,;:!?]{0,25}$", re.IGNORECASE)
# Words before which these forms are nouns or not verbs (`il credo`, `un ricordo`, `lo sento`).
_NOT_VERB_BEFORE = frozenset({"il", "un", "del", "al", "nel", "dal", "sul", "suo", "mio", "quel", "questo", "ogni"})


def first_person_subject(italian: str) -> str:
    """`vorrei dire` -> `io vorrei dire`, `non mi sentivo` -> `io non mi sentivo`; not when a
    subject pronoun stands just before in the clause."""
    def subject(match: re.Match[str]) -> str:
        before = italian[: match.start()]
        previous = before.split()[-1:]
        after = italian[match.end():].split()[:1]
        if (_SUBJECT_BEFORE.search(before) or (previous and previous[0].lower() in _NOT_VERB_BEFORE)
                or (after and after[0].lower().strip(".,;:!?\"”»") == "io")):
            return match.group(0)
        lead = match.group(0)
        pronoun = "Io" if lead[0].isupper() and (not before.strip() or before.rstrip()[-1] in ".!?“\"«") else "io"
        return f"{pronoun} {lead[0].lower() + lead[1:] if pronoun == 'Io' else lead}"

    words = set(re.findall(r"\w+", italian.lower()))
    if not (words & _FIRST_PERSON_WORDS or any(word.endswith(("erei", "irei")) for word in words)):
        return italian
    return _FIRST_PERSON_VERB.sub(subject, italian)


# The passive with `venire` (`viene pronunciata`, `vengono iniettate`): the it->es stage
# makes it Spanish `se` or `viene` (`it pronounces`, `comes injected`). With `essere` in the
# same tense it comes out an English passive (`is pronounced`, `are injected`).
_VENIRE_AS_ESSERE = {
    "viene": "è", "vengono": "sono", "veniva": "era", "venivano": "erano", "venne": "fu", "vennero": "furono",
    "verrà": "sarà", "verranno": "saranno", "verrebbe": "sarebbe", "verrebbero": "sarebbero", "venga": "sia",
    "vengano": "siano", "venisse": "fosse", "venissero": "fossero",
}
_VENIRE_PASSIVE = re.compile(
    r"(?<![\w'’])(" + "|".join(_VENIRE_AS_ESSERE) + r")"
    r"((?: (?:[a-z]+mente|anche|spesso|quindi|poi|già|ancora|sempre|mai|subito|ora|infatti|solo|immediatamente))?"
    r" [a-z]+(?:at|it|ut|ss|tt|s)[oaie])\b", re.IGNORECASE)


def venire_passive(italian: str) -> str:
    """`la W viene pronunciata` -> `la W è pronunciata`, `vengono quindi iniettate` -> `sono quindi iniettate`."""
    def essere(match: re.Match[str]) -> str:
        auxiliary = _VENIRE_AS_ESSERE[match.group(1).lower()]
        if match.group(1)[0].isupper():
            auxiliary = "È" if auxiliary == "è" else auxiliary.capitalize()
        return auxiliary + match.group(2)

    lower = italian.lower()
    return _VENIRE_PASSIVE.sub(essere, italian) if "ven" in lower or "vien" in lower or "verr" in lower else italian


# Compound tenses with `essere` of verbs the it->es stage then treats as a passive (`è
# rimasto` -> `is remained`, `è aumentata` -> `is augmented`). Spanish builds them with
# `haber`, so with `avere` in the same tense they come out right (`remained`, `grew`).
_ESSERE_AS_AVERE = {
    "è": "ha", "siamo": "abbiamo", "siete": "avete", "sei": "hai", "ero": "avevo", "era": "aveva",
    "erano": "avevano", "eravamo": "avevamo", "sarà": "avrà", "saranno": "avranno", "sarebbe": "avrebbe",
    "sarebbero": "avrebbero", "sia": "abbia", "siano": "abbiano", "fosse": "avesse", "fossero": "avessero",
    "essere": "avere", "essendo": "avendo", "sono": "",  # `sono`: `ho` or `hanno`, by the participle's number
}
# Not `successo` (`aveva successo` is `had success`) nor `calato` (Spanish `calado`, `soaked`).
_UNACCUSATIVE = (r"rimast|aumentat|diminuit|avvenut|accadut|cresciut|nat|uscit|entrat|restat|salit"
                 r"|sces|appars|scompars|sparit|emers|scoppiat")
_ESSERE_COMPOUND = re.compile(
    r"(?<![\w'’])(" + "|".join(_ESSERE_AS_AVERE) + r")((?: (?:[a-z]+mente|già|anche|ancora|sempre|mai|poi|appena))?)"
    rf" ({_UNACCUSATIVE})([oaie])\b", re.IGNORECASE)


def essere_as_avere(italian: str) -> str:
    """`il prezzo è rimasto` -> `il prezzo ha rimasto`, `sono cresciute` -> `hanno cresciuto`."""
    def avere(match: re.Match[str]) -> str:
        written, adverb, stem, ending = match.groups()
        auxiliary = _ESSERE_AS_AVERE[written.lower()] or ("hanno" if ending.lower() in "ie" else "ho")
        if written[0].isupper():
            auxiliary = auxiliary.capitalize()
        return f"{auxiliary}{adverb} {stem}o"

    return _ESSERE_COMPOUND.sub(avere, italian)
