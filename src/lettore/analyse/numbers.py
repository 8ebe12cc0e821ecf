"""Italian figures to values: "2.000", "3,5", "20 miliardi", "5mila", "venticinque", and
the figures of a sentence with their unit and qualifier, so claims and the number check
can compare what the original says with what the translation says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from lettore.analyse.numbers_english import english_number_forms, number_appears_in_english

__all__ = [
    "NumberMention",
    "english_number_forms",
    "find_numbers",
    "number_appears_in_english",
    "parse_italian_number",
]

NumberKind = Literal["money", "percent", "quantity", "number", "year"]

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
        if s.rfind(".") > s.rfind(","):  # English style 1,234.5
            s = s.replace(",", "")
        else:
            s = s.replace(".", "").replace(",", ".")
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
    tokens = re.findall(r"[\d.,]+\s*(?:%s)\b\.?|[\d][\d.,]*|[^\s\d]+" % _MULT_RE, s)
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


_ART = r"(?:\s+(?:il|lo|la|i|gli|le|l['’]))?"
_DI = r"d(?:i|el|ello|ella|ell['’]|ei|egli|elle)"
_A = r"a(?:l|llo|lla|ll['’]|i|gli|lle)?"
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (rf"non\s+meno\s+{_DI}", "at least"),
    (rf"non\s+(?:più|piu['’])\s+{_DI}", "at most"),
    (rf"almeno{_ART}", "at least"),
    (rf"(?:più|piu['’])\s+{_DI}|oltre{_ART}", "more than"),
    (rf"meno\s+{_DI}", "less than"),
    (rf"circa{_ART}|all['’]incirca|(?:intorno|attorno)\s+{_A}|qualcosa\s+come", "about"),
    (rf"quasi{_ART}", "almost"),
    (rf"(?:fino|sino)\s+{_A}|un\s+massimo\s+{_DI}", "up to"),
    (rf"(?:appena|solo|soltanto){_ART}", "only"),
)
_CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"euro|€|eur", "EUR"),
    (r"dollari(?:\s+(?:statunitensi|americani|usa))?|dollaro|us\$|\$|usd", "USD"),
    (r"sterlin[ae](?:\s+britanniche)?|£|gbp", "GBP"),
    (r"yuan|renminbi|cny", "CNY"),
    (r"rubl[io]|rub", "RUB"),
    (r"yen|¥|jpy", "JPY"),
    (r"franchi\s+svizzeri|franco\s+svizzero|chf", "CHF"),
    (r"grivni[ae]|hryvni[ae]|uah", "UAH"),
    (r"won", "KRW"),
)
_PERCENT: tuple[tuple[str, str], ...] = (
    (r"%|per\s*cento", "%"),
    (r"punt[io]\s+percentual[ei]", "percentage points"),
)
_COUNTED: tuple[tuple[str, str], ...] = (
    (r"unità", "units"), (r"person[ae]", "people"), (r"soldat[io]", "soldiers"),
    (r"militari|truppe", "troops"), (r"ann[io]", "years"), (r"mes[ei]", "months"),
    (r"giorn[io]", "days"), (r"settiman[ae]", "weeks"), (r"ore", "hours"),
    (r"minut[io]", "minutes"), (r"decenni", "decades"), (r"secoli", "centuries"),
    (r"km/h|chilometri\s+orari", "km/h"), (r"(?:km|chilometri)\s+quadrati|km²|kmq", "km2"),
    (r"km|chilometr[io]", "km"), (r"metri|metro", "m"), (r"centimetri|cm", "cm"),
    (r"tonnellat[ae]", "tonnes"), (r"kg|chil[io]|chilogramm[io]", "kg"), (r"barili", "barrels"),
    (r"ettari", "hectares"), (r"megawatt|mw", "MW"), (r"gigawatt|gw", "GW"),
    (r"missili", "missiles"), (r"testate(?:\s+nucleari)?", "warheads"), (r"morti", "dead"),
    (r"vittime", "victims"), (r"feriti", "injured"), (r"abitanti", "inhabitants"),
    (r"residenti", "residents"), (r"lavoratori", "workers"), (r"dipendenti", "employees"),
    (r"bambini", "children"), (r"civili", "civilians"), (r"prigionieri", "prisoners"),
    (r"ostaggi", "hostages"), (r"rifugiati|profughi", "refugees"), (r"migranti", "migrants"),
    (r"carri\s+armati", "tanks"), (r"droni", "drones"), (r"aerei", "aircraft"),
    (r"navi", "ships"), (r"sottomarini", "submarines"), (r"voti", "votes"), (r"seggi", "seats"),
    (r"casi", "cases"), (r"volte", "times"), (r"paesi|stati", "countries"),
    (r"case|abitazioni", "homes"), (r"posti\s+di\s+lavoro", "jobs"), (r"studenti", "students"),
    (r"famiglie", "families"), (r"uomini", "men"), (r"donne", "women"), (r"agenti", "officers"),
    (r"arresti", "arrests"), (r"euro/mese", "EUR/month"),
)
_MONTHS = (r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
           r"novembre|dicembre")


def _group(table: tuple[tuple[str, str], ...], prefix: str) -> str:
    """One named alternation per table row, longest patterns first."""
    return "|".join(f"(?P<{prefix}{i}>{pattern})" for i, (pattern, _) in enumerate(table))


def _build() -> re.Pattern[str]:
    """The figure regex: qualifier, currency sign, number, multiplier, unit."""
    cur_pre = r"(?P<pre>us\$|\$|€|£|¥|usd|eur|gbp)"
    num = (rf"(?P<num>(?<![\w.,/:])(?<!\w-)(?:{DIGIT_NUMBER}(?![.,]?\d)(?![-/:]\d)(?!°)"
           rf"(?:\s?{_MULT_RE}|k)?"
           rf"|(?:un|uno|una|mezzo|mezza)\s+{_MULT_RE}|{WORD_NUMBER}(?:\s+{_MULT_RE})?)"
           rf"(?:\s+e\s+mezz[oa])?(?!\w))")
    unit = (rf"(?:\s*(?:(?:di|d['’])\s*)?(?:(?:nuov[ie]|altr[ie]|ulteriori)\s+)?"
            rf"(?:{_group(_CURRENCIES, 'c')}|{_group(_PERCENT, 'p')}|{_group(_COUNTED, 'q')})"
            rf"(?!\w))?")
    qual = rf"(?:(?:{_group(_QUALIFIERS, 'x')})\s+)?"
    return re.compile(rf"(?<!\w){qual}(?:{cur_pre}\s?)?{num}{unit}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Compiled once, on first use."""
    return _build()


