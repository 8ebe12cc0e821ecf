"""The shipped municipality list: ISTAT names as written in Italian text."""

from __future__ import annotations

import gzip

from training.ner.places import as_written

from lettore.analyse.ner.gazetteer import MUNICIPALITIES_PATH


def test_connectives_are_written_lowercase() -> None:
    assert as_written("Gravina Di Catania") == "Gravina di Catania"
    assert as_written("Castiglione Dei Pepoli") == "Castiglione dei Pepoli"


def test_the_shipped_list_holds_small_towns_and_not_common_words() -> None:
    with gzip.open(MUNICIPALITIES_PATH, "rt", encoding="utf-8") as source:
        names = set(source.read().splitlines())
    assert {"Nonantola", "Fanano", "Rio Saliceto", "Castelvetro di Modena", "Gravina di Catania"} <= names
    assert {"Castelvetro", "Novi"} <= names  # the heads of `X di Y` names, as local news writes them
    assert not {"Calcio", "Opera", "Male"} & names
