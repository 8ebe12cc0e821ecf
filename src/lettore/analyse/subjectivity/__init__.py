"""Is a sentence opinion rather than fact? A small classifier trained on NewsSD-ITA."""

from __future__ import annotations

from typing import NamedTuple

from lettore.analyse.subjectivity.model import shipped_model


class Opinion(NamedTuple):
    """One sentence's verdict in its article, and its own probability without neighbours."""

    subjective: bool
    probability: float
    alone: float


def is_subjective(text: str) -> tuple[bool, float]:
    """(subjective?, probability) for one Italian sentence alone, from the shipped model."""
    model = shipped_model()
    probability = model.probability(text)
    return probability >= model.threshold, probability


def subjective_in_context(texts: list[str]) -> list[Opinion]:
    """The verdict on each sentence of one article in reading order, its neighbours'
    scores counted too (more accurate than `is_subjective` on NewsSD-ITA)."""
    model = shipped_model()
    return [
        Opinion(probability >= model.context_threshold, probability, alone)
        for probability, alone in model.probabilities_in_context(texts)
    ]


__all__ = ["Opinion", "is_subjective", "subjective_in_context"]
