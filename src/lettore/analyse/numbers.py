"""Italian figures to values: "2.000", "3,5", "20 miliardi", "5mila", "venticinque", and
the figures of a sentence with their unit and qualifier, so claims and the number check
can compare what the original says with what the translation says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from lettore.analyse.numbers_collective import COLLECTIVES, collective_pattern, unit_name
from lettore.analyse.numbers_context import AGE_SUFFIX, is_clock_time, word_age
from lettore.analyse.numbers_english import english_number_forms, number_appears_in_english
from lettore.analyse.numbers_units import COUNTED, CURRENCIES, PERCENT, QUALIFIERS

__all__ = [
    "NumberMention",
    "english_number_forms",
    "find_numbers",
    "number_appears_in_english",
    "parse_italian_number",
]

NumberKind = Literal["money", "percent", "quantity", "number", "year", "age", "time"]

_UNITS = {"uno": 1, "un": 1, "una": 1, "due": 2, "tre": 3, "tré": 3, "quattro": 4,
          "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9}
_TEENS = {"dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14,
          "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19}
_TENS = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
         "settanta": 70, "ottanta": 80, "novanta": 90}
_MORPHEMES: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, "zero": 0}
_MORPHEMES.update({name[:-1]: value for name, value in _TENS.items()})  # vent-otto, trent-uno
_MULTIPLIERS = {
    "mila": 1000, "mille": 1000, "k": 1000,
    "milione": 10**6, "milioni": 10**6, "mln": 10**6, "mn": 10**6, "ml": 10**6,
    "miliardo": 10**9, "miliardi": 10**9, "mld": 10**9, "mrd": 10**9, "mld.": 10**9,
    "bilione": 10**12, "bilioni": 10**12,
}
_FRACTIONS = {"mezzo": Decimal("0.5"), "mezza": Decimal("0.5"), "terzo": Decimal(1) / 3,
              "terzi": Decimal(1) / 3, "quarto": Decimal("0.25"), "quarti": Decimal("0.25")}

_UNIT_W = r"(?:uno|due|tre|tré|quattro|cinque|sei|sette|otto|nove)"
_TEEN_W = r"(?:dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove)"
_TEN_W = r"(?:venti?|trenta?|quaranta?|cinquanta?|sessanta?|settanta?|ottanta?|novanta?)"
_B100 = rf"(?:{_TEEN_W}|{_TEN_W}{_UNIT_W}?|{_UNIT_W})"
_B1000 = rf"(?:{_UNIT_W}?cento?{_B100}?|{_B100})"
WORD_NUMBER = rf"(?:mille{_B1000}?|{_B1000}mila{_B1000}?|{_B1000})"
DIGIT_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_MULT_RE = r"(?:mila|milion[ei]|miliard[oi]|bilion[ei]|mln|mld|mrd|mn)"


@dataclass(frozen=True)
class NumberMention:
    """A figure in Italian text: offsets, surface text, value, unit and qualifier."""

    start: int
    end: int
    text: str
    value: float | int | None
    unit: str | None = None
    qualifier: str | None = None
    kind: NumberKind = "number"
    collective: bool = False  # `un centinaio di`: a round figure that a translation may word freely


def _finish(value: Decimal) -> float | int:
    """Int when the value is integral, float otherwise."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _parse_digits(text: str) -> Decimal | None:
    """Digits with Italian separators: "2.000" -> 2000, "1.234,5" -> 1234.5, "3,5" -> 3.5."""
    s = text.strip().replace("\u2009", "").replace("\u202f", "").replace("\xa0", "")
    s = s.replace("−", "-")
    if not re.fullmatch(r"[-+]?\d[\d.,' ]*", s):
        return None
    s = s.replace("'", "")
    if " " in s:
        if not re.fullmatch(r"[-+]?\d{1,3}(?: \d{3})+(?:,\d+)?", s):
            return None
        s = s.replace(" ", "")
    if "," in s and "." in s:
        english = s.rfind(".") > s.rfind(",")  # English style 1,234.5
        s = s.replace(",", "") if english else s.replace(".", "").replace(",", ".")
    elif "." in s:
        if re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", s):
            s = s.replace(".", "")
        elif s.count(".") > 1:
            return None
    elif "," in s:
        if s.count(",") > 1:
            return None
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _split_morphemes(word: str) -> list[str] | None:
    """Cut a compound number word into morphemes, backtracking ("centottanta")."""
    if not word:
        return []
    for piece in ("mille", "mila", "cento", "cent"):
        if word.startswith(piece):
            rest = _split_morphemes(word[len(piece):])
            if rest is not None:
                return [piece, *rest]
    for size in range(min(len(word), 11), 1, -1):
        head = word[:size]
        if head in _MORPHEMES:
            rest = _split_morphemes(word[size:])
            if rest is not None:
                return [head, *rest]
    return None


