"""A small window network, the CRF's second opinion: embeddings of the words, shapes and
capitalisation cues around a token, one tanh layer, a softmax over the IOB2 tags.
Run in plain numpy (no deep-learning package; trained by training.ner.window_net_train);
its log-probabilities, scaled by a weight tuned on dev, are added to the CRF's scores
before Viterbi decoding."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lettore.analyse.ner.features import short_shape

HALF = 2  # words either side
PAD, UNK = 0, 1
BLOCK = 2048  # tokens per block in `hidden`
# Distinct tokens in one call from which reading the saved word types beats looking them up.
WARM_START_TYPES = 5_000
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
    caps: Mapping[str, str]
    params: dict[str, np.ndarray]
    weight: float = 0.4

    def __post_init__(self) -> None:
        self._ids: dict[str, tuple[int, int, int]] = {}
        self._tables: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        # The file whose saved word types are not read yet (see `_warm_start`).
        self._saved_types: Path | None = None

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
        positions = np.concatenate([np.arange(n) + start for n, start in zip(lengths, starts, strict=True)])
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
        if self._saved_types is not None and len(number) > WARM_START_TYPES:
            self._warm_start()
        token_ids = self._token_ids
        ids = [(PAD, PAD, UNK)] + [token_ids(token) for token in list(number)[1:]]
        starts = np.cumsum([0] + [n + 2 * HALF for n in lengths[:-1]]) + HALF
        positions = np.concatenate([np.arange(n) + start for n, start in zip(lengths, starts, strict=True)])
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
        self._warm_start()
        # Any: numpy's stub types **kwds as if a name could be its `allow_pickle` flag.
        arrays: dict[str, Any] = {name: value for name, value in self.params.items()}
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
    def open(cls, path: Path, caps: Mapping[str, str] | None = None) -> WindowNet:
        """Read a network written by `save` (its saved word types only when a document
        brings many: `_warm_start`). `caps`: the capitalisation cues it was trained with,
        when the caller holds them already (the tagger's lexicon), instead of its copy."""
        with np.load(path) as data:
            vocab = {}
            for name in ("words", "shapes", "suffixes"):
                entries = str(data[name]).split("\n")
                vocab[name] = dict(zip(entries, range(len(entries))))
            if caps is None:
                caps_text = str(data["caps"])
                cells = caps_text.replace("\t", "\n").split("\n") if caps_text else []
                caps = dict(zip(cells[0::2], cells[1::2], strict=True))
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
            if "type_words" in data:
                net._saved_types = path
            return net

    def _warm_start(self) -> None:
        """Take the word types looked up at training time (the file's type ids) into the
        cache: the same ids `_token_ids` finds, read at once for a long document."""
        path, self._saved_types = self._saved_types, None
        if path is None:
            return
        with np.load(path) as data:
            if not data["type_ids"].size:
                return
            words = str(data["type_words"]).split("\n")
            saved = dict(zip(words, map(tuple, data["type_ids"].tolist()), strict=True))
        self._ids = {**saved, **self._ids}

    def preload(self, words: list[str]) -> None:
        """Look up exactly these word types now (`save` keeps them), so tagging starts warm."""
        self._ids = {}
        for word in words:
            self._token_ids(word)
