"""Training-time word clusters: k-means over PPMI co-occurrence vectors (reduced by SVD)
learned from unlabeled Italian text, shipped as a small word -> cluster-id table. Rare
names get the cluster of the contexts they appear in ("il ministro X", "a X")."""

from __future__ import annotations

import logging
from collections import Counter

log = logging.getLogger(__name__)

OFFSETS = (-2, -1, 1, 2)


def induce_clusters(
    sentences: list[list[str]],
    sizes: list[int],
    contexts: int = 2000,
    dims: int = 100,
    min_count: int = 1,
    seed: int = 0,
) -> dict[str, str]:
    """Map each word form to one cluster id per size in `sizes` (coarse to fine)."""
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    counts = Counter(token for sentence in sentences for token in sentence)
    vocab = [word for word, count in counts.most_common() if count >= min_count]
    index = {word: i for i, word in enumerate(vocab)}
    lower_counts = Counter(token.lower() for sentence in sentences for token in sentence)
    context_words = [word for word, _ in lower_counts.most_common(contexts)]
    context_index = {word: i for i, word in enumerate(context_words)}
    rows: list[int] = []
    cols: list[int] = []
    for sentence in sentences:
        lowered = [token.lower() for token in sentence]
        padded = ["<s>", "<s>", *lowered, "</s>", "</s>"]
        for position, token in enumerate(sentence):
            row = index.get(token)
            if row is None:
                continue
            for slot, offset in enumerate(OFFSETS):
                neighbour = padded[position + 2 + offset]
                col = context_index.get(neighbour)
                if col is None:
                    col = len(context_words) + (0 if neighbour in ("<s>", "</s>") else 1)
                rows.append(row)
                cols.append(slot * (len(context_words) + 2) + col)
    width = len(OFFSETS) * (len(context_words) + 2)
    matrix = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), width)
    ).tocsr()
    matrix = _ppmi(matrix)
    svd = TruncatedSVD(n_components=dims, random_state=seed)
    vectors = normalize(svd.fit_transform(matrix))
    log.info("clusters: %d words, %d context dims", len(vocab), width)
    labels = []
    for size in sizes:
        kmeans = MiniBatchKMeans(n_clusters=size, random_state=seed, batch_size=4096, n_init=3)
        labels.append(kmeans.fit_predict(vectors))
    return {word: ",".join(str(int(lab[i])) for lab in labels) for i, word in enumerate(vocab)}


def _ppmi(matrix: object) -> object:
    """Positive pointwise mutual information of a sparse count matrix (context smoothing 0.75)."""
    import numpy as np

    matrix = matrix.tocoo()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_total = col_sums.sum()
    pmi = np.log(
        (matrix.data / total)
        / ((row_sums[matrix.row] / total) * (col_sums[matrix.col] / col_total))
    )
    matrix.data = np.maximum(pmi, 0.0)
    matrix.eliminate_zeros()
    return matrix.tocsr()
