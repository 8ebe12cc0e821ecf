"""Block heights for the article view: cheap estimates for every block at once, exact
counts for the blocks on screen, and a full exact pass that arrives later from a worker.

A 5,000-paragraph article cannot be wrapped before its first screen; its estimated
heights are replaced as blocks become visible, and the view keeps its anchor so that
nothing on screen jumps when they are.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class BlockHeights:
    """Heights and prefix offsets of blocks, each either estimated or exact."""

    def __init__(self, estimates: list[int]) -> None:
        self.heights = list(estimates)
        self.exact = bytearray(len(estimates))
        self._offsets: list[int] | None = None

    @property
    def offsets(self) -> list[int]:
        """offsets[i] is the first line of block i; offsets[-1] the total height."""
        if self._offsets is None:
            self._offsets = [0, *accumulate(self.heights)]
        return self._offsets

    @property
    def total(self) -> int:
        """Lines in the whole article."""
        return self.offsets[-1]

    def block_at(self, line: int) -> int:
        """The block that holds a line (the last block for lines past the end)."""
        return max(0, min(len(self.heights) - 1, bisect_right(self.offsets, line) - 1))

    def set_exact(self, block: int, height: int) -> int:
        """Record a block's exact height; returns how much it changed."""
        self.exact[block] = 1
        delta = height - self.heights[block]
        if delta:
            self.heights[block] = height
            self._offsets = None
        return delta

    def replace_all(self, heights: list[int]) -> None:
        """Every block's exact height at once (from the background pass)."""
        self.heights = list(heights)
        self.exact = bytearray(b"\x01" * len(heights))
        self._offsets = None


def estimate_lines(chars: int, width: int) -> int:
    """Wrapped lines of `chars` characters at `width`: greedy wrapping loses about half a
    word per line, so divide by a slightly narrower width."""
    if chars <= 0 or width <= 0:
        return 0
    usable = max(1, width - 3)
    return -(-chars // usable)
