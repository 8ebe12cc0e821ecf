"""Run-time subjectivity model: one logistic regression over three feature groups
(hashed n-grams, the mean of learned word vectors folded into one score per word, and
sentence cues), and a small second stage that reads each sentence's score beside its
neighbours' in the article; loaded from a small gzipped JSON file, applied with numpy."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.context import WINDOWS, context_features, context_from_json, context_to_json
from lettore.analyse.subjectivity.cues import CUE_NAMES, cue_vector
from lettore.analyse.subjectivity.features import DIMENSIONS, feature_arrays, words
from lettore.analyse.subjectivity.model_file import read_model, write_model

MODEL_PATH = Path(__file__).with_name("subjectivity.json.gz")
FORMAT = 3


@dataclass(frozen=True)
class SubjectivityModel:
    """Weights of the three feature groups, bias, decision threshold and n-gram settings;
    the context stage's weights (own score, then one per window), bias and threshold."""

    weights: dict[int, float]
    bias: float
    threshold: float
    word_n: int
    char_min: int
    char_max: int
    word_scores: dict[str, float] = field(default_factory=dict)
    cue_weights: tuple[float, ...] = ()
    # The default context stage passes the sentence's own score through unchanged.
    context_weights: tuple[float, ...] = (1.0,) + (0.0,) * len(WINDOWS)
    context_bias: float = 0.0
    context_threshold: float = 0.5
    _dense: np.ndarray = field(init=False, repr=False, compare=False)
    _cues: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Spread the sparse weights into a dense vector for one vectorised dot product."""
        dense = np.zeros(DIMENSIONS, dtype=np.float64)
        for index, weight in self.weights.items():
            dense[index] = weight
        object.__setattr__(self, "_dense", dense)
        cues = np.zeros(len(CUE_NAMES)) if not self.cue_weights else np.asarray(self.cue_weights, dtype=np.float64)
        if cues.shape != (len(CUE_NAMES),):
            raise ValueError(f"expected {len(CUE_NAMES)} cue weights, got {cues.shape[0]}")
        object.__setattr__(self, "_cues", cues)
        if len(self.context_weights) != 1 + len(WINDOWS):
            raise ValueError(f"expected {1 + len(WINDOWS)} context weights, got {len(self.context_weights)}")

    def score(self, text: str) -> float:
        """The linear score (log-odds of opinion) of one sentence."""
        indices, values = feature_arrays(text, self.word_n, self.char_min, self.char_max)
        known = [self.word_scores[word] for word in words(text) if word in self.word_scores]
        embedded = sum(known) / len(known) if known else 0.0
        return self.bias + float(self._dense[indices] @ values) + embedded + float(self._cues @ cue_vector(text))

    def probability(self, text: str) -> float:
        """Probability that `text` is opinion rather than fact."""
        score = self.score(text)
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def probabilities_in_context(self, texts: list[str]) -> list[tuple[float, float]]:
        """(in context, alone) probabilities of opinion for each sentence of one article in
        reading order: given its own score and its neighbours', and given its own only."""
        if not texts:
            return []
        own = np.array([self.score(text) for text in texts])
        scores = self.context_bias + context_features(own) @ np.asarray(self.context_weights)
        in_context = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
        alone = 1.0 / (1.0 + np.exp(-np.clip(own, -30, 30)))
        return [(float(c), float(a)) for c, a in zip(in_context, alone, strict=True)]

    def to_json(self) -> dict[str, object]:
        """The on-disk form: indices and weights as parallel lists, word scores, cue weights."""
        indices = sorted(self.weights)
        return {
            "format": FORMAT,
            "bias": self.bias,
            "threshold": self.threshold,
            "features": {"word_n": self.word_n, "char_min": self.char_min, "char_max": self.char_max},
            "indices": indices,
            "weights": [round(self.weights[i], 5) for i in indices],
            "word_scores": {word: round(score, 5) for word, score in self.word_scores.items()},
            "cues": dict(zip(CUE_NAMES, (round(w, 5) for w in self._cues), strict=True)),
            "context": context_to_json(self.context_weights, self.context_bias, self.context_threshold),
        }

    @classmethod
    def from_json(cls, data: dict) -> SubjectivityModel:
        """Rebuild the model from its on-disk form."""
        if data.get("format") != FORMAT:
            raise ValueError(f"model format {data.get('format')!r}, expected {FORMAT}")
        features = data["features"]
        cues = data["cues"]
        return cls(
            weights=dict(zip(data["indices"], data["weights"], strict=True)),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            word_n=int(features["word_n"]),
            char_min=int(features["char_min"]),
            char_max=int(features["char_max"]),
            word_scores={str(word): float(score) for word, score in data["word_scores"].items()},
            cue_weights=tuple(float(cues[name]) for name in CUE_NAMES),
            **context_from_json(data["context"]),
        )

    def save(self, path: Path) -> None:
        """Write the model as gzipped JSON (small enough to ship in the package)."""
        write_model(path, self.to_json())


def load_model(path: Path = MODEL_PATH) -> SubjectivityModel:
    """Read a model file; a missing or broken file is a user-fixable install problem."""
    return read_model(path, SubjectivityModel.from_json, "python -m training.subjectivity.lexical")


@cache
def shipped_model() -> SubjectivityModel:
    """The model shipped with the package, loaded once on first use."""
    return load_model(MODEL_PATH)
