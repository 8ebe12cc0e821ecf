"""Block heights of the article view: estimates for every block when the width or layout
changes, exact counts for what comes on screen, and exact counts for all of them made off
the UI thread. A plain object owned by the ArticleView, which does the scrolling."""

from __future__ import annotations

import time
from collections.abc import Callable

from lettore.model import Article, Translation
from lettore.tui.columns import BlockText, block_height, estimate_heights, translation_length
from lettore.tui.heights import BlockHeights

# Articles up to this many blocks get exact heights at once; longer ones from a worker.
EXACT_NOW_BLOCKS = 300
HeightKey = tuple[int, str]  # (text width, layout) the heights were counted for


class BlockGeometry:
    """Heights and line offsets of an article's blocks at one width and layout."""

    def __init__(self, article: Article, translations: dict[tuple[int, int], Translation],
                 text: Callable[[int], BlockText]) -> None:
        self.article = article
        self.translations = translations
        self._text = text  # the view's cached measured text of a block
        self.heights = BlockHeights([])
        self.key: HeightKey | None = None
        self._lengths: tuple[list[int], list[int]] | None = None

    @property
    def offsets(self) -> list[int]:
        """First line of each block (and the total at the end)."""
        return self.heights.offsets

    @property
    def counted_later(self) -> bool:
        """Whether exact heights come from a worker (long articles) rather than at once."""
        return len(self.article.blocks) > EXACT_NOW_BLOCKS

    def reset(self, translations: dict[tuple[int, int], Translation]) -> None:
        """New translations: every height is to be counted again."""
        self.translations = translations
        self._lengths = None
        self.key = None

    def estimate(self, key: HeightKey) -> bool:
        """Estimate every block's height for a width and layout (exact at once for short
        articles); False when the heights are already for this key."""
        if key == self.key:
            return False
        width, layout = key
        if self._lengths is None:
            self._lengths = (
                [len(b.text) for b in self.article.blocks],
                [translation_length(b, self.translations) for b in self.article.blocks],
            )
        self.heights = BlockHeights(estimate_heights(*self._lengths, layout, width))
        self.key = key
        if not self.counted_later:
            for block in range(len(self.article.blocks)):
                self.heights.set_exact(block, block_height(self._text(block), layout, width))
        return True

    def count_exact(self, key: HeightKey, cancelled: Callable[[], bool]) -> list[int] | None:
        """Every block's exact height, for a worker thread: it touches no cache of the view,
        and hands the GIL over after each block so a key pressed meanwhile is drawn at once.
        None when cancelled."""
        width, layout = key
        heights = []
        for block in self.article.blocks:
            if cancelled():
                return None
            heights.append(block_height(BlockText.build(block, self.translations), layout, width))
            time.sleep(0)  # lets a waiting UI thread take the GIL now, not after Python's 5 ms turn
        return heights

    def settle(self, first_block: int, last_block: int) -> bool:
        """Make the heights of some blocks exact; True if any changed."""
        if self.key is None:
            return False
        width, layout = self.key
        changed = False
        for block in range(first_block, min(last_block, len(self.article.blocks) - 1) + 1):
            if not self.heights.exact[block]:
                changed |= bool(self.heights.set_exact(block, block_height(self._text(block), layout, width)))
        return changed