@lru_cache(maxsize=1)
def _day_of_month() -> re.Pattern[str]:
    """A number followed by a month is a date, not a figure."""
    return re.compile(rf"\s*(?:°|º)?\s+(?:{_MONTHS})\b", re.IGNORECASE)


def _which(match: re.Match[str], table: tuple[tuple[str, str], ...], prefix: str) -> str | None:
    """The canonical name of the table row that matched, if any."""
    for i, (_, name) in enumerate(table):
        if match.group(f"{prefix}{i}") is not None:
            return name
    return None


_WEAK_WORDS = {"un", "uno", "una", "sei", "otto", "nove"}
_PRE_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                 "£": "GBP", "gbp": "GBP", "¥": "JPY"}
_COMPARATIVE = {"at least", "more than", "less than", "about", "almost", "at most"}


def _mention(match: re.Match[str], text: str) -> NumberMention | None:
    """Turn one regex match into a NumberMention, or None when it is not a figure."""
    num = match.group("num")
    value = parse_italian_number(num)
    if value is None:
        return None
    qualifier = _which(match, _QUALIFIERS, "x")
    pre = match.group("pre")
    unit, kind = _which(match, _CURRENCIES, "c"), "money"
    if pre and not unit:
        unit = _PRE_CURRENCY[pre.lower()]
    if unit is None:
        unit, kind = _which(match, _PERCENT, "p"), "percent"
    if unit is None:
        unit, kind = _which(match, _COUNTED, "q"), "quantity"
    start, end = match.start(), match.end()
    if unit is None:
        kind = "number"
        end = match.end("num")
        if _day_of_month().match(text, end) and isinstance(value, int) and 1 <= value <= 31:
            return None
        if num.lower() in _WEAK_WORDS and qualifier is None:
            return None
        if re.fullmatch(r"1\d{3}|20\d{2}|2100", num) and qualifier not in _COMPARATIVE:
            kind, qualifier, start = "year", None, match.start("num")
    return NumberMention(start, end, text[start:end], value, unit, qualifier, kind)  # type: ignore[arg-type]


def find_numbers(text: str) -> list[NumberMention]:
    """Every figure in `text`, in order, with unit ("USD", "%", "units") and qualifier."""
    found = []
    for match in _pattern().finditer(text):
        mention = _mention(match, text)
        if mention is not None:
            found.append(mention)
    return found
