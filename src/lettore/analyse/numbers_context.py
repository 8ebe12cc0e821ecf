"""What a figure is by its context: a clock time ("intorno alle 21", "alle 20,30") is no
figure, an age noun ("56enne", "ventenne") is a number of years."""

from __future__ import annotations

import re
from functools import lru_cache

# Words that make the number after them an hour of the day.
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?:alle|dalle|delle|sulle|ore|verso\s+le|entro\s+le|dopo\s+le|prima\s+delle|fino\s+alle|"
    r"sino\s+alle|intorno\s+alle|attorno\s+alle|circa\s+alle|tra\s+le|fra\s+le)\s+(?:ore\s+)?)$",
    re.IGNORECASE,
)
# A bare "le" makes an hour only when no noun follows ("le 3 di notte", not "le 3 auto").
_BARE_LE = re.compile(r"\ble\s+$", re.IGNORECASE)
_AFTER_HOUR = re.compile(
    r"\s*(?:$|[,.;:)!?»”\"]|(?:e|ed|di|del|della|in|a|circa|quando|ma|mentre|per|con|h)\b)", re.IGNORECASE
)
_HOUR = re.compile(r"(\d{1,2})(?:[.,:](\d{2}))?")
AGE_SUFFIX = re.compile(r"\s?-?enn[ei]\b", re.IGNORECASE)


def is_clock_time(text: str, start: int, end: int) -> bool:
    """Whether the figure text[start:end] is an hour of the day ("alle 21", "dopo le 3,30")."""
    hour = _HOUR.fullmatch(text[start:end])
    if hour is None or int(hour.group(1)) > 24 or (hour.group(2) and int(hour.group(2)) > 59):
        return False
    before = text[max(0, start - 24) : start]
    if _CLOCK_BEFORE.search(before):
        return True
    return bool(_BARE_LE.search(before)) and bool(_AFTER_HOUR.match(text, end))


@lru_cache(maxsize=512)
def word_age(word: str) -> int | None:
    """The age an age noun says ("ventenne" -> 20, "diciottenne" -> 18), or None."""
    from lettore.analyse.numbers import parse_italian_number

    low = word.casefold()
    match = re.fullmatch(r"([a-zàèéìòù]+?)enn[ei]", low)
    if match is None:
        return None
    stem = match.group(1)
    for ending in ("", "e", "i", "a", "o"):
        value = parse_italian_number(stem + ending)
        if isinstance(value, int) and 10 <= value <= 120:
            return value
    return None
