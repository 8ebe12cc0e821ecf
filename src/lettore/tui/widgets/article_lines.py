"""The article view's drawn lines: each block's measured texts and rendered strips, kept
in LRUs so that scrolling a long article redraws only blocks it has not drawn yet."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from lettore.model import Article, Translation
from lettore.tui.columns import BlockText, Highlight, render_block

HighlightSource = Callable[[int], tuple[list[Highlight], list[Highlight]]]
CACHE_BLOCKS = 256
LineKey = tuple[int, int, int, str, int, int]  # block, width, padded width, layout, cursor, highlights


class BlockLines:
    """Rendered lines by block, width, layout, cursor sentence and highlight state, and
    the texts they are drawn from (built on first use: a stored block makes its
    sentences only when they are drawn)."""

    def __init__(self, article: Article, translations: dict[tuple[int, int], Translation]) -> None:
        self.article = article
        self.translations = translations
        self.highlights: HighlightSource = lambda block: ([], [])
        self._texts: OrderedDict[int, BlockText] = OrderedDict()
        self._lines: OrderedDict[LineKey, list[Strip]] = OrderedDict()
        self._highlight_version = 0

    def text(self, block: int) -> BlockText:
        """The measured texts of a block (an LRU bounds the memory)."""
        text = self._texts.get(block)
        if text is None:
            text = BlockText.build(self.article.blocks[block], self.translations)
            self._texts[block] = text
            if len(self._texts) > CACHE_BLOCKS * 4:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(block)
        return text

    def lines(self, block: int, width: int, full: int, layout: str, base: Style, cursor_sentence: int,
              styles: dict[str, Style], height: int | None) -> list[Strip]:
        """A block's lines at `width` text cells padded to `full`, `height` lines long
        (cut or filled with blank lines), the cursor on `cursor_sentence` (-1: none)."""
        key = (block, width, full, layout, cursor_sentence, self._highlight_version)
        cached = self._lines.get(key)
        if cached is not None:
            self._lines.move_to_end(key)
            return cached
        text = self.text(block)
        original, translation = self.highlights(block)
        if cursor_sentence >= 0:
            start, end = text.original_spans[cursor_sentence]
            original = [*original, Highlight(start, end, "article--cursor")]
            span = text.translation_spans[cursor_sentence]
            if span is not None:
                translation = [*translation, Highlight(span[0], span[1], "article--cursor-translation")]
        pad = [Segment(" " * (full - width), base)] if full > width else []
        lines = [
            Strip([*Segment.simplify(Segment.apply_style(segments, base)), *pad])
            for segments in render_block(text, layout, width, styles, original, translation)
        ]
        if height is None:
            height = len(lines)
        lines = lines[:height] + [Strip.blank(full, base)] * (height - len(lines))
        self._lines[key] = lines
        if len(self._lines) > CACHE_BLOCKS:
            self._lines.popitem(last=False)
        return lines

    def drawn(self, block: int, cursor_sentence: int) -> list[Strip] | None:
        """Lines already drawn for a block with the cursor on `cursor_sentence`, if any
        (what a key will find without drawing)."""
        return next((lines for key, lines in self._lines.items() if key[0] == block and key[4] == cursor_sentence),
                    None)

    def clear(self) -> None:
        """Forget every drawn line (a new layout or theme)."""
        self._lines.clear()

    def new_highlights(self) -> None:
        """Highlights changed everywhere: lines drawn before are stale."""
        self._highlight_version += 1
        self._lines.clear()

    def forget_blocks(self, blocks: set[int]) -> None:
        """Highlights changed in a few blocks only: drop just their lines."""
        for key in [key for key in self._lines if key[0] in blocks]:
            del self._lines[key]

    def set_translations(self, translations: dict[tuple[int, int], Translation]) -> None:
        """New or edited translations: every text and line must be measured again."""
        self.translations = translations
        self._texts.clear()
        self._lines.clear()
