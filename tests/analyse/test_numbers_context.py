"""Clock times are hours, not figures; age nouns are numbers of years."""

from __future__ import annotations

import pytest

from lettore.analyse.claims import number_mismatches
from lettore.analyse.numbers import find_numbers


@pytest.mark.parametrize(
    "sentence",
    [
        "La lite è scoppiata intorno alle 22 davanti al circolo.",
        "Il negozio è stato svaligiato alle 19,45 di domenica.",
        "I vigili sono rimasti in piazza fino alle 2 del mattino.",
        "Il corteo è partito verso le ore 16.30 dalla stazione.",
        "Tra le 4 e le 5 di notte qualcuno ha forzato la saracinesca.",
    ],
)
def test_clock_times_are_not_figures(sentence: str) -> None:
    found = find_numbers(sentence)
    assert found and all(m.kind == "time" for m in found)


def test_a_count_after_le_is_still_a_figure() -> None:
    assert [(m.value, m.kind) for m in find_numbers("Hanno rubato le 12 biciclette del deposito.")] == [(12, "number")]


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Un 56enne di Sassuolo è stato fermato.", 56),
        ("La 31enne ha chiamato il 112.", 31),
        ("Il ventenne era già noto alle forze dell'ordine.", 20),
        ("Un diciassettenne è stato denunciato.", 17),
        ("Una settantacinquenne è stata derubata al mercato.", 75),
    ],
)
def test_age_nouns_are_years(sentence: str, age: int) -> None:
    ages = [m for m in find_numbers(sentence) if m.kind == "age"]
    assert [(m.value, m.unit) for m in ages] == [(age, "years")]


def test_thousands_glued_to_mila() -> None:
    assert [(m.value, m.unit) for m in find_numbers("Un bottino da 5mila euro.")] == [(5000, "EUR")]


def test_number_check_leaves_clock_times_to_the_translator() -> None:
    assert number_mismatches("È successo alle 21 in piazza.", "It happened at 9 pm in the square.") == []
