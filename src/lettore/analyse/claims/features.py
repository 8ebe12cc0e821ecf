"""Italian phrases that make a sentence more or less worth checking, beyond sources and
figures: counts of people, sums in words, counts of incidents, legal outcomes, and the
routine narrative of crime news."""

from __future__ import annotations

import re
from functools import cache

_PEOPLE = (
    r"person[ae]|uomin[oi]|uomo|donn[ae]|ragazz\w*|giovan[ei]|ladr\w*|malvivent\w*|bandit\w*|malfattor\w*|"
    r"rapinator\w*|truffator\w*|complic\w*|fuggitiv\w*|agenti|militari|carabinieri|poliziott\w*|ferit\w*|mort[ie]|"
    r"vittim\w*|anzian\w*|bambin\w*|minor\w*|studenti|cittadin\w*|stranier\w*|arrestat\w*|denunciat\w*|indagat\w*|"
    r"operai|lavorator\w*|dipendent\w*|famigli\w*|resident\w*|abitant\w*|turist\w*|client\w*|migrant\w*|profugh\w*|"
    r"ostagg\w*|soldat\w*|addett\w*|individu\w*|soggett\w*|fratell\w*|sorell\w*|figl\w*|coniug\w*"
)


@cache
def _people_after() -> re.Pattern[str]:
    """A person noun within three words after a figure ("tre i ladri", "due cittadini")."""
    return re.compile(rf"^\s*(?:[\wàèéìòù'’]+\s+){{0,2}}?(?:{_PEOPLE})\b", re.IGNORECASE)


_ANAPHORIC = re.compile(r"\b(?:i|gli|le|dei|degli|delle|ai|agli|alle|coi|tra\s+i|fra\s+i)\s*$", re.IGNORECASE)


def people_count(figure: str, text: str) -> bool:
    """Whether a figure counts people for the first time ("due uomini", "Erano in tre i
    ladri"), not again ("i tre sono fuggiti")."""
    at = text.find(figure)
    if at < 0:
        return False
    if _ANAPHORIC.search(text[:at]):
        return False
    return bool(_people_after().match(text[at + len(figure):])) or bool(
        re.search(rf"(?:{_PEOPLE})\s*$", figure, re.IGNORECASE)
    )


@cache
def _money() -> re.Pattern[str]:
    """Sums of money in words ("decine di migliaia di euro", "un centinaio di euro")."""
    return re.compile(
        r"\b(?:(?:decine|centinaia|migliaia|svariate\s+migliaia|diverse\s+migliaia|alcune\s+migliaia|"
        r"un\s+centinaio|una\s+decina|una\s+ventina|qualche\s+migliaio|un\s+migliaio)\s+di\s+"
        r"(?:migliaia\s+di\s+|milioni\s+di\s+)?euro)\b",
        re.IGNORECASE,
    )


def money_words(text: str) -> str | None:
    """The first sum of money written in words, if any."""
    if "euro" not in text:
        return None
    match = _money().search(text)
    return match.group() if match else None


@cache
def _ordinal() -> re.Pattern[str]:
    """An ordinal count of incidents ("la terza spaccata", "il quarto furto")."""
    return re.compile(
        r"\b(?:second|terz|quart|quint|sest|settim|ottav|non|decim|ennesim)[oa]\s+"
        r"(?:(?:volta|furto|colpo|spaccata|rapina|episodio|raid|incursione|tentativo|caso|aggressione|truffa|"
        r"furti|colpi|incidente|intrusione|razzia)\b)",
        re.IGNORECASE,
    )


def ordinal_count(text: str) -> str | None:
    """The first ordinal count of incidents, if any."""
    low = text.lower()
    if not any(stem in low for stem in ("second", "terz", "quart", "quint", "sest", "settim", "ottav", "non",
                                        "decim", "ennesim")):
        return None
    match = _ordinal().search(text)
    return match.group() if match else None


@cache
def _legal() -> re.Pattern[str]:
    """A legal outcome: arrest, charge, trial, seizure, sentence."""
    return re.compile(
        r"\b(?:arrestat[oaie]|arrest[oi]|in\s+arresto|denunciat[oaie]|(?:una\s+)?denuncia\s+per|"
        r"fermat[oaie]|processat[oaie]|per\s+direttissima|condannat[oaie]|condanna|sequestrat[oaie]|sequestr(?:o|are)|"
        r"indagat[oaie]|misura\s+cautelare|domiciliari|in\s+carcere|obbligo\s+di\s+firma|foglio\s+di\s+via)\b",
        re.IGNORECASE,
    )


_LEGAL_STEMS = ("arrest", "denunc", "ferm", "process", "direttissima", "condann", "sequestr", "indagat",
                "cautelare", "domiciliari", "carcere", "firma", "foglio")


def legal_outcome(text: str) -> str | None:
    """The first legal-outcome phrase, if any."""
    low = text.lower()
    if not any(stem in low for stem in _LEGAL_STEMS):  # most sentences: no regex run
        return None
    match = _legal().search(text)
    return match.group() if match else None


