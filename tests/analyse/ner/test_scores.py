"""The numpy CRF decoder the tagger runs: tables survive save and open, empty input."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.analyse.ner.features import FeatureExtractor
from lettore.analyse.ner.lexicon import load_lexicon
from lettore.analyse.ner.scores import CompiledCRF
from lettore.analyse.ner.tagger import LEXICON_PATH, MODEL_PATH

SENTENCES = [
    "Il presidente russo Vladimir Putin è arrivato ieri a Mosca .".split(),
    [],
    "Secondo l' ANSA , la polizia di Milano ha arrestato due persone .".split(),
    ["Roma"],
    "La partita Lazio - Napoli si gioca allo stadio Olimpico di Roma sabato .".split(),
    "Il Korean Central News Agency ( KCNA ) cita Kim Jong Un | il 5 % .".split(),
    "a | b c || d".split(),
    "Vladimir Putin ha incontrato Emmanuel Macron all' Eliseo , poi è tornato a Mosca .".split(),
]


@pytest.fixture(scope="module")
def extractor() -> FeatureExtractor:
    return FeatureExtractor(load_lexicon(LEXICON_PATH))


def test_save_and_open_round_trip(tmp_path: Path, extractor: FeatureExtractor) -> None:
    compiled = CompiledCRF.open(MODEL_PATH)
    compiled.save(tmp_path / "copy.npz")
    copy = CompiledCRF.open(tmp_path / "copy.npz")
    assert copy.tag_document(extractor, SENTENCES) == compiled.tag_document(extractor, SENTENCES)


def test_empty_document(extractor: FeatureExtractor) -> None:
    compiled = CompiledCRF.open(MODEL_PATH)
    assert compiled.tag_document(extractor, []) == []
    assert compiled.tag_document(extractor, [[], []]) == [[], []]
