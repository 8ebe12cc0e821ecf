"""How a value may be written in English ("2,000", "two thousand", "$20bn", "45 percent"),
so the number check can tell whether a figure survived translation correctly."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lettore.analyse.numbers import NumberMention

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (10**12, "trillion", ("tn", "trn", "t")),
    (10**9, "billion", ("bn", "b", "bln")),
    (10**6, "million", ("m", "mn", "mln")),
    (10**3, "thousand", ("k",)),
)
_FRACTION_WORDS = {Decimal("0.5"): ("half", "a half", "one half"),
                   Decimal("0.25"): ("a quarter", "one quarter", "one-quarter"),
                   Decimal("0.75"): ("three quarters", "three-quarters")}
_PERCENT_AFTER = r"\s*(?:%|per\s*cent\b|percent(?:age\s+points?)?\b|pc\b|percentage\s+points?\b)"


def _words(n: int) -> list[str]:
    """English words for 0 <= n < 10**15, with and without hyphens and "and"."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        if not ones:
            return [_TENS[tens]]
        return [f"{_TENS[tens]}-{_ONES[ones]}", f"{_TENS[tens]} {_ONES[ones]}"]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_ONES[hundreds]} hundred"
        if not rest:
            return [head]
        return [f"{head}{sep}{tail}" for tail in _words(rest) for sep in (" and ", " ")]
    for scale, name, _ in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            heads = [f"{h} {name}" for h in _words(high)]
            if not rest:
                return heads
            tails = _words(rest)
            seps = (" and ", " ") if rest < 100 else (" ", ", ")
            return [f"{h}{s}{t}" for h in heads for t in tails[:2] for s in seps][:8]
    return [str(n)]


def _plain(value: Decimal) -> set[str]:
    """Digit forms: "2000", "2,000", "3.5", "1,234.5"."""
    if value == value.to_integral_value():
        n = int(value)
        return {str(n), f"{n:,}"}
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    return {text, f"{int(whole):,}.{frac}"}


def _scaled(value: Decimal) -> set[str]:
    """Forms with a scale word or abbreviation: "20 billion", "20bn", "1.5 million"."""
    forms: set[str] = set()
    for scale, name, abbrevs in _SCALES:
        q = value / scale
        if q < Decimal("0.1") or q >= 10000 or q != q.quantize(Decimal("0.001")):
            continue
        digits = format(q.normalize(), "f")
        forms.add(f"{digits} {name}")
        forms.update(f"{digits}{sep}{abbr}" for abbr in abbrevs for sep in ("", " "))
        if q == q.to_integral_value() and q < 1000:
            forms.update(f"{w} {name}" for w in _words(int(q)))
            if q == 1:
                forms.add(f"a {name}")
        if q == q.to_integral_value() and q >= 1000:
            forms.add(f"{int(q):,} {name}")
        frac = q - int(q)
        if frac in _FRACTION_WORDS and q < 100:
            if int(q) == 0:
                forms.add(f"half a {name}")
                forms.update(f"{w} {name}" for w in _FRACTION_WORDS[frac])
            else:
                forms.update(f"{w} and a half {name}" for w in _words(int(q))
                             if frac == Decimal("0.5"))
    return forms


@lru_cache(maxsize=2048)
def _forms(value: Decimal, year: bool) -> frozenset[str]:
    """All forms of `value`, cached because the check runs per sentence pair."""
    if year:
        return frozenset({str(int(value))})
    forms = _plain(value) | _scaled(value)
    if value == value.to_integral_value() and 0 <= value < 10**6:
        forms.update(_words(int(value)))
    if value in _FRACTION_WORDS:
        forms.update(_FRACTION_WORDS[value])
    if value - int(value) == Decimal("0.5") and 1 <= value < 100:
        forms.update(f"{w} and a half" for w in _words(int(value)))
    for num, words in ((Decimal(1) / 3, ("a third", "one third", "one-third")),
                       (Decimal(2) / 3, ("two thirds", "two-thirds"))):
        if abs(value - num) < Decimal("0.0001"):
            forms.update(words)
    return frozenset(forms)


def english_number_forms(value: float | int) -> set[str]:
    """Ways English may write `value`: digits with commas, words, "20 billion", "20bn"."""
    return set(_forms(Decimal(str(value)), False))


@lru_cache(maxsize=2048)
def _form_regex(value: Decimal, year: bool, percent: bool) -> re.Pattern[str]:
    """One regex for all forms, guarded so "2,000" never matches inside "12,000"."""
    forms = sorted(_forms(value, year), key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    tail = _PERCENT_AFTER if percent else r"(?!\w)(?![.,]\d)"
    return re.compile(rf"(?<![\w.,])(?<!\d[.,])(?:{alternation}){tail}", re.IGNORECASE)


def number_appears_in_english(m: NumberMention, english: str) -> bool:
    """True when the figure `m` appears, correctly converted, in the English text."""
    if m.value is None:
        return m.text in english
    value = Decimal(str(m.value))
    year = m.kind == "year"
    return _form_regex(value, year, m.kind == "percent").search(english) is not None
