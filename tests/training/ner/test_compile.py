"""The shipped numpy tables are the compiled training CRF, and decode exactly the tags
crfsuite gives for it (needs python-crfsuite, of the test and train extras)."""

from __future__ import annotations

import pytest
from training.ner.compile import compile_crfsuite
from training.ner.train import CRF_PATH

from lettore.analyse.ner.features import FeatureExtractor
from lettore.analyse.ner.lexicon import load_lexicon
from lettore.analyse.ner.scores import CompiledCRF
from lettore.analyse.ner.tagger import LEXICON_PATH, MODEL_PATH

pycrfsuite = pytest.importorskip("pycrfsuite")

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
    shipped = CompiledCRF.open(MODEL_PATH)
    fresh = compile_crfsuite(CRF_PATH)
    assert shipped.labels == fresh.labels
    assert shipped.attribute_rows == fresh.attribute_rows
    assert (shipped.weights == fresh.weights).all()
    assert (shipped.transitions == fresh.transitions).all()


def test_numpy_decoding_equals_crfsuite(extractor: FeatureExtractor) -> None:
    reference = pycrfsuite.Tagger()
    reference.open(str(CRF_PATH))
    expected = [list(reference.tag(x)) if x else [] for x in extractor.document(SENTENCES)]
    compiled = CompiledCRF.open(MODEL_PATH)
    assert compiled.tag_document(extractor, SENTENCES) == expected
    # A second pass reuses the cached word-type weights and must not drift.
    assert compiled.tag_document(extractor, SENTENCES) == expected
    assert any(tag != "O" for tags in expected for tag in tags)
