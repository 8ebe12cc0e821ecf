"""Italian collective numerals: `una decina di feriti`, `un centinaio di ragazzi`, `un
migliaio di persone` are about 10, 100 and 1,000 people. A count of people is what a
fact-checker asks about, and local news gives most crowds this way."""

from __future__ import annotations

import re
from functools import cache

from lettore.analyse.numbers_units import COUNTED, CURRENCIES

_UNITS = CURRENCIES + COUNTED

COLLECTIVES = {
    "decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30, "quarantina": 40,
    "cinquantina": 50, "sessantina": 60, "settantina": 70, "ottantina": 80, "novantina": 90,
    "centinaio": 100, "migliaio": 1000,
}


@cache
def collective_pattern() -> re.Pattern[str]:
    """`un`/`una` + a collective noun + `di` and what is counted (its unit when known)."""
    counted = "|".join(f"(?:{pattern})" for pattern, _ in _UNITS)
    return re.compile(
        rf"\b(?:un|una)\s+(?P<noun>{'|'.join(COLLECTIVES)})\s+(?:di|d['’])\s*(?:(?P<unit>{counted})(?!\w))?",
        re.IGNORECASE,
    )


def unit_name(found: str) -> str | None:
    """The English unit of a counted noun or currency as written in Italian (`ragazzi` has none)."""
    return next((name for pattern, name in _UNITS if re.fullmatch(pattern, found, re.IGNORECASE)), None)
