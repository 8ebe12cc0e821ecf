"""Is a sentence opinion rather than fact? A small classifier trained on NewsSD-ITA."""

from __future__ import annotations

from lettore.analyse.subjectivity.model import shipped_model


def is_subjective(text: str) -> tuple[bool, float]:
    """(subjective?, probability) for one Italian sentence, from the shipped model."""
    model = shipped_model()
    probability = model.probability(text)
    return probability >= model.threshold, probability


__all__ = ["is_subjective"]
