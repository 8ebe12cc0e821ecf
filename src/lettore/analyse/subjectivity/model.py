"""Run-time subjectivity model: logistic regression weights over hashed features, loaded
from a small gzipped JSON file and applied in pure Python (no scikit-learn at run time)."""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lettore.analyse.subjectivity.features import featurise
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

    def probability(self, text: str) -> float:
        """Probability that `text` is opinion rather than fact."""
        features = featurise(text, self.word_n, self.char_min, self.char_max)
        get = self.weights.get
        score = self.bias + sum(value * get(index, 0.0) for index, value in features.items())
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