@lru_cache(maxsize=4096)
def _parse_word(word: str) -> int | None:
    """Value of one compound number word: "venticinque" -> 25, "duemilacento" -> 2100."""
    parts = _split_morphemes(word.lower())
    if not parts or parts[-1] == "cent":
        return None
    total, current = 0, 0
    for part in parts:
        if part in ("cento", "cent"):
            current = (current or 1) * 100
        elif part == "mille":
            if current or total:
                return None
            total = 1000
        elif part == "mila":
            if current < 2:
                return None
            total, current = total + current * 1000, 0
        else:
            current += _MORPHEMES[part]
    return total + current


def _token_value(token: str) -> Decimal | None:
    """A digit number, a number word, or digits glued to a multiplier ("5mila")."""
    glued = re.fullmatch(rf"([\d.,]+)\s*({_MULT_RE}|k)\.?", token)
    if glued:
        base = _parse_digits(glued.group(1))
        return None if base is None else base * _MULTIPLIERS[glued.group(2)]
    digits = _parse_digits(token)
    if digits is not None:
        return digits
    word = _parse_word(token)
    return None if word is None else Decimal(word)


def parse_italian_number(text: str) -> float | int | None:
    """Value of an Italian figure ("2.000", "3,5", "20 miliardi", "mezzo milione"), or None."""
    s = re.sub(r"\s+", " ", text.strip().lower().replace("\xa0", " "))
    s = s.replace("’", "'")
    if not s:
        return None
    whole = _parse_digits(s)
    if whole is not None:
        return _finish(whole)
    tokens = re.findall(rf"[\d.,]+\s*(?:{_MULT_RE})\b\.?|[\d][\d.,]*|[^\s\d]+", s)
    total, current, last_scale = Decimal(0), None, Decimal(1)
    i = 0
    while i < len(tokens):
        tok = tokens[i].strip()
        if tok in _MULTIPLIERS and tok != "k":
            scale = Decimal(_MULTIPLIERS[tok])
            total += (current if current is not None else Decimal(1)) * scale
            current, last_scale = None, scale
        elif tok in ("mezzo", "mezza") and current is None and (
                i + 1 < len(tokens) and tokens[i + 1] in _MULTIPLIERS):
            current = Decimal("0.5")
        elif tok == "e" and i + 1 < len(tokens) and tokens[i + 1] in ("mezzo", "mezza"):
            total += last_scale / 2 if current is None else Decimal("0.5")
            i += 1
        elif tok in _FRACTIONS and current is not None:
            current = current * _FRACTIONS[tok]
        elif tok in ("un", "una", "uno") and i + 1 < len(tokens) and tokens[i + 1] in _FRACTIONS:
            current = Decimal(1)
        else:
            value = _token_value(tok)
            if value is None:
                return None
            current = value if current is None else current + value
        i += 1
    if current is not None:
        total += current
    if not tokens:
        return None
    return _finish(total)


_MONTHS = (r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
           r"novembre|dicembre")
# Every Italian number word starts like this; the first letter comes before the lookbehinds
# so the regex engine can skip ahead fast. Candidates are then checked by the parser.
_WORD_CORE = (r"[udtqcsonvmz](?<!\w\w)(?:(?<=u)n[oa]?\b|(?<=u)ndici|(?<=d)(?:ue|ic|ieci|odici)"
              r"|(?<=t)r[eé]|(?<=q)u(?:at|ar|in)|(?<=c)(?:inq|ent)|(?<=s)(?:ei|ett|ess|edic)"
              r"|(?<=o)tt|(?<=n)ov|(?<=v)ent|(?<=m)(?:il|ezz)|(?<=z)ero)[a-zàèéìòù]*\b")
_NEEDS_MULTIPLIER = {"un", "uno", "una", "mezzo", "mezza"}
_WEAK_WORDS = {"sei", "otto", "nove", "uno", "una"}
_PRE_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                 "£": "GBP", "gbp": "GBP", "¥": "JPY"}
_CURRENCY_CODES = {name for _, name in CURRENCIES}
_COMPARATIVE = {"at least", "more than", "less than", "about", "almost", "at most"}


