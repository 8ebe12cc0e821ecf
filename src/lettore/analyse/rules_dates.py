"""Italian dates to ISO values ("aprile 2025" -> "2025-04", "lunedì sera, 30 dicembre" ->
"--12-30"), because KIND labels no dates and readers want to see when things happened."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from functools import lru_cache

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")
_MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({"sett": 9, "genn": 1, "febbr": 2, "apr": 4, "ago": 8, "ott": 10,
                      "nov": 11, "dic": 12})
_MONTH_RE = "|".join(MONTHS)
_WEEKDAY_RE = r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica"
_PART_RE = r"mattina|mattino|pomeriggio|sera|notte|mattinata|serata|nottata"
_DECADES = {"venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6,
            "settanta": 7, "ottanta": 8, "novanta": 9}
_RELATIVE = (r"l['’]altro\s+ieri|l['’]altroieri|dopodomani|oggi|ieri(?:\s+(?:sera|mattina|notte|"
             r"pomeriggio))?|domani(?:\s+(?:sera|mattina))?|stamattina|stamani|stasera|stanotte|"
             r"(?:la\s+)?settimana\s+(?:scorsa|prossima)|(?:il\s+)?mese\s+(?:scorso|prossimo)|"
             r"(?:l['’])?anno\s+(?:scorso|prossimo)|(?:lo\s+)?scorso\s+(?:anno|mese)")


@dataclass(frozen=True)
class DateMatch:
    """A date expression: offsets into the sentence and its ISO value (None if relative)."""

    start: int
    end: int
    value: str | None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO 8601 with reduced precision: "2025", "2025-04", "2025-12-30", "--12-30", "--12"."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None or not 1 <= day <= monthrange(year or 2024, month)[1]:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return f"{year:04d}" if year else None


def _year(text: str | None) -> int | None:
    """A four-digit year, or a two-digit one read as 19xx/20xx."""
    if not text:
        return None
    year = int(text.lstrip("'’"))
    if len(text.lstrip("'’")) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _day(text: str) -> int:
    """"1", "1°", "primo" -> 1."""
    return 1 if text.lower() == "primo" else int(text.rstrip("°º"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Date patterns, longest and most specific first; compiled once."""
    flags = re.IGNORECASE
    return (
        ("iso", re.compile(r"(?<![\w-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\w-])")),
        ("numeric", re.compile(r"(?<![\w./])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d)")),
        ("day", re.compile(
            rf"(?<!\w)(?:(?:{_WEEKDAY_RE})(?:\s+(?:{_PART_RE}))?,?\s+)?"
            rf"(\d{{1,2}}[°º]?|primo)\s+({_MONTH_RE})(?:\s+(?:del\s+)?(\d{{4}}))?(?!\w)", flags)),
        ("month_year", re.compile(rf"(?<!\w)({_MONTH_RE})\s+(?:del\s+)?(\d{{4}})(?!\w)", flags)),
        ("year_range", re.compile(r"(?<![\w.,])(1\d{3}|20\d{2})\s?[-–]\s?(1\d{3}|20\d{2})(?!\w)(?![.,]\d)")),
        ("decade", re.compile(
            rf"(?<!\w)anni\s+(?:(['’]?\d0)|(1\d{{2}}0|2000)|({'|'.join(_DECADES)}))(?!\w)", flags)),
        ("weekday", re.compile(
            rf"(?<!\w)(?:{_WEEKDAY_RE})(?:\s+(?:{_PART_RE}|scors[oa]|prossim[oa]))?(?!\w)", flags)),
        ("month", re.compile(
            rf"(?<!\w)(?i:a|ad|di|da|in|entro|fine|inizio|metà|mese\s+di|dal|al|nel)\s+"
            rf"({_MONTH_RE})(?!\w)")),
        ("relative", re.compile(rf"(?<!\w)(?:{_RELATIVE})(?!\w)", flags)),
    )


def _value(kind: str, m: re.Match[str]) -> tuple[int, str | None] | None:
    """(start, ISO value) of one match, or None when the match is no valid date."""
    if kind == "iso":
        month_ok = 1 <= int(m.group(2)) <= 12
        day = int(m.group(3)) if m.group(3) else None
        return (m.start(), _iso(int(m.group(1)), int(m.group(2)), day)) if month_ok else None
    if kind == "numeric":
        return m.start(), _iso(_year(m.group(4)), int(m.group(3)), int(m.group(1)))
    if kind == "day":
        month = _MONTH_NUMBER[m.group(2).lower()]
        return m.start(), _iso(_year(m.group(3)), month, _day(m.group(1)))
    if kind == "month_year":
        return m.start(), _iso(_year(m.group(2)), _MONTH_NUMBER[m.group(1).lower()], None)
    if kind == "year_range":
        return m.start(), f"{m.group(1)}/{m.group(2)}"
    if kind == "decade":
        if m.group(3):
            return m.start(), f"19{_DECADES[m.group(3).lower()]}X"
        digits = m.group(2) or str(_year(m.group(1)))
        return m.start(), digits[:3] + "X"
    if kind == "month":
        return m.start(1), _iso(None, _MONTH_NUMBER[m.group(1)], None)
    return m.start(), None


_WEEKDAY_STEMS = ("luned", "marted", "mercoled", "gioved", "venerd", "sabato", "domenica")
_RELATIVE_STEMS = ("oggi", "ieri", "domani", "stamattina", "stamani", "stasera", "stanotte",
                   "scors", "prossim")


def _wanted(text: str) -> set[str]:
    """Which patterns can match at all, by cheap substring tests, so most are skipped."""
    low = text.lower()
    digit = any(ch.isdigit() for ch in low) if len(low) < 64 else re.search(r"\d", low) is not None
    month = any(name in low for name in MONTHS)
    wanted = set()
    if digit:
        wanted |= {"iso", "numeric", "year_range"}
    if month:
        wanted |= {"day", "month"} | ({"month_year"} if digit else set())
    if "anni" in low:
        wanted.add("decade")
    if any(stem in low for stem in _WEEKDAY_STEMS):
        wanted |= {"day", "weekday"}
    if any(stem in low for stem in _RELATIVE_STEMS):
        wanted.add("relative")
    return wanted


def find_dates(text: str) -> list[DateMatch]:
    """Date expressions in one sentence; overlapping candidates are all returned."""
    found: list[DateMatch] = []
    wanted = _wanted(text)
    for kind, pattern in _patterns():
        if kind not in wanted:
            continue
        for m in pattern.finditer(text):
            result = _value(kind, m)
            if result is None:
                continue
            start, value = result
            if value is None and kind not in ("weekday", "relative"):
                continue
            found.append(DateMatch(start, m.end(), value))
    return found
