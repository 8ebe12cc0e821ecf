"""The numpy decoder gives exactly the tags crfsuite gives for the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.analyse.ner.features import FeatureExtractor
from lettore.analyse.ner.lexicon import load_lexicon
from lettore.analyse.ner.scores import CompiledCRF
from lettore.analyse.ner.tagger import LEXICON_PATH, MODEL_PATH, compiled_path

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


def test_shipped_tables_match_the_crfsuite_model() -> None:
    shipped = CompiledCRF.open(compiled_path(MODEL_PATH))
    fresh = CompiledCRF.from_crfsuite(MODEL_PATH)
    assert shipped.labels == fresh.labels
    assert shipped.attribute_rows == fresh.attribute_rows
    assert (shipped.weights == fresh.weights).all()
    assert (shipped.transitions == fresh.transitions).all()


def test_numpy_decoding_equals_crfsuite(extractor: FeatureExtractor) -> None:
    import pycrfsuite

    reference = pycrfsuite.Tagger()
    reference.open(str(MODEL_PATH))
    expected = [list(reference.tag(x)) if x else [] for x in extractor.document(SENTENCES)]
    compiled = CompiledCRF.open(compiled_path(MODEL_PATH))
    assert compiled.tag_document(extractor, SENTENCES) == expected
    # A second pass reuses the cached word-type weights and must not drift.
    assert compiled.tag_document(extractor, SENTENCES) == expected
    assert any(tag != "O" for tags in expected for tag in tags)


def test_save_and_open_round_trip(tmp_path: Path, extractor: FeatureExtractor) -> None:
    compiled = CompiledCRF.open(compiled_path(MODEL_PATH))
    compiled.save(tmp_path / "copy.npz")
    copy = CompiledCRF.open(tmp_path / "copy.npz")
    assert copy.tag_document(extractor, SENTENCES) == compiled.tag_document(extractor, SENTENCES)


def test_empty_document(extractor: FeatureExtractor) -> None:
    compiled = CompiledCRF.open(compiled_path(MODEL_PATH))
    assert compiled.tag_document(extractor, []) == []
    assert compiled.tag_document(extractor, [[], []]) == [[], []]
