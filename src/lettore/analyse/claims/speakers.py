"""Speaker phrases of Italian journalism: the noun phrase after a reporting verb ("ha
detto il segretario della Filt-Cgil, Stefano Malorgio"), the insertion between dashes
inside a quotation ("- racconta il proprietario Eugenio Grenzi -"), roles bound to the
person the article names ("il titolare" -> Luca Lotti) and unnamed sources by role."""

from __future__ import annotations

import re
from functools import cache

from lettore.analyse.claims import cues
from lettore.model import Entity

# Heads of noun phrases that name a source by role when the article gives no name.
SOURCE_NOUNS = (
    "carabinier", "poliziott", "polizia", "agent", "inquirent", "investigator", "vigil",
    "pompier", "militar", "questur", "procur", "magistrat", "pm", "giudic", "avvocat", "legal",
    "titolar", "proprietari", "gestor", "commerciant", "negoziant", "esercent", "dipendent",
    "impiegat", "operai", "lavorator", "resident", "vicin", "testimon", "passant", "cittadin",
    "figli", "madre", "padre", "moglie", "marit", "fratell", "sorell", "nipot", "nonn",
    "genitor", "famili", "amic", "parent", "collegh", "sindac", "assessor", "consiglier",
    "president", "segretari", "direttor", "dirigent", "responsabil", "portavoc", "comandant",
    "prefett", "questor", "parroc", "presid", "medic", "infermier", "soccorritor", "sindacat",
    "associazion", "comun", "azienda", "ditta", "societ", "soci", "vittim", "ministr", "esperti", "espert",
    "sondagg", "studio", "studi", "rapport", "ricerc", "indagin", "comunicat", "relazion", "not", "dati",
)
# Nouns that say who someone is without naming a source: never a speaker on their own.
_NOT_SOURCES = re.compile(
    r"^(?:\d+\s*enne|\w+enne|giovane|giovani|ragazz[oaie]|uom[oi]|donn[ae]|signor[ae]?|"
    r"stranier[oaie]|anzian[oaie]|bambin[oaie]|minorenn[ei]|ladr[oiae]|malvivent[ei]|"
    r"autor[ei]|individu[oi]|soggett[oi]|caso|furto|colpo)$",
    re.IGNORECASE,
)
_ARTICLE = r"(?:(?:uno|una)\s+de(?:i|gli|lle)\b|(?:il|lo|la|i|gli|le|uno|una|un)\b|l['’]|un['’])"
_PREPOSITION = re.compile(
    r"(?:^|\s)(?:di|a|da|in|con|su|per|tra|fra|d['’]|(?:de|a|da|ne|su)(?:l|llo|lla|i|gli|lle|ll['’]))\s*$",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"\s+(?:che|e\s+(?:poi|ha|hanno)|mentre|perché|quando|dopo|prima|a\s+[A-ZÀ-Ý])\b|[;:.!?»”\"()\[\]–—]|\s-\s"
)
_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de|di|del|della|da|van|von|dei)?\s*[A-ZÀ-Ý][\w'’-]*)*")
_HONORIFIC = re.compile(r"(?:don|padre|suor|fra|dott|prof|avv|ing|sen|on)\.?\s+(?=[A-ZÀ-Ý])", re.IGNORECASE)
_LEADING_ADVERB = re.compile(
    r"^\s*(?:(?:poi|ancora|anche|infine|quindi|ieri|oggi|subito|inoltre|però|invece|sui\s+social|"
    r"in\s+una\s+nota|in\s+un\s+post|al\s+telefono|ai\s+cronisti|alla\s+stampa)\s*,?\s*)+",
    re.IGNORECASE,
)


@cache
def dash_insert() -> re.Pattern[str]:
    """An insertion between dashes (or before a closing mark) with a reporting verb:
    "- racconta il proprietario Eugenio Grenzi -", "- spiega -", "- continua Morisi -"."""
    verb = cues.insert_verb_pattern()
    return re.compile(
        rf"(?:^|\s)[-–—]\s*(?P<verb>{verb})(?P<who>[^-–—«»“”\"]{{0,120}}?)\s*(?:[-–—](?=\s|$)|(?=[«»“”\"]|\.(?:\s|$)|$))",
        re.IGNORECASE,
    )


# A role phrase: article, noun, at most one "of" phrase ("la figlia della coppia").
_ROLE_PHRASE = re.compile(
    rf"(?i:{_ARTICLE})\s*[\wàèéìòù]+(?:\s+(?:dello|della|delle|degli|dell['’]|dei|del|di|d['’])\s*[\wàèéìòù]+)?"
)


def _entity_in(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The best speaker entity inside [start, end): a person first, then the longest."""
    inside = [e for e in entities if e.start >= start and e.end <= end and e.label in ("PER", "ORG")]
    if not inside:
        return None
    return max(inside, key=lambda e: (e.label == "PER", e.end - e.start))


# "il primo cittadino", "la prima cittadina": the mayor, whom the article named as such.
_FIRST_CITIZEN = re.compile(r"\bprim([oa]) cittadin[oa]\b")
# Role nouns that name one office, so "l'avvocato Paolo Gandolfi" is later "il legale".
_SAME_ROLE = {"sindaca": "sindaco", "legale": "avvocato", "avvocata": "avvocato"}


def role_head(phrase: str) -> str | None:
    """The source noun a role phrase is built on ("il nipote del titolare" -> "nipote"), one
    word for each office ("il legale" -> "avvocato")."""
    words = re.findall(r"[\wàèéìòù]+", _FIRST_CITIZEN.sub(r"sindac\1", phrase.casefold()))
    for word in words:
        if word in ("il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "dei", "degli", "delle"):
            continue
        return _SAME_ROLE.get(word, word) if any(word.startswith(stem) for stem in SOURCE_NOUNS) else None
    return None


def speaker_phrase(text: str, offset: int, entities: list[Entity]) -> tuple[str, bool] | None:
    """The speaker opening `text` (what follows a reporting verb): (speaker, is_role).

    A name wins ("Cinzia Franchini a La Pressa" -> the name), an apposition's name wins
    over its role ("il segretario della Filt-Cgil, Stefano Malorgio"), else a role phrase
    built on a source noun ("il titolare", "la figlia della coppia") is returned as a role.
    """
    lead = _LEADING_ADVERB.match(text)
    skip = lead.end() if lead else len(text) - len(text.lstrip())
    rest = text[skip:]
    stop = _STOP.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    if not phrase.strip():
        return None
    head, _, tail = phrase.partition(",")
    tail = tail.partition(",")[0]  # "..., Mattia Altini, in un'intervista": the apposition alone
    honorific = _HONORIFIC.match(tail.lstrip())  # "..., don Franco Mori"
    name_at = len(tail) - len(tail.lstrip()) + (honorific.end() if honorific else 0)
    apposition = _NAME.match(tail[name_at:]) if tail[name_at:].strip() else None
    if apposition and len(apposition.group().split()) <= 4 and name_at + apposition.end() >= len(tail.rstrip()) - 1:
        at = offset + skip + len(head) + 1 + name_at
        found = _entity_in(entities, at, at + apposition.end())
        return (found.text if found else apposition.group().rstrip(".")), False
    phrase_start = offset + skip
    found = _entity_in(entities, phrase_start, offset + skip + len(head))
    name = _NAME.match(head)
    if name and head[:1].isupper() and name.group().split()[0].casefold() not in cues.FUNCTION_WORDS:
        return name.group().rstrip("."), False
    if found is not None:
        return found.text, False
    titled = re.match(rf"{_ARTICLE}\s*", head, re.IGNORECASE)
    if not titled:
        return None
    names = [m for m in _NAME.finditer(head, titled.end()) if not _PREPOSITION.search(head[: m.start()])]
    if names:
        return names[-1].group().rstrip("."), False
    role = _ROLE_PHRASE.match(head)
    if role is None or role_head(role.group()) is None or _NOT_SOURCES.match(role.group().split()[-1]):
        return None
    return " ".join(role.group().split()), True


def is_source_phrase(phrase: str) -> bool:
    """Whether a subject noun phrase can be a source by role ("i carabinieri": yes;
    "La 37enne", "Il giovane straniero", "Il caso": no)."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    return role_head(phrase) is not None and not any(_NOT_SOURCES.match(w) for w in words[:3])


_BINDINGS = (
    # "Enrico Corsini, il presidente del Consorzio" / "Luca Lotti, titolare del bar"
    re.compile(rf"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+)\s*,\s*(?:(?i:{_ARTICLE})\s*)?(?P<role>[a-zàèéìòù]+)"),
    # "il titolare Luca Lotti" / "il nipote del titolare, Andrea Morisi"
    re.compile(rf"\b(?i:{_ARTICLE})\s*(?P<role>[a-zàèéìòù]+)(?:\s+[a-zàèéìòù'’]+){{0,4}}?\s*,?\s+(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+)"),
    # "difeso dall'avvocato Paolo Gandolfi" / "intervistato dal sindaco Mario Rossi"
    re.compile(r"\b(?i:(?:da|de|a|ne|su)(?:l|llo|lla|i|gli|lle|ll['’]))\s*(?P<role>[a-zàèéìòù]+)\s+(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+)"),
)


def role_bindings(text: str, people: set[str]) -> list[tuple[str, str]]:
    """(role noun, person) pairs the sentence states ("il titolare Luca Lotti"), for later
    mentions by role; only people the tagger found count."""
    pairs = []
    for pattern in _BINDINGS:
        for m in pattern.finditer(text):
            role, name = m.group("role").casefold(), m.group("name")
            person = next((p for p in people if name.startswith(p) or p.startswith(name) or p in name), None)
            office = role_head(role)
            if person and office is not None:
                pairs.append((office, person))
    return pairs
