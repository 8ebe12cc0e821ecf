"""Collective numerals (`una decina di`, `un centinaio di`) as round figures: found with
their value and what they count, ranked as counts of people, and not flagged when a
translation words them freely."""

from __future__ import annotations

import pytest

from lettore.analyse.claims.check import number_mismatches
from lettore.analyse.claims.features import people_count
from lettore.analyse.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Una decina di persone sono rimaste intossicate dal fumo.", "Una decina di persone", 10, "people"),
        ("Stamattina un centinaio di ragazzi ha bloccato il viale.", "un centinaio", 100, None),
        ("Un migliaio di tifosi ha aspettato la squadra in piazza.", "Un migliaio", 1000, None),
        ("Un migliaio di tifosi ha festeggiato la coppa.", "Un migliaio", 1000, None),
        ("Sono stati sequestrati una ventina di chili di hashish.", "una ventina di chili", 20, "kg"),
        ("Nella borsa c'erano i documenti e un centinaio di euro.", "un centinaio di euro", 100, "EUR"),
    ],
)
def test_collective_numerals_are_round_figures(text: str, surface: str, value: int, unit: str | None) -> None:
    found = [(m.text, m.value, m.unit, m.qualifier) for m in find_numbers(text)]
    assert found == [(surface, value, unit, "about")]


def test_a_collective_and_a_plain_figure_in_one_sentence_come_in_order() -> None:
    found = find_numbers("Il bilancio è di 3 morti e una trentina di feriti.")
    assert [(m.value, m.unit) for m in found] == [(3, "dead"), (30, "injured")]


def test_a_crowd_given_by_a_collective_is_a_count_of_people() -> None:
    assert people_count("un centinaio", "Stamattina un centinaio di ragazzi ha bloccato il viale.")


def test_a_collective_worded_freely_in_the_translation_is_no_changed_figure() -> None:
    original = "Una decina di persone sono rimaste intossicate dal fumo."
    assert number_mismatches(original, "About a dozen people were poisoned by the smoke.") == []
