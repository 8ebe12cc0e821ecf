"""The seed article's reference translation covers every sentence the segmenter makes."""

from __future__ import annotations

import re

from lettore.ingest import load_path
from lettore.translate.normalise import normalise_key
from lettore.translate.tmx import read_tmx
from tests.locations import SEEDS


def test_every_seed_sentence_finds_its_reference_unit() -> None:
    article = load_path(SEEDS / "kim-tanks-russia.it.txt")
    units = read_tmx(SEEDS / "kim-tanks-russia.en.tmx")
    memory = {normalise_key(unit.source): unit for unit in units}
    sentences = [s.text for block in article.blocks for s in block.sentences]
    assert len(sentences) == len(units) == 21
    missing = [s for s in sentences if normalise_key(s) not in memory]
    assert missing == []
    assert all(unit.origin == "reference" and unit.target_lang == "en" for unit in units)


def test_reference_keeps_figures_places_and_hedges() -> None:
    units = {u.source: u.target for u in read_tmx(SEEDS / "kim-tanks-russia.en.tmx")}
    english = " ".join(units.values())
    assert "2,000" in english and "$20 billion" in english
    for place in ("North Korea", "Moscow", "Pyongyang", "Beijing", "Ukraine", "Kursk"):
        assert place in english
    assert not re.search(r"Corea|Mosca|Pechino", english)
    presumably = next(t for s, t in units.items() if "presumibilmente" in s)
    assert "presumably" in presumably and "would" in presumably
    assert all(t.strip() and t != s for s, t in units.items())


def test_date_line_is_not_a_sentence() -> None:
    article = load_path(SEEDS / "kim-tanks-russia.it.txt")
    assert article.date == "2025-05"
    assert not any("Ascolta" in s.text for b in article.blocks for s in b.sentences)
