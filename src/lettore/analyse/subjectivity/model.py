"""Run-time subjectivity model: logistic regression weights over hashed features, loaded
from a small gzipped JSON file and applied with numpy (no scikit-learn at run time)."""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.features import DIMENSIONS, feature_arrays
from lettore.errors import UserError

MODEL_PATH = Path(__file__).with_name("subjectivity.json.gz")


@dataclass(frozen=True)
class SubjectivityModel:
    """Sparse weights, bias, decision threshold and the feature settings they were trained with."""

    weights: dict[int, float]
    bias: float
    threshold: float
    word_n: int
    char_min: int
    char_max: int
    _dense: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Spread the sparse weights into a dense vector for one vectorised dot product."""
        dense = np.zeros(DIMENSIONS, dtype=np.float64)
        for index, weight in self.weights.items():
            dense[index] = weight
        object.__setattr__(self, "_dense", dense)

    def probability(self, text: str) -> float:
        """Probability that `text` is opinion rather than fact."""
        indices, values = feature_arrays(text, self.word_n, self.char_min, self.char_max)
        score = self.bias + float(self._dense[indices] @ values)
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def to_json(self) -> dict[str, object]:
        """The on-disk form: indices and weights as parallel lists."""
        indices = sorted(self.weights)
        return {
            "format": 1,
            "bias": self.bias,
            "threshold": self.threshold,
            "features": {"word_n": self.word_n, "char_min": self.char_min, "char_max": self.char_max},
            "indices": indices,
            "weights": [round(self.weights[i], 5) for i in indices],
        }

    @classmethod
    def from_json(cls, data: dict) -> SubjectivityModel:
        """Rebuild the model from its on-disk form."""
        features = data["features"]
        return cls(
            weights=dict(zip(data["indices"], data["weights"], strict=True)),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            word_n=int(features["word_n"]),
            char_min=int(features["char_min"]),
            char_max=int(features["char_max"]),
        )

    def save(self, path: Path) -> None:
        """Write the model as gzipped JSON (small enough to ship in the package)."""
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, separators=(",", ":"))


def load_model(path: Path = MODEL_PATH) -> SubjectivityModel:
    """Read a model file; a missing or broken file is a user-fixable install problem."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return SubjectivityModel.from_json(json.load(handle))
    except (OSError, ValueError, KeyError) as error:
        raise UserError(
            f"cannot read the subjectivity model {path}: {error}; "
            "rebuild it with `python -m lettore.analyse.subjectivity.train`"
        ) from error


@cache
def shipped_model() -> SubjectivityModel:
    """The model shipped with the package, loaded once on first use."""
    return load_model(MODEL_PATH)
