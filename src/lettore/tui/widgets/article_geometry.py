"""Block heights of the article view, as a mixin: estimates for every block when the
width or layout changes, exact counts for what comes on screen, and a worker that makes
them all exact, keeping the top line's block in place when its numbers arrive."""

from __future__ import annotations

import time
from functools import partial

from textual.geometry import Size
from textual.worker import get_current_worker

from lettore.tui.columns import BlockText, block_height, estimate_heights, translation_length
from lettore.tui.heights import BlockHeights

# Articles up to this many blocks get exact heights at once; longer ones from a worker.
EXACT_NOW_BLOCKS = 300


class BlockGeometry:
    """Height bookkeeping for ArticleView (which provides article, translations, text_width,
    shown_layout, _text, _heights, _lengths and _height_key)."""

    @property
    def _offsets(self) -> list[int]:
        """First line of each block (and the total at the end)."""
        return self._heights.offsets

    def line_of_block(self, block: int) -> int:
        """The first line of a block in the whole article (for mouse tests and panels)."""
        self._ensure_heights()
        self._settle(0, block)
        return self._offsets[block]

    def _ensure_heights(self) -> None:
        """Estimate every block's height for the current width and layout; exact counts
        follow from a worker and, sooner, for whatever comes on screen."""
        if not self.size.width:
            return  # not laid out yet: the first resize sets the real width
        key = (self.text_width, self.shown_layout)
        if key == self._height_key:
            return
        width, layout = key
        if self._lengths is None:
            self._lengths = (
                [len(b.text) for b in self.article.blocks],
                [translation_length(b, self.translations) for b in self.article.blocks],
            )
        self._heights = BlockHeights(estimate_heights(*self._lengths, layout, width))
        self._height_key = key
        self.virtual_size = Size(width, self._heights.total)
        if len(self.article.blocks) > EXACT_NOW_BLOCKS:
            # after the first paint: the thread would otherwise compete with it for the GIL
            self.call_after_refresh(
                self.run_worker, partial(self._count_exact_heights, key), thread=True, exclusive=True, group="heights"
            )
        else:
            for block in range(len(self.article.blocks)):
                self._heights.set_exact(block, block_height(self._text(block), layout, width))
            self.virtual_size = Size(width, self._heights.total)

    def _count_exact_heights(self, key: tuple[int, str]) -> None:
        """Worker: count every block's exact height without touching the widget's caches.
        It hands the GIL over after each block: a key pressed meanwhile was otherwise
        repainted in ~70 ms instead of ~35 (5,000-paragraph article, tmux)."""
        width, layout = key
        worker = get_current_worker()
        heights = []
        for block in self.article.blocks:
            if worker.is_cancelled:
                return
            heights.append(block_height(BlockText.build(block, self.translations), layout, width))
            time.sleep(0)  # lets a waiting UI thread take the GIL now, not after Python's 5 ms turn
        self.app.call_from_thread(self._apply_exact_heights, key, heights)

    def _apply_exact_heights(self, key: tuple[int, str], heights: list[int]) -> None:
        """Swap in the exact heights, keeping the top line's block where it is on screen."""
        if key != self._height_key:
            return
        top = int(self.scroll_offset.y)
        anchor = self._heights.block_at(top)
        within = top - self._offsets[anchor]
        self._heights.replace_all(heights)
        self.virtual_size = Size(key[0], self._heights.total)
        new_top = self._offsets[anchor] + min(within, max(0, heights[anchor] - 1)) if heights else 0
        if new_top != top:
            self.scroll_to(y=new_top, animate=False, immediate=True)
        self.refresh()

    def _settle(self, first_block: int, last_block: int) -> bool:
        """Make the heights of some blocks exact; True if any changed."""
        width, layout = self._height_key or (self.text_width, self.shown_layout)
        changed = False
        for block in range(first_block, min(last_block, len(self.article.blocks) - 1) + 1):
            if not self._heights.exact[block]:
                changed |= bool(self._heights.set_exact(block, block_height(self._text(block), layout, width)))
        return changed

    def _settle_viewport(self) -> None:
        """Exact heights for every block on screen before drawing it."""
        height = max(1, self.scrollable_content_region.height)
        for _ in range(4):
            top = int(self.scroll_offset.y)
            first = self._heights.block_at(top)
            if not self._settle(first, self._heights.block_at(top + height)):
                break
        if self.virtual_size.height != self._heights.total:
            self.virtual_size = Size(self.text_width, self._heights.total)