@cache
def _routine() -> re.Pattern[str]:
    """Phrases of routine crime-news narrative that say nothing worth checking."""
    return re.compile(
        r"\b(?:sul\s+posto\s+(?:sono|è)\s+(?:\w+\s+)?(?:intervenut|giunt|arrivat|confluit)\w*|"
        r"(?:sono|è)\s+(?:\w+\s+)?(?:intervenut|accors)\w*|"
        r"(?:si\s+sono|si\s+è)\s+dat[oi]\s+alla\s+(?:fuga|macchia)|darsi\s+alla\s+(?:fuga|macchia)|"
        r"(?:si\s+sono|si\s+è)\s+dileguat\w*|per\s+poi\s+dileguarsi|fa(?:r|re|tto)\s+perdere\s+le\s+(?:proprie\s+)?tracce|"
        r"indagini\s+in\s+corso|accertamenti\s+in\s+corso|(?:stanno\s+)?effettuando\s+(?:gli\s+)?accertamenti|"
        r"per\s+i\s+rilievi|(?:stanno|si\s+sono\s+messi)\s+(?:\w+\s+)?sulle\s+tracce|stanno\s+(?:cercando|indagando)|"
        r"(?:è\s+stat[oa]|sono\s+stat[ie])\s+(?:trasportat|accompagnat|trasferit|soccors)\w*|"
        r"fuggendo|(?:sono|è)\s+(?:poi\s+)?(?:fuggit|scappat)\w*)",
        re.IGNORECASE,
    )


_ROUTINE_STEMS = ("interven", "accors", "giunt", "arrivat", "confluit", "fuga", "macchia", "dileguat", "dileguar",
                  "tracce", "in corso", "accertamenti", "rilievi", "stanno", "trasportat", "accompagnat",
                  "trasferit", "soccors", "fuggi", "fuggendo", "scappat")


def routine_narrative(text: str) -> str | None:
    """The first routine-narrative phrase, if any."""
    low = text.lower()
    if not any(stem in low for stem in _ROUTINE_STEMS):
        return None
    match = _routine().search(text)
    return match.group() if match else None


@cache
def _past() -> re.Pattern[str]:
    """Past-tense narration: compound past, imperfect, simple past ("hanno rovistato",
    "stava camminando", "fuggì")."""
    return re.compile(
        r"\b(?:(?:ha|hanno|aveva|avevano|è|sono|era|erano|fu|furono|si\s+(?:è|sono))\s+(?:[\wàèéìòù'’]+\s+){0,2}?"
        r"[\wàèéìòù]{2,}(?:at|it|ut|ess|ott|est|ert|ist|int|olt|ors|ars|ers|ent|att)[oaie]"
        r"|[\wàèéìòù]{2,}(?:ava|avano|eva|evano|iva|ivano)|[\wàèéìòù]{3,}(?:arono|irono|erono))\b",
        re.IGNORECASE,
    )


def past_narrative(text: str) -> bool:
    """Whether the sentence narrates in a past tense (not a general present statement)."""
    return _past().search(text) is not None


@cache
def _offence() -> re.Pattern[str]:
    """The offence itself: theft, robbery, fraud, assault ("hanno rubato", "sottrargli")."""
    return re.compile(
        r"\b(?:rubat[oaie]|ruba(?:no|re|va|vano)?|rub(?:ò|arono)|sottratt[oaie]|sottrar\w*|furt[oi]|rapin\w*|"
        r"scipp\w*|truff\w*|derubat[oaie]|svaligiat[oaie]|razzi(?:a|ato|ate|ati)|aggredit[oaie]|aggression[ei]|"
        r"picchiat[oaie]|accoltellat[oaie]|uccis[oaie]|omicidi[oi]|spaccio|estorsion[ei]|bottino|refurtiva|"
        r"ricettazione|ricettator\w*|tentato\s+furto|strappo|sfondat[oaie]|scassinat[oaie]|forzat[oaie]|"
        r"spaccat[ae]|svaligi\w*)\b",
        re.IGNORECASE,
    )


_OFFENCE_STEMS = ("rub", "sottra", "furt", "rapin", "scipp", "truff", "derubat", "svaligi", "razzi", "aggre",
                  "picchiat", "accoltell", "uccis", "omicid", "spaccio", "estorsion", "bottino", "refurtiva",
                  "ricett", "strappo", "sfondat", "scassinat", "forzat", "spaccat")


def offence(text: str) -> str | None:
    """The first word naming the offence, if any."""
    low = text.lower()
    if not any(stem in low for stem in _OFFENCE_STEMS):
        return None
    match = _offence().search(text)
    return match.group() if match else None


_INCIDENTS = re.compile(
    r"^\s*(?:[\wàèéìòù'’]+\s+)?(?:colpi|furti|rapine|spaccate|episodi|raid|incursioni|tentativi|casi|aggressioni|"
    r"truffe|volte|scippi|intrusioni|razzie)\b",
    re.IGNORECASE,
)
_ITEMS = re.compile(r"^\s*(?:[a-zàèéìòù]+\s+)?[a-zàèéìòù]{3,}[ie]\b")


def figure_counts(figure: str, text: str) -> str | None:
    """What a bare figure counts: "incidents" ("tre colpi"), "items" ("275 bottigliette"),
    "repeated" for a count said before ("i tre sono fuggiti"), or None."""
    at = text.find(figure)
    if at < 0:
        return None
    if _ANAPHORIC.search(text[:at]):
        return "repeated"
    after = text[at + len(figure):]
    if _INCIDENTS.match(after):
        return "incidents"
    if _ITEMS.match(after):
        return "items"
    return None
