"""Training of the window network that seconds the CRF: word vectors from unlabeled
text (truncated SVD of positive PMI co-occurrences), then Adam on the dense layers and
SGD on the embeddings, dropout on the input. Training-time only (needs scipy)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import numpy as np

from lettore.analyse.ner.window_net import HALF, UNK, WindowNet, normal, shape_of


def _vocabulary(counts: Counter[str], minimum: int) -> dict[str, int]:
    """Ids for the items seen at least `minimum` times, after PAD and UNK."""
    items = sorted(item for item, n in counts.items() if n >= minimum)
    return {item: i for i, item in enumerate(["<pad>", "<unk>", *items])}


def pretrained_vectors(
    unlabeled: list[list[str]], words: dict[str, int], dim: int, window: int = 2
) -> np.ndarray:
    """Word vectors from unlabeled text: truncated SVD of the positive PMI matrix of
    co-occurrences within `window` words (rows in `words` order, PAD and UNK zero)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    rows: list[int] = []
    cols: list[int] = []
    for tokens in unlabeled:
        ids = [words.get(normal(t), UNK) for t in tokens]
        for i, a in enumerate(ids):
            if a <= UNK:
                continue
            for j in range(max(0, i - window), min(len(ids), i + window + 1)):
                if j != i and ids[j] > UNK:
                    rows.append(a)
                    cols.append(ids[j])
    size = len(words)
    counts = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size)).tocsr()
    counts.sum_duplicates()
    total = counts.sum()
    row_sums = np.asarray(counts.sum(axis=1)).ravel()
    col_sums = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    col_sums *= row_sums.sum() / max(col_sums.sum(), 1.0)
    coo = counts.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(size, size)).tocsr()
    u, sv, _ = svds(ppmi, k=dim, random_state=0)
    vectors = u * np.sqrt(sv)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.maximum(norms, 1e-8)
    vectors *= 0.1 * np.sqrt(dim) / np.sqrt(dim)  # unit rows scaled like the random start
    vectors[:2] = 0.0
    return vectors.astype(np.float32)


def _batches(n: int, size: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Shuffled index batches covering range(n)."""
    order = rng.permutation(n)
    for start in range(0, n, size):
        yield order[start : start + size]


def train_window_net(
    sentences: list[list[str]],
    tags: list[list[str]],
    labels: list[str],
    caps: dict[str, str],
    epochs: int = 8,
    seed: int = 0,
    hidden: int = 128,
    unlabeled: list[list[str]] | None = None,
) -> WindowNet:
    """Fit the network with Adam (dense layers) and SGD (embeddings), dropout on the input."""
    rng = np.random.default_rng(seed)
    flat = [t for tokens in sentences for t in tokens]
    word_counts = Counter(normal(t) for t in flat)
    if unlabeled:
        extra = Counter(normal(t) for tokens in unlabeled for t in tokens)
        word_counts.update({w: 2 for w, n in extra.items() if n >= 3})
    net = WindowNet(
        labels,
        _vocabulary(word_counts, 2),
        _vocabulary(Counter(shape_of(t) for t in flat), 2),
        {},
        {k: v for k, v in caps.items()},
        {},
    )
    net.suffixes = _vocabulary(Counter(net._centre_key(t) for t in flat), 2)
    width = 2 * HALF + 1
    dim_w, dim_s, dim_x = 50, 12, 20
    inputs = width * (dim_w + dim_s) + dim_x

    def normal_init(*shape: int, scale: float) -> np.ndarray:
        return rng.normal(0.0, scale, shape).astype(np.float32)

    p = {
        "Ew": normal_init(len(net.words), dim_w, scale=0.1),
        "Es": normal_init(len(net.shapes), dim_s, scale=0.1),
        "Ex": normal_init(len(net.suffixes), dim_x, scale=0.1),
        "W1": normal_init(inputs, hidden, scale=1 / np.sqrt(inputs)),
        "b1": np.zeros(hidden, np.float32),
        "W2": normal_init(hidden, len(labels), scale=1 / np.sqrt(hidden)),
        "b2": np.zeros(len(labels), np.float32),
    }
    if unlabeled:
        p["Ew"] = pretrained_vectors(unlabeled, net.words, dim_w)
    net.params = p
    words, shapes, centre = net.encode(sentences)
    index = {label: k for k, label in enumerate(labels)}
    gold = np.array([index[t] for sentence_tags in tags for t in sentence_tags])
    dense = ("W1", "b1", "W2", "b2")
    m = {k: np.zeros_like(p[k]) for k in dense}
    v = {k: np.zeros_like(p[k]) for k in dense}
    lr, beta1, beta2, drop, batch = 0.002, 0.9, 0.999, 0.25, 128
    step = 0
    for _ in range(epochs):
        for idx in _batches(len(gold), batch, rng):
            w, s, c, y = words[idx], shapes[idx], centre[idx], gold[idx]
            n = len(y)
            x = np.concatenate([p["Ew"][w].reshape(n, -1), p["Es"][s].reshape(n, -1), p["Ex"][c]], axis=1)
            mask = (rng.random(x.shape) > drop).astype(np.float32) / (1 - drop)
            x *= mask
            h = np.tanh(x @ p["W1"] + p["b1"])
            z = h @ p["W2"] + p["b2"]
            z -= z.max(axis=1, keepdims=True)
            prob = np.exp(z)
            prob /= prob.sum(axis=1, keepdims=True)
            prob[np.arange(n), y] -= 1
            dz = prob / n
            dh = (dz @ p["W2"].T) * (1 - h * h)
            grads = {"W2": h.T @ dz, "b2": dz.sum(0), "W1": x.T @ dh, "b1": dh.sum(0)}
            dx = (dh @ p["W1"].T) * mask
            step += 1
            for k in dense:
                m[k] = beta1 * m[k] + (1 - beta1) * grads[k]
                v[k] = beta2 * v[k] + (1 - beta2) * grads[k] ** 2
                p[k] -= lr * (m[k] / (1 - beta1**step)) / (np.sqrt(v[k] / (1 - beta2**step)) + 1e-8)
            cut_w, cut_s = width * dim_w, width * (dim_w + dim_s)
            for name, ids, g in (
                ("Ew", w.reshape(-1), dx[:, :cut_w].reshape(-1, dim_w)),
                ("Es", s.reshape(-1), dx[:, cut_w:cut_s].reshape(-1, dim_s)),
                ("Ex", c, dx[:, cut_s:]),
            ):
                unique, inverse = np.unique(ids, return_inverse=True)
                summed = np.zeros((len(unique), g.shape[1]), np.float32)
                np.add.at(summed, inverse, g)
                p[name][unique] -= 0.05 * summed * (n / 16)
    return net
