"""A small window network, the CRF's second opinion: embeddings of the words, shapes and
capitalisation cues around a token, one tanh layer, a softmax over the IOB2 tags.
Trained and run in plain numpy (no deep-learning package); its log-probabilities, scaled
by a weight tuned on dev, are added to the CRF's scores before Viterbi decoding."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lettore.analyse.ner.features import short_shape

HALF = 2  # words either side
PAD, UNK = 0, 1
BLOCK = 2048  # tokens per block in `hidden`
_DIGITS = re.compile(r"\d")


def normal(word: str) -> str:
    """The form a word is looked up by: lowercase, digits as 0."""
    return _DIGITS.sub("0", word.lower())


def shape_of(word: str) -> str:
    """Short shape, cut to six characters."""
    return short_shape(word)[:6]


def suffix_of(word: str) -> str:
    """Last three letters, lowercase."""
    return word.lower()[-3:]


@dataclass
class WindowNet:
    """Vocabularies and weights; `log_probs` tags, `save`/`open` keep it in one .npz."""

    labels: list[str]
    words: dict[str, int]
    shapes: dict[str, int]
    suffixes: dict[str, int]
    caps: dict[str, str]
    params: dict[str, np.ndarray]
    weight: float = 0.4

    def __post_init__(self) -> None:
        self._ids: dict[str, tuple[int, int, int]] = {}
        self._tables: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def _token_ids(self, token: str) -> tuple[int, int, int]:
        """Word, shape and suffix+caps ids of one token (cached per word type)."""
        ids = self._ids.get(token)
        if ids is None:
            ids = (
                self.words.get(normal(token), UNK),
                self.shapes.get(shape_of(token), UNK),
                self.suffixes.get(self._centre_key(token), UNK),
            )
            if len(self._ids) < 300_000:
                self._ids[token] = ids
        return ids

    def encode(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per token: word and shape ids of the window, and the token's suffix+caps id."""
        ids = np.array([self._token_ids(t) for tokens in sentences for t in tokens], dtype=np.int64)
        ids = ids.reshape(-1, 3)
        width = 2 * HALF + 1
        # Pad each sentence with HALF PAD ids either side, then take sliding windows.
        lengths = [len(tokens) for tokens in sentences if tokens]
        padded_len = sum(lengths) + 2 * HALF * len(lengths)
        padded = np.zeros((padded_len, 2), dtype=np.int64)
        starts = np.cumsum([0] + [n + 2 * HALF for n in lengths[:-1]]) + HALF
        positions = np.concatenate([np.arange(n) + start for n, start in zip(lengths, starts)])
        padded[positions] = ids[:, :2]
        window = positions[:, None] + np.arange(-HALF, HALF + 1)[None, :]
        return padded[window, 0].reshape(-1, width), padded[window, 1].reshape(-1, width), ids[:, 2]

    def _centre_key(self, token: str) -> str:
        """Suffix and capitalisation bucket of the token itself."""
        return suffix_of(token) + "|" + self.caps.get(token.lower(), "unseen")

    def hidden(self, sentences: list[list[str]]) -> np.ndarray:
        """The tanh layer for every token. Each distinct token's share at each window
        offset is computed once, so a token costs one sum of `width` rows."""
        p = self.params
        size = p["b1"].shape[0]
        width = 2 * HALF + 1
        windows, centre, ids = self._type_windows(sentences)
        w1_words, shape_tables, centre_table = self._projections()
        embedded = p["Ew"][ids[:, 0]]
        shares = [
            embedded @ w1_words[:, k * size : (k + 1) * size] + shape_tables[k][ids[:, 1]]
            for k in range(width)
        ]
        centre_rows = ids[centre, 2]
        offsets = np.ascontiguousarray(windows.T)
        hidden = np.empty((len(centre), size), dtype=shares[0].dtype)
        # Blocks of tokens keep every temporary small enough to stay in cache.
        for start in range(0, len(centre), BLOCK):
            stop = start + BLOCK
            block = np.take(centre_table, centre_rows[start:stop], axis=0)
            block += p["b1"]
            for k in range(width):
                block += np.take(shares[k], offsets[k, start:stop], axis=0)
            np.tanh(block, out=hidden[start:stop])
        return hidden

    def _type_windows(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Distinct tokens of the call numbered from 1 (0: padding): each token's window of
        those numbers, its own number, and each number's word, shape and centre ids."""
        number: dict[str, int] = {"": 0}  # the padding's number (no token is empty)
        lengths = [len(tokens) for tokens in sentences if tokens]
        sequence = [number.setdefault(token, len(number)) for tokens in sentences for token in tokens]
        token_ids = self._token_ids
        ids = [(PAD, PAD, UNK)] + [token_ids(token) for token in list(number)[1:]]
        starts = np.cumsum([0] + [n + 2 * HALF for n in lengths[:-1]]) + HALF
        positions = np.concatenate([np.arange(n) + start for n, start in zip(lengths, starts)])
        padded = np.zeros(sum(lengths) + 2 * HALF * len(lengths), dtype=np.int64)
        padded[positions] = sequence
        windows = padded[positions[:, None] + np.arange(-HALF, HALF + 1)[None, :]]
        return windows, np.array(sequence, dtype=np.int64), np.array(ids, dtype=np.int64)

    def _projections(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """First-layer weights arranged per input: words (dim x width*hidden), and the
        shape and suffix embeddings already multiplied through (computed once)."""
        if self._tables is None:
            p = self.params
            size = p["b1"].shape[0]
            width = 2 * HALF + 1
            dim_w, dim_s = p["Ew"].shape[1], p["Es"].shape[1]
            w1_words = p["W1"][: width * dim_w].reshape(width, dim_w, size).transpose(1, 0, 2)
            w1_shapes = p["W1"][width * dim_w : width * (dim_w + dim_s)].reshape(width, dim_s, size)
            shape_tables = np.einsum("vd,kdh->kvh", p["Es"], w1_shapes)
            centre_table = p["Ex"] @ p["W1"][width * (dim_w + dim_s) :]
            self._tables = (np.ascontiguousarray(w1_words.reshape(dim_w, width * size)), shape_tables, centre_table)
        return self._tables

    def log_probs(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence, per token and label (in `labels` order), the log-probability."""
        lengths = [len(tokens) for tokens in sentences]
        if not sum(lengths):
            return [np.zeros((n, len(self.labels))) for n in lengths]
        h = self.hidden(sentences)
        z = h @ self.params["W2"] + self.params["b2"]
        z -= z.max(axis=1, keepdims=True)
        z -= np.log(np.exp(z).sum(axis=1, keepdims=True))
        return np.split(z.astype(np.float64), np.cumsum(lengths)[:-1])

    def save(self, path: Path) -> None:
        """Write vocabularies and weights as one .npz."""
        arrays = {name: value for name, value in self.params.items()}
        for name in ("words", "shapes", "suffixes"):
            table = getattr(self, name)
            arrays[name] = np.array("\n".join(sorted(table, key=table.get)))
        arrays["caps"] = np.array("\n".join(f"{k}\t{v}" for k, v in sorted(self.caps.items())))
        arrays["labels"] = np.array(self.labels)
        arrays["weight"] = np.array(self.weight)
        known = [word for word in self._ids if "\n" not in word]
        arrays["type_words"] = np.array("\n".join(known))
        arrays["type_ids"] = np.array([self._ids[word] for word in known], dtype=np.int32).reshape(-1, 3)
        with path.open("wb") as out:
            np.savez_compressed(out, **arrays)

    @classmethod
    def open(cls, path: Path) -> WindowNet:
        """Read a network written by `save`."""
        with np.load(path) as data:
            vocab = {
                name: {w: i for i, w in enumerate(str(data[name]).split("\n"))}
                for name in ("words", "shapes", "suffixes")
            }
            caps = dict(line.split("\t") for line in str(data["caps"]).split("\n") if line)
            params = {k: data[k] for k in ("Ew", "Es", "Ex", "W1", "b1", "W2", "b2")}
            net = cls(
                [str(x) for x in data["labels"]],
                vocab["words"],
                vocab["shapes"],
                vocab["suffixes"],
                caps,
                params,
                float(data["weight"]),
            )
            if "type_words" in data and data["type_ids"].size:
                words = str(data["type_words"]).split("\n")
                net._ids = dict(zip(words, map(tuple, data["type_ids"].tolist())))
            return net

    def preload(self, words: list[str]) -> None:
        """Look up exactly these word types now (`save` keeps them), so tagging starts warm."""
        self._ids = {}
        for word in words:
            self._token_ids(word)


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
