"""Rule-based entities the NER model does not label: DATE, MONEY, QUANTITY, PERCENT and
MISC equipment codes (T-62, ICBM), each with a normalised value where one exists."""

from __future__ import annotations

import re
from functools import lru_cache

from lettore.analyse.numbers import find_numbers
from lettore.analyse.rules_dates import find_dates
from lettore.model import Entity

__all__ = ["find_rule_entities"]

_KIND_LABEL = {"money": "MONEY", "quantity": "QUANTITY", "percent": "PERCENT"}

# Military and technical acronyms that name equipment, not organisations (NATO, ONU, KCNA
# and UE are organisations and belong to the NER model).
_EQUIPMENT_ACRONYMS = (
    "ICBM", "SLBM", "IRBM", "MRBM", "SRBM", "SSBN", "SSGN", "SSN", "SSK", "UAV", "UCAV",
    "UAS", "MLRS", "HIMARS", "ATACMS", "MANPADS", "SAM", "MIRV", "HGV", "THAAD", "AWACS",
    "IED", "RPG", "APC", "IFV", "MBT", "EMP", "SIGINT", "ELINT", "HUMINT", "OSINT", "C4ISR",
    "ISR", "GPS", "ASAT", "SLCM", "GLCM", "ALCM", "FOBS", "HEU", "LEU", "ABM",
)
# Named weapon systems that read as ordinary capitalised words.
_NAMED_SYSTEMS = (
    "Patriot", "Iskander", "Kinzhal", "Kalibr", "Storm Shadow", "Taurus", "Javelin",
    "Stinger", "Leopard", "Abrams", "Bradley", "Bayraktar", "Lancet", "Starlink",
    "Tomahawk", "Minuteman", "Trident", "Sarmat", "Avangard", "Burevestnik", "Oreshnik",
    "Hwasong", "Pukguksong", "Kalashnikov", "Challenger", "Eurofighter", "Typhoon",
    "Gripen", "Rafale", "Tornado", "Reaper", "Predator", "Shahed", "Geran", "Zircon",
)
_NOT_CODES = {"G", "COP", "ART", "N", "L", "D", "A"}


def _after_first(words: tuple[str, ...]) -> str:
    """Alternation matching each word after its already-consumed first letter."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in ordered)


@lru_cache(maxsize=1)
def _misc_pattern() -> re.Pattern[str]:
    """One regex for equipment and model codes, compiled once."""
    acronyms = _after_first(_EQUIPMENT_ACRONYMS)
    systems = _after_first(_NAMED_SYSTEMS)
    return re.compile(
        # letters-hyphen-digits: T-62, F-35, Su-57, S-400, MiG-29, Hwasong-18, Tu-95MS
        r"[A-Z](?<![\w-][A-Z])(?:(?P<h1>[A-Za-z]{0,9})-(?:\d{1,4}[A-Z]{0,3}|[A-Z]{1,3}\d{1,4})"
        r"(?:-[A-Z\d]{1,4})?"
        # letters glued to digits: F35, B52, M777, A320
        r"|(?P<h2>[A-Z]{0,2})\d{2,4}[A-Z]?\d?"
        rf"|(?:{acronyms})s?"
        rf"|(?:{systems})(?:[\s-](?:\d{{1,3}}[A-Z]{{0,2}}\d?|[A-Z]{{1,3}}\d))?)"
        r"(?![\w-])")


def _misc(text: str) -> list[tuple[int, int]]:
    """Spans of equipment and model codes in `text`."""
    spans = []
    for m in _misc_pattern().finditer(text):
        head = m.group("h1") if m.group("h1") is not None else m.group("h2")
        if head is not None and (text[m.start()] + head).upper() in _NOT_CODES:
            continue
        spans.append((m.start(), m.end()))
    return spans


def _candidates(text: str) -> list[Entity]:
    """Every rule match, overlaps included."""
    found: list[Entity] = []
    for d in find_dates(text):
        found.append(Entity(text[d.start:d.end], "DATE", 0, 0, d.start, d.end, d.value))
    for n in find_numbers(text):
        if n.kind == "year":
            found.append(Entity(n.text, "DATE", 0, 0, n.start, n.end, str(n.value)))
        elif n.kind in _KIND_LABEL:
            found.append(Entity(n.text, _KIND_LABEL[n.kind], 0, 0, n.start, n.end, n.value))
    for start, end in _misc(text):
        found.append(Entity(text[start:end], "MISC", 0, 0, start, end))
    return found


def find_rule_entities(text: str) -> list[Entity]:
    """Rule entities of ONE sentence (block=sentence=0), longest match wins, in text order."""
    chosen: list[Entity] = []
    taken: list[tuple[int, int]] = []
    ranked = sorted(_candidates(text), key=lambda e: (-(e.end - e.start), e.start))
    for entity in ranked:
        if any(entity.start < end and start < entity.end for start, end in taken):
            continue
        chosen.append(entity)
        taken.append((entity.start, entity.end))
    return sorted(chosen, key=lambda e: e.start)
