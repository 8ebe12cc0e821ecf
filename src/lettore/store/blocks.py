"""Blocks read back from the library, whose sentences are built on first use.

Opening a 5,000-paragraph article would otherwise build its 20,000 sentences before the
first screen, which shows a dozen. A stored block keeps its sentences' offsets as one
string and slices its own text when they are asked for (a sentence's text is exactly its
block's text between its offsets: the segmenter cuts it so).
"""

from __future__ import annotations

from typing import Any

from lettore.model import Block, BlockKind, Sentence


class StoredBlock(Block):
    """A Block whose `sentences` are parsed from "index,start,end;..." when first read;
    equal to (and hashed like) the plain Block with the same content."""

    _offsets: str  # "index,start,end;..." as stored
    _built: tuple[Sentence, ...] | None

    def __init__(self, index: int, kind: BlockKind, text: str, offsets: str | None) -> None:
        put = object.__setattr__  # Block is frozen
        put(self, "index", index)
        put(self, "kind", kind)
        put(self, "text", text)
        put(self, "_offsets", offsets or "")
        put(self, "_built", None)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The block's sentences, built once (a worker and the UI may both race here: the
        result is the same either way)."""
        built = self._built
        if built is None:
            triples = sorted(tuple(map(int, part.split(","))) for part in self._offsets.split(";") if part)
            built = tuple(Sentence(index, self.text[start:end], start, end) for index, start, end in triples)
            object.__setattr__(self, "_built", built)
        return built

    def sentence_count(self) -> int:
        """How many sentences, without building them."""
        return self._offsets.count(";") + 1 if self._offsets else 0

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Block):
            return NotImplemented
        return (self.index, self.kind, self.text, self.sentences) == (
            other.index, other.kind, other.text, other.sentences
        )

    def __hash__(self) -> int:
        return hash((self.index, self.kind, self.text, self.sentences))

    def __repr__(self) -> str:
        return f"StoredBlock(index={self.index!r}, kind={self.kind!r}, text={self.text!r})"


# The sentences' offsets of each block, in one query: SQLite joins them in C.
BLOCKS_WITH_OFFSETS = (
    "SELECT b.idx, b.kind, b.text, (SELECT group_concat(s.idx || ',' || s.start || ',' || s.end, ';')"
    " FROM sentences s WHERE s.article_id = b.article_id AND s.block = b.idx)"
    " FROM blocks b WHERE b.article_id = ? ORDER BY b.idx"
)


def read_blocks(rows: list[tuple[int, BlockKind, str, str | None]]) -> tuple[StoredBlock, ...]:
    """StoredBlocks from BLOCKS_WITH_OFFSETS rows."""
    return tuple(StoredBlock(index, kind, text, offsets) for index, kind, text, offsets in rows)
