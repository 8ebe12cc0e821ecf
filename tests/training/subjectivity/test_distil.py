"""Distillation for the lexical model: KIND's tokens read as running text, and the teacher
learns only from the labelled rows it is given, so cross-validation cannot leak a held-out
fold's labels through the soft labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")
from scipy.sparse import csr_matrix
from training.subjectivity.distil import WEIGHT, Teaching, kind_texts, soft_labels, with_soft_labels


def test_kind_tokens_become_running_text_and_short_lines_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "ADG_train.tsv"
    tokens = ["Sono", "in", "possesso", "del", "testo", "dell'", "ordine", "«", "carte", "»", ",", "dice", "."]
    path.write_text("\n".join(f"{t}\tO" for t in tokens) + "\n\nTitolo\tO\nbreve\tO\n", encoding="utf-8")
    assert kind_texts(path) == ["Sono in possesso del testo dell'ordine «carte», dice."]


def _teaching(gold: np.ndarray, unlabeled: np.ndarray) -> Teaching:
    return Teaching(gold, unlabeled, csr_matrix(np.ones((len(unlabeled), 3))), np.zeros((len(unlabeled), 2)))


def test_the_teacher_sees_only_the_rows_it_is_fitted_on() -> None:
    rng = np.random.default_rng(0)
    gold = rng.normal(size=(40, 4))
    labels = (gold[:, 0] > 0).astype(int)
    teaching = _teaching(gold, rng.normal(size=(10, 4)))
    rows = np.arange(30)
    flipped = labels.copy()
    flipped[30:] = 1 - flipped[30:]
    assert np.allclose(soft_labels(teaching, rows, labels[rows]), soft_labels(teaching, rows, flipped[rows]))
    assert not np.allclose(soft_labels(teaching, rows, labels[rows]), soft_labels(teaching, np.arange(40), flipped))


def test_each_unlabeled_sentence_is_split_between_the_classes_by_its_soft_label() -> None:
    rng = np.random.default_rng(1)
    gold = rng.normal(size=(20, 4))
    labels = (gold[:, 0] > 0).astype(int)
    unlabeled = np.array([[3.0, 0, 0, 0], [-3.0, 0, 0, 0]])
    hashed, dense, targets, weights = with_soft_labels(
        csr_matrix(np.ones((20, 3))), np.zeros((20, 2)), labels, _teaching(gold, unlabeled), np.arange(20)
    )
    assert hashed.shape == (24, 3) and dense.shape == (24, 2)
    assert list(targets[20:]) == [1, 1, 0, 0]
    assert np.allclose(weights[20:22] + weights[22:24], WEIGHT)
    assert weights[20] > 0.5 * WEIGHT > weights[21]
