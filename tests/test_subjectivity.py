"""The subjectivity classifier: shipped model loads, separates opinion from fact, and the
pure-Python features agree with themselves (deterministic hashing)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lettore.analyse.subjectivity import is_subjective
from lettore.analyse.subjectivity.features import featurise
from lettore.analyse.subjectivity.model import MODEL_PATH, load_model
from lettore.errors import UserError


@pytest.mark.parametrize(
    "sentence",
    [
        "Il consiglio comunale ha approvato il bilancio con 18 voti favorevoli e 7 contrari.",
        "Il treno regionale delle 7.15 è stato soppresso per un guasto alla linea elettrica.",
    ],
)
def test_plain_reports_are_objective(sentence: str) -> None:
    subjective, probability = is_subjective(sentence)
    assert not subjective and probability < 0.5


@pytest.mark.parametrize(
    "sentence",
    [
        "Noi siamo stanchi di questa politica vergognosa, è davvero il momento di dire basta!",
        "Insomma, una scelta assurda e incomprensibile che dovrebbe farci riflettere tutti.",
    ],
)
def test_opinions_are_subjective(sentence: str) -> None:
    subjective, probability = is_subjective(sentence)
    assert subjective and probability >= 0.5


def test_features_are_deterministic_and_normalised() -> None:
    first = featurise("Il governo “cadrà” presto!")
    assert first == featurise("Il governo \"cadrà\" presto!")
    assert all(isinstance(i, int) and i >= 0 for i in first)


def test_shipped_model_is_small_and_reloads(tmp_path: Path) -> None:
    assert MODEL_PATH.stat().st_size < 400_000
    model = load_model()
    copy = tmp_path / "m.json.gz"
    model.save(copy)
    again = load_model(copy)
    sentence = "Il ministro ha firmato il decreto ieri sera."
    assert again.probability(sentence) == pytest.approx(model.probability(sentence), abs=1e-4)


def test_broken_model_file_is_a_user_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json.gz"
    with gzip.open(broken, "wt") as handle:
        json.dump({"format": 1}, handle)
    with pytest.raises(UserError, match="subjectivity model"):
        load_model(broken)
