"""Where the paragraph keys take the sentence cursor, worked out on the sorted list of
(block, sentence) positions alone."""

from __future__ import annotations

from collections.abc import Sequence


def next_paragraph(positions: Sequence[tuple[int, int]], cursor: int) -> int | None:
    """Index of the first sentence of the next block, None on the last block."""
    block = positions[cursor][0]
    for i in range(cursor + 1, len(positions)):
        if positions[i][0] != block:
            return i
    return None


def previous_paragraph(positions: Sequence[tuple[int, int]], cursor: int) -> int | None:
    """Index of the first sentence of this block, or of the previous block when the
    cursor is already on its first sentence; None at the top."""
    block, sentence = positions[cursor]
    target_block = block if sentence > 0 else None
    for i in range(cursor - 1, -1, -1):
        here = positions[i][0]
        if target_block is None and here != block:
            target_block = here
        if target_block is not None and here == target_block and (i == 0 or positions[i - 1][0] != target_block):
            return i
    return None