def _alternation(table: tuple[tuple[str, str], ...]) -> str:
    """All patterns of a table as one alternation."""
    return "|".join(f"(?:{pattern})" for pattern, _ in table)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Core, left-context, right-context and day-of-month regexes, compiled once.

    The core regex starts with a character, not an assertion, so the scan over long text
    stays fast; context is only examined around the few cores found."""
    core = re.compile(
        r"(?P<d>\d(?<![\w.,/:]\d)(?<!\w-\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:[.,]\d+)?)"
        r"(?![.,]?\d)(?![-/:]\d)(?!°))"
        rf"|(?P<w>{_WORD_CORE})", re.IGNORECASE)
    left = re.compile(
        rf"(?:(?<!\w)(?P<qual>{_alternation(QUALIFIERS)})\s+)?(?:(?P<pre>us\$|\$|€|£|¥|usd|eur|gbp)\s?)?$",
        re.IGNORECASE)
    right = re.compile(
        rf"(?P<mult>\s?(?:{_MULT_RE}|k)(?!\w))?(?P<half>\s+e\s+mezz[oa](?!\w))?"
        rf"(?:\s*(?:(?:di|d['’])\s*)?(?:(?:nuov[ie]|altr[ie]|ulteriori)\s+)?"
        rf"(?P<unit>{_alternation(CURRENCIES + PERCENT + COUNTED)})(?!\w))?",
        re.IGNORECASE)
    day = re.compile(rf"\s*(?:°|º)?\s+(?:{_MONTHS})\b", re.IGNORECASE)
    return core, left, right, day


@lru_cache(maxsize=1024)
def _canonical(found: str) -> tuple[str, NumberKind] | None:
    """The English unit name and kind of a unit or qualifier as written in Italian."""
    tables: tuple[tuple[tuple[tuple[str, str], ...], NumberKind], ...] = (
        (CURRENCIES, "money"), (PERCENT, "percent"), (COUNTED, "quantity"),
        (QUALIFIERS, "number"))
    for table, kind in tables:
        for pattern, name in table:
            if re.fullmatch(pattern, found, re.IGNORECASE):
                return name, kind
    return None


def _unit(after: re.Match[str], before: re.Match[str] | None) -> tuple[str | None, NumberKind]:
    """Unit and kind from the words after the figure (or a currency sign before it)."""
    found = _canonical(after.group("unit")) if after.group("unit") else None
    if found is not None:
        return found
    if before is not None and before.group("pre"):
        return _PRE_CURRENCY[before.group("pre").lower()], "money"
    return None, "number"


def _mention(core: re.Match[str], text: str) -> NumberMention | None:
    """A NumberMention around one core match, or None when it is not a figure."""
    _, left, right, day = _patterns()
    word = core.group("w")
    if word is not None and (age := word_age(word)) is not None:  # "ventenne"
        return NumberMention(core.start(), core.end(), word, age, "years", None, "age")
    if word is None and (suffix := AGE_SUFFIX.match(text, core.end())) and core.group("d").isdigit():  # "56enne"
        return NumberMention(core.start(), suffix.end(), text[core.start():suffix.end()], int(core.group("d")),
                             "years", None, "age")
    if word is not None and word.lower() not in _NEEDS_MULTIPLIER and _parse_word(word.lower()) is None:
        return None
    after = right.match(text, core.end())
    assert after is not None  # every part of `right` is optional
    if word is not None:
        if word.lower() in _NEEDS_MULTIPLIER and not after.group("mult"):
            return None
    elif core.end() < len(text) and text[core.end()].isalpha() and not after.group("mult"):
        return None
    num_end = after.end("half") if after.group("half") else (
        after.end("mult") if after.group("mult") else core.end())
    value = parse_italian_number(text[core.start():num_end])
    if value is None:
        return None
    before = left.search(text, max(0, core.start() - 40), core.start())
    qual = _canonical(before.group("qual")) if before and before.group("qual") else None
    qualifier = qual[0] if qual else None
    unit, kind = _unit(after, before)
    start = before.start() if before and (qualifier or before.group("pre")) else core.start()
    end = after.end()
    if kind == "number":
        end = num_end
        if word is None and is_clock_time(text, core.start(), end):
            return NumberMention(core.start(), end, text[core.start():end], value, None, None, "time")
        if isinstance(value, int) and 1 <= value <= 31 and day.match(text, end):
            return None
        if word is not None and word.lower() in _WEAK_WORDS and qualifier is None:
            return None
        if re.fullmatch(r"1\d{3}|20\d{2}|2100", text[core.start():end]) and (
                qualifier not in _COMPARATIVE and not (before and before.group("pre"))):
            kind, qualifier, start = "year", None, core.start()
    return NumberMention(start, end, text[start:end], value, unit, qualifier, kind)


def find_numbers(text: str) -> list[NumberMention]:
    """Every figure in `text`, in order, with unit ("USD", "%", "units") and qualifier."""
    found: list[NumberMention] = []
    for core in _patterns()[0].finditer(text):
        if found and core.start() < found[-1].end:
            continue
        mention = _mention(core, text)
        if mention is not None:
            found.append(mention)
    return _with_collectives(text, found)


def _with_collectives(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """`found` with the collective numerals (`un centinaio di ragazzi`: about 100) that no
    figure overlaps, in text order."""
    extra = []
    for match in collective_pattern().finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        unit = unit_name(match.group("unit")) if match.group("unit") else None
        end = match.end() if unit else match.end("noun")
        value = COLLECTIVES[match.group("noun").lower()]
        kind: NumberKind = "number" if unit is None else "money" if unit in _CURRENCY_CODES else "quantity"
        extra.append(NumberMention(match.start(), end, text[match.start():end], value, unit, "about", kind,
                                   collective=True))
    return sorted(found + extra, key=lambda m: m.start) if extra else found
