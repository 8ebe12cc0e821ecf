"""Pre-edits of the Italian where the it->es stage mis-handles a construction systematically.

A first-person verb that Spanish shares with the third person gets its `io`; the `venire`
passive becomes `essere` and the `essere` compounds the stage takes for passives become
`avere`, in the same tense, so that Spanish builds what English says. Measured on NTREX dev by
benchmarks/bench_names.py (`without the pre-edits`).
"""

from __future__ import annotations

import re

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
_UNACCUSATIVE = (r"rimast|aumentat|diminuit|avvenut|accadut|cresciut|nat|uscit|entrat|restat|salit|riuscit"
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

    if not any(stem in italian for stem in _UNACCUSATIVE.split("|")):
        return italian
    return _ESSERE_COMPOUND.sub(avere, italian)


# English words Italian borrows and leaves invariable (`i leader`, `tre film`): the pivot
# copies them singular (`the leader expect`). After a plural determiner or a figure they get
# the English plural, which goes through as it is.
_LOANWORDS = {
    "leader": "leaders", "manager": "managers", "match": "matches", "film": "films", "tweet": "tweets",
    "killer": "killers", "partner": "partners", "computer": "computers", "post": "posts", "blog": "blogs",
    "rapper": "rappers", "designer": "designers", "reporter": "reporters", "trader": "traders", "selfie": "selfies",
    "smartphone": "smartphones", "tablet": "tablets", "summit": "summits", "show": "shows", "star": "stars",
    "team": "teams", "club": "clubs", "test": "tests", "tour": "tours", "drone": "drones", "follower": "followers",
    "influencer": "influencers", "brand": "brands",
}
_PLURAL_DETERMINER = (r"i|gli|le|dei|degli|delle|ai|agli|alle|dai|dagli|dalle|nei|negli|nelle|sui|sugli|sulle"
                      r"|coi|questi|quei|quegli|molti|alcuni|pochi|vari|diversi|altri|tanti|suoi|nostri|\d+"
                      r"|due|tre|quattro|cinque|sei|sette|otto|nove|dieci")
_PLURAL_LOANWORD = re.compile(
    rf"(?<![\w'’])((?:{_PLURAL_DETERMINER}) (?:[a-z]+ )?)(" + "|".join(_LOANWORDS) + r")\b(?![’'-])",
    re.IGNORECASE)


def plural_loanwords(italian: str) -> str:
    """`i leader mondiali` -> `i leaders mondiali`, `tre film` -> `tre films`."""
    def plural(match: re.Match[str]) -> str:
        word = match.group(2)
        return match.group(1) + (_LOANWORDS.get(word) or word)

    return _PLURAL_LOANWORD.sub(plural, italian) if any(word in italian for word in _LOANWORDS) else italian


# Neutral `quello che`, `ciò che` (`what`) become Spanish `el que` (`the one who`) and `esto
# que` (`this that`); the synonym `quel che` becomes `lo que`, which comes out `what`.
_WHAT = re.compile(r"(?<![\w'’])([Qq]uello|[Cc]iò) che\b")


def quel_che(italian: str) -> str:
    """`dicono quello che pensano` -> `dicono quel che pensano` (`they say what they think`)."""
    if "che" not in italian:
        return italian
    return _WHAT.sub(lambda m: ("Quel" if m.group(1)[0].isupper() else "quel") + " che", italian)
