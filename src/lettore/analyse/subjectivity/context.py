"""Article context for the subjectivity classifier: a sentence's own log-odds beside the
mean log-odds of its neighbours (the sentences just before and after it, and a wider
window), so that an opinion piece's sentences lean opinion and a report's lean fact.

Shared by training (stacked on out-of-fold scores) and run time (on the shipped model's
scores); numpy only.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# Half-widths of the neighbour windows, chosen by repeated cross-validation on train.
WINDOWS = (1, 10)
# Scores are clipped as the probabilities were when the stacker was trained (1e-4 .. 1-1e-4).
CLIP = float(np.log((1 - 1e-4) / 1e-4))


def context_features(scores: np.ndarray, windows: tuple[int, ...] = WINDOWS) -> np.ndarray:
    """Rows of [own score, mean neighbour score within each window (self excluded)];
    a sentence with no neighbours gets 0 (even odds) for them."""
    z = np.clip(np.asarray(scores, dtype=np.float64), -CLIP, CLIP)
    n = len(z)
    positions = np.arange(n)
    cumulative = np.concatenate([[0.0], np.cumsum(z)])
    columns = [z]
    for width in windows:
        low = np.maximum(0, positions - width)
        high = np.minimum(n, positions + width + 1)
        count = high - low - 1
        total = cumulative[high] - cumulative[low] - z
        columns.append(np.divide(total, count, out=np.zeros(n), where=count > 0))
    return np.column_stack(columns) if n else np.zeros((0, 1 + len(windows)))


def context_to_json(weights: tuple[float, ...], bias: float, threshold: float) -> dict[str, object]:
    """The context stage's on-disk form, shared by every subjectivity model file."""
    return {
        "windows": list(WINDOWS),
        "weights": [round(w, 5) for w in weights],
        "bias": round(bias, 5),
        "threshold": threshold,
    }


def context_from_json(context: dict[str, Any]) -> dict[str, Any]:
    """The context stage's fields, as model constructors take them; a file written for
    other windows is refused (its weights would mean something else)."""
    if tuple(context["windows"]) != WINDOWS:
        raise ValueError(f"context windows {context['windows']}, expected {list(WINDOWS)}")
    return {
        "context_weights": tuple(float(w) for w in context["weights"]),
        "context_bias": float(context["bias"]),
        "context_threshold": float(context["threshold"]),
    }
