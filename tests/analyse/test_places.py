"""Italian place names get the English name a reader knows."""

from __future__ import annotations

import pytest

from lettore.analyse.places import english_place_name


@pytest.mark.parametrize(
    ("italian", "english"),
    [
        ("Corea del Nord", "North Korea"),
        ("corea del sud", "South Korea"),
        ("Stati Uniti", "United States"),
        ("la Russia", "Russia"),
        ("l'Italia", "Italy"),
        ("Regno Unito", "United Kingdom"),
        ("Paesi Bassi", "Netherlands"),
        ("Mosca", "Moscow"),
        ("Pechino", "Beijing"),
        ("Washington", "Washington"),
        ("Kiev", "Kyiv"),
        ("Londra", "London"),
        ("Parigi", "Paris"),
        ("Bruxelles", "Brussels"),
        ("Monaco di Baviera", "Munich"),
        ("Europa", "Europe"),
        ("Africa", "Africa"),
        ("Medio Oriente", "Middle East"),
        ("Costa d’Avorio", "Côte d’Ivoire"),
        ("CITTÀ DEL MESSICO", "Mexico City"),
    ],
)
def test_english_place_name(italian: str, english: str) -> None:
    assert english_place_name(italian) == english


@pytest.mark.parametrize("name", ["Kim Jong Un", "governo", "", "la"])
def test_unknown_names_give_none(name: str) -> None:
    assert english_place_name(name) is None
