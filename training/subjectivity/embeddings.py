"""Word vectors learned from unlabeled Italian text: PPMI co-occurrence + truncated SVD.

Training-time only (numpy). The classifier is linear in the *mean* word vector, so the
shipped model keeps one score per word (vector . weights), not the vectors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.features import words

KIND_PARTS = ("WN", "FIC", "ADG")


def kind_sentences(folder: Path) -> list[list[str]]:
    """Tokens of the KIND *_train.tsv files (token TAB tag, blank line between sentences)."""
    sentences: list[list[str]] = []
    for part in KIND_PARTS:
        path = folder / f"{part}_train.tsv"
        if not path.exists():
            continue
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                current.append(line.split("\t")[0])
            elif current:
                sentences.append(words(" ".join(current)))
                current = []
        if current:
            sentences.append(words(" ".join(current)))
    return sentences


def unlabeled_corpus(data_root: Path, extra: Iterable[str]) -> list[list[str]]:
    """KIND train tokens, NTREX Italian and `extra` sentences (the NewsSD train split)."""
    sentences = kind_sentences(data_root / "kind")
    ntrex = data_root / "ntrex" / "newstest2019-ref.ita.txt"
    if ntrex.exists():
        sentences += [words(line) for line in ntrex.read_text(encoding="utf-8").splitlines()]
    sentences += [words(text) for text in extra]
    return sentences


def ppmi_svd(
    sentences: list[list[str]], dim: int = 300, min_count: int = 3, window: int = 5,
    contexts: int = 8000, alpha: float = 0.75, seed: int = 0,
) -> tuple[list[str], np.ndarray]:
    """(vocabulary, unit-length vectors): distance-weighted window counts, smoothed PPMI,
    randomized SVD with square-root singular-value weighting."""
    counts = Counter(word for sentence in sentences for word in sentence)
    vocab = [word for word, count in counts.most_common() if count >= min_count]
    index = {word: i for i, word in enumerate(vocab)}
    context_index = {word: i for i, word in enumerate(vocab[:contexts])}
    cooc = np.zeros((len(vocab), len(context_index)), dtype=np.float32)
    for sentence in sentences:
        ids = [index.get(word, -1) for word in sentence]
        context_ids = [context_index.get(word, -1) for word in sentence]
        for i, word_id in enumerate(ids):
            if word_id < 0:
                continue
            for j in range(max(0, i - window), min(len(sentence), i + window + 1)):
                if j != i and context_ids[j] >= 0:
                    cooc[word_id, context_ids[j]] += 1.0 / abs(i - j)
    total = cooc.sum()
    p_word = cooc.sum(1, keepdims=True) / total
    p_context = cooc.sum(0) ** alpha
    p_context /= p_context.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((cooc / total) / (p_word * p_context[None, :]))
    pmi[~np.isfinite(pmi)] = 0
    np.maximum(pmi, 0, out=pmi)
    rng = np.random.default_rng(seed)
    sketch = pmi @ rng.standard_normal((pmi.shape[1], dim + 20)).astype(np.float32)
    for _ in range(3):
        sketch, _ = np.linalg.qr(sketch)
        sketch = pmi @ (pmi.T @ sketch)
    basis, _ = np.linalg.qr(sketch)
    u_small, singular, _ = np.linalg.svd(basis.T @ pmi, full_matrices=False)
    vectors = (basis @ u_small)[:, :dim] * np.sqrt(singular[:dim])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return vocab, vectors.astype(np.float32)


def mean_vectors(texts: list[str], vocab: list[str], vectors: np.ndarray) -> np.ndarray:
    """Mean vector of each text's in-vocabulary words (zeros when none is known)."""
    index = {word: i for i, word in enumerate(vocab)}
    out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float64)
    for row, text in enumerate(texts):
        ids = [index[word] for word in words(text) if word in index]
        if ids:
            out[row] = vectors[ids].mean(0)
    return out
