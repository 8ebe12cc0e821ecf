"""A claim's date as an ISO date only: absolute dates as found, relative phrases ("ieri
sera", "la settimana scorsa", "martedì") resolved against the article's date with
dateparser, and nothing (the phrase stays in the text) when the article has no date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from lettore.model import Entity

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?|\d{4}-W\d{2}")
_YEARLESS = re.compile(r"--(\d{2})(?:-(\d{2}))?")
_PART_OF_DAY = re.compile(
    r"\b(?:in\s+)?(?:mattina|mattino|mattinata|pomeriggio|sera|serata|notte|nottata)\b", re.IGNORECASE
)
# Phrases dateparser does not read, rewritten as ones it does ("l'altro ieri" -> "2 giorni fa").
_REWRITES = (
    (re.compile(r"l['’]\s*altro\s*ieri|l['’]altra\s+(?:notte|sera|mattina)", re.IGNORECASE), "2 giorni fa"),
    (re.compile(r"\bdopodomani\b", re.IGNORECASE), "tra 2 giorni"),
    (re.compile(r"\bsta(?:mattina|mani|sera|notte)\b", re.IGNORECASE), "oggi"),
    (re.compile(r"\b(?:la\s+)?settimana\s+scorsa\b", re.IGNORECASE), "1 settimana fa"),
    (re.compile(r"\b(?:la\s+)?settimana\s+prossima\b", re.IGNORECASE), "tra 1 settimana"),
    (re.compile(r"\b(?:il\s+|lo\s+)?(?:mese\s+scorso|scorso\s+mese)\b", re.IGNORECASE), "1 mese fa"),
    (re.compile(r"\b(?:il\s+)?mese\s+prossimo\b", re.IGNORECASE), "tra 1 mese"),
    (re.compile(r"\b(?:l['’]\s*|lo\s+)?(?:anno\s+scorso|scorso\s+anno)\b", re.IGNORECASE), "1 anno fa"),
    (re.compile(r"\b(?:l['’]\s*)?anno\s+prossimo\b", re.IGNORECASE), "tra 1 anno"),
    (re.compile(r"\b(\w+)\s+scors[oa]\b", re.IGNORECASE), r"\1"),
    # "il prossimo lunedì", "giovedì prossimo": the weekday, read as the coming one (`_AHEAD`)
    (re.compile(r"\b(?:il\s+|la\s+)?prossim[oa]\s+(\w+)|\b(\w+)\s+prossim[oa]\b", re.IGNORECASE), r"\1\2"),
)
_AHEAD = re.compile(r"prossim|\btra\b|\bfra\b|dopodomani|domani", re.IGNORECASE)


def article_day(value: str | None) -> date | None:
    """The article's date as a day, from its ISO-like metadata ("2026-11-19T08:00+01:00")."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _precision(phrase: str, day: date) -> str:
    """The resolved day at the precision the phrase has: a week, a month, a year or a day."""
    low = phrase.casefold()
    if "settiman" in low:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if "mese" in low:
        return f"{day.year}-{day.month:02d}"
    if "anno" in low:
        return str(day.year)
    return day.isoformat()


def resolve_relative(phrase: str, base: date) -> str | None:
    """An Italian relative date phrase as an ISO date, counted from `base`."""
    import dateparser  # lazy on purpose: ~0.15 s to import, only the analysis needs it

    text = phrase
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    text = _PART_OF_DAY.sub(" ", text).strip(" ,.")
    if not text:
        return None
    ahead = "future" if _AHEAD.search(phrase) else "past"  # "giovedì prossimo" is the coming one
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day, 12), "PREFER_DATES_FROM": ahead}
    found = dateparser.parse(text, languages=["it"], settings=settings)
    return _precision(phrase, found.date()) if found else None


def _with_year(month: int, day: int | None, base: date) -> str | None:
    """A yearless "--MM(-DD)" in the latest year that does not put it after the article
    (news mostly tells what happened): "in giugno" in March 2026 is June 2025."""
    for year in (base.year, base.year - 1):
        try:
            candidate = date(year, month, day or 1)
        except ValueError:
            continue
        if candidate <= base + timedelta(days=1):
            return candidate.isoformat() if day else f"{year}-{month:02d}"
    return None


def claim_date(entities: list[Entity], published: date | None) -> tuple[str | None, str | None]:
    """(ISO date, unresolved phrase) of the sentence's first date: the phrase is given
    when a relative date could not be resolved (the article has no date)."""
    for entity in entities:
        if entity.label != "DATE":
            continue
        value = str(entity.value) if entity.value else None
        if value and _ISO.fullmatch(value):
            return value, None
        yearless = _YEARLESS.fullmatch(value) if value else None
        if yearless and published is not None:
            month, day = int(yearless.group(1)), int(yearless.group(2)) if yearless.group(2) else None
            return _with_year(month, day, published), None
        if value is None and published is not None:
            resolved = resolve_relative(entity.text, published)
            if resolved:
                return resolved, None
        return None, entity.text
    return None, None
