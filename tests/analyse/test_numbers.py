"""Italian figures parse to the values a reader expects, and the number check accepts a
correct English rendering and rejects a wrong one."""

from __future__ import annotations

import pytest

from lettore.analyse.numbers import (
    NumberMention,
    english_number_forms,
    find_numbers,
    number_appears_in_english,
    parse_italian_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45", 45),
        ("2.000", 2000),
        ("1.234.567,89", 1234567.89),
        ("3,5", 3.5),
        ("0,25", 0.25),
        ("5mila", 5000),
        ("20mln", 20_000_000),
        ("3 mld", 3_000_000_000),
        ("20 miliardi", 20_000_000_000),
        ("2,5 milioni", 2_500_000),
        ("1,5 bilioni", 1_500_000_000_000),
        ("tre", 3),
        ("venti", 20),
        ("venticinque", 25),
        ("ventotto", 28),
        ("trentuno", 31),
        ("ventitré", 23),
        ("cento", 100),
        ("centottanta", 180),
        ("duecento", 200),
        ("mille", 1000),
        ("milleduecento", 1200),
        ("duemila", 2000),
        ("trecentomila", 300_000),
        ("un milione", 1_000_000),
        ("Un milione e mezzo", 1_500_000),
        ("mezzo milione", 500_000),
        ("tre miliardi", 3_000_000_000),
        ("un terzo", pytest.approx(1 / 3)),
        ("tre quarti", 0.75),
    ],
)
def test_parse_italian_number(text: str, expected: object) -> None:
    assert parse_italian_number(text) == expected


@pytest.mark.parametrize("text", ["", "foo", "centro", "tra", "2.000.0.0"])
def test_parse_rejects_non_numbers(text: str) -> None:
    assert parse_italian_number(text) is None


def test_integral_values_come_back_as_int() -> None:
    assert isinstance(parse_italian_number("2,0 miliardi"), int)
    assert isinstance(parse_italian_number("3,5"), float)


def _one(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier", "kind"),
    [
        ("Ha stanziato 20 miliardi di dollari.", "20 miliardi di dollari", 20_000_000_000,
         "USD", None, "money"),
        ("Sono arrivate almeno 2.000 unità.", "almeno 2.000 unità", 2000, "units",
         "at least", "quantity"),
        ("Dura da oltre tre anni.", "oltre tre anni", 3, "years", "more than", "quantity"),
        ("Ha votato il 45% degli iscritti.", "45%", 45, "%", None, "percent"),
        ("Un premio di 5mila euro.", "5mila euro", 5000, "EUR", None, "money"),
        ("Costa $20 miliardi.", "$20 miliardi", 20_000_000_000, "USD", None, "money"),
        ("Un calo del 12,5 per cento.", "12,5 per cento", 12.5, "%", None, "percent"),
        ("Ne ha più del 30% dei voti.", "più del 30%", 30, "%", "more than", "percent"),
        ("Ci sono quasi 3 milioni di persone.", "quasi 3 milioni di persone", 3_000_000,
         "people", "almost", "quantity"),
        ("Fino a 500 soldati.", "Fino a 500 soldati", 500, "soldiers", "up to", "quantity"),
        ("Meno di 10 km.", "Meno di 10 km", 10, "km", "less than", "quantity"),
        ("Circa 80 milioni di sterline.", "Circa 80 milioni di sterline", 80_000_000, "GBP",
         "about", "money"),
        ("Erano trecento soldati.", "trecento soldati", 300, "soldiers", None, "quantity"),
        ("Tutto accadde nel 2025.", "2025", 2025, None, None, "year"),
        ("Il rublo perde 2 punti percentuali.", "2 punti percentuali", 2, "percentage points",
         None, "percent"),
    ],
)
def test_find_numbers(text: str, surface: str, value: object, unit: str | None,
                      qualifier: str | None, kind: str) -> None:
    m = _one(text)
    assert (m.text, m.value, m.unit, m.qualifier, m.kind) == (surface, value, unit, qualifier, kind)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Lunedì 30 dicembre Kim ha parlato.",  # a day of the month is a date
        "Il carro T-62 e il caccia F35.",  # model codes are not figures
        "Alle 10:30 di sera.",  # clock times
        "Tu sei qui, una volta, un uomo.",  # "sei" the verb, "una" the article
        "La rete 5G e il 3D.",
    ],
)
def test_find_numbers_ignores_non_figures(text: str) -> None:
    assert find_numbers(text) == []


def test_find_numbers_keeps_order_and_offsets() -> None:
    text = "Nel 2024 ha speso 5mila euro per 2.000 unità, il 45% del totale."
    found = find_numbers(text)
    assert [m.value for m in found] == [2024, 5000, 2000, 45]
    assert all(text[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("value", "form"),
    [
        (2000, "2,000"), (2000, "two thousand"), (20_000_000_000, "20 billion"),
        (20_000_000_000, "20bn"), (3.5, "3.5"), (45, "forty-five"), (500_000, "half a million"),
        (1_500_000, "1.5 million"), (3, "three"),
    ],
)
def test_english_number_forms(value: float, form: str) -> None:
    assert form in english_number_forms(value)


@pytest.mark.parametrize(
    ("italian", "english", "ok"),
    [
        ("almeno 2.000 unità", "at least 2,000 units", True),
        ("almeno 2.000 unità", "at least 2000 units", True),
        ("almeno 2.000 unità", "at least two thousand units", True),
        ("almeno 2.000 unità", "at least 2.000 units", False),
        ("almeno 2.000 unità", "at least 12,000 units", False),
        ("20 miliardi di dollari", "$20 billion", True),
        ("20 miliardi di dollari", "20 billion dollars", True),
        ("20 miliardi di dollari", "a $20bn package", True),
        ("20 miliardi di dollari", "20 million dollars", False),
        ("3,5 milioni", "3.5 million", True),
        ("3,5 milioni", "3,5 million", False),
        ("il 45%", "45%", True),
        ("il 45%", "45 percent", True),
        ("il 45%", "45 per cent", True),
        ("il 45%", "45 people", False),
        ("oltre tre anni", "more than three years", True),
        ("nel 2025", "in 2025", True),
        ("nel 2025", "in 2,025", False),
    ],
)
def test_number_appears_in_english(italian: str, english: str, ok: bool) -> None:
    assert number_appears_in_english(_one(italian), english) is ok
