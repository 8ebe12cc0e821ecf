"""Compile a trained crfsuite model into the numpy tables the run-time tagger reads
(model.npz): `CompiledCRF` holds no crfsuite code, so only training needs python-crfsuite."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from lettore.analyse.ner.scores import CompiledCRF


def compile_crfsuite(path: Path) -> CompiledCRF:
    """Read a crfsuite model file as numpy tables (slow: crfsuite dumps it as text first)."""
    import pycrfsuite  # training-time only

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    labels = tagger.labels()
    label_index = {label: k for k, label in enumerate(labels)}
    rows: dict[str, int] = {}
    for attribute, _ in info.state_features:
        rows.setdefault(attribute, len(rows))
    weights = np.zeros((len(rows), len(labels)))
    for (attribute, label), weight in info.state_features.items():
        weights[rows[attribute], label_index[label]] = weight
    transitions = np.zeros((len(labels), len(labels)))
    for (before, after), weight in info.transitions.items():
        transitions[label_index[before], label_index[after]] = weight
    return CompiledCRF(labels, list(rows), weights, transitions)
