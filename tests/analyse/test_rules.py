"""Rule entities: dates with ISO values, money, quantities, percentages and equipment codes
appear highlighted with the right label; organisation acronyms are left to the NER model."""

from __future__ import annotations

import pytest

from lettore.analyse.rules import find_rule_entities


def _found(text: str) -> list[tuple[str, str, object]]:
    entities = find_rule_entities(text)
    for e in entities:
        assert text[e.start:e.end] == e.text
        assert (e.block, e.sentence) == (0, 0)
    return [(e.label, e.text, e.value) for e in entities]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Il test è previsto per aprile 2025.", "aprile 2025", "2025-04"),
        ("Nell'aprile 2025 la Corea del Nord ha sparato.", "aprile 2025", "2025-04"),
        ("Lunedì sera, 30 dicembre, Kim ha parlato.", "Lunedì sera, 30 dicembre", "--12-30"),
        ("Il piano 2025-05 è pronto.", "2025-05", "2025-05"),
        ("Firmato il 30 dicembre 2024 a Roma.", "30 dicembre 2024", "2024-12-30"),
        ("Dal 1° gennaio cambia tutto.", "1° gennaio", "--01-01"),
        ("Il primo marzo 2023 si è votato.", "primo marzo 2023", "2023-03-01"),
        ("Il decreto del 12/05/2024 è chiaro.", "12/05/2024", "2024-05-12"),
        ("Tutto cambiò nel 1945.", "1945", "1945"),
        ("Accadde negli anni Novanta.", "anni Novanta", "199X"),
        ("Tra il 2020-2022 i prezzi salirono.", "2020-2022", "2020/2022"),
        ("Se ne parlerà a maggio.", "maggio", "--05"),
        ("Ieri sera ha parlato.", "Ieri sera", None),
    ],
)
def test_dates(text: str, surface: str, value: str | None) -> None:
    assert ("DATE", surface, value) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Il 31 febbraio non esiste.",  # invalid day
        "Il codice 2025-13 non è una data.",
        "Maggio ha detto che verrà.",  # a surname, not the month
    ],
)
def test_no_false_dates(text: str) -> None:
    assert not [f for f in _found(text) if f[0] == "DATE" and f[2] is not None]


@pytest.mark.parametrize(
    ("text", "label", "surface", "value"),
    [
        ("Ha promesso 20 miliardi di dollari a Kiev.", "MONEY", "20 miliardi di dollari",
         20_000_000_000),
        ("Un premio di 5mila euro.", "MONEY", "5mila euro", 5000),
        ("Ha inviato almeno 2.000 unità.", "QUANTITY", "almeno 2.000 unità", 2000),
        ("La guerra dura da oltre tre anni.", "QUANTITY", "oltre tre anni", 3),
        ("Ha vinto con il 45% dei voti.", "PERCENT", "45%", 45),
    ],
)
def test_amounts(text: str, label: str, surface: str, value: object) -> None:
    assert (label, surface, value) in _found(text)


@pytest.mark.parametrize(
    "code",
    ["T-62", "F-35", "Su-57", "S-400", "MiG-29", "Hwasong-18", "ICBM", "SSBN", "SLBM", "F35",
     "Leopard 2", "Storm Shadow"],
)
def test_misc_codes(code: str) -> None:
    text = f"Secondo le fonti, il {code} è stato schierato."
    assert ("MISC", code, None) in _found(text)


@pytest.mark.parametrize("acronym", ["NATO", "ONU", "KCNA", "UE", "G20", "COP28"])
def test_organisation_acronyms_are_not_misc(acronym: str) -> None:
    assert _found(f"Lo ha detto la {acronym} ieri.") == [("DATE", "ieri", None)]


def test_overlaps_resolved_longest_wins() -> None:
    found = _found("Lunedì 30 dicembre 2024 ha speso 20 miliardi di dollari per 40 T-62.")
    assert found == [
        ("DATE", "Lunedì 30 dicembre 2024", "2024-12-30"),
        ("MONEY", "20 miliardi di dollari", 20_000_000_000),
        ("MISC", "T-62", None),
    ]
