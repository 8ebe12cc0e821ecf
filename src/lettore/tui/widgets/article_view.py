"""The article view: a Line-API ScrollView over the article's blocks.

Block heights are counted for the whole article (cheap integer loops), but lines are
only rendered for blocks on screen, cached in an LRU keyed by block, width, layout and
highlight state, so a 5,000-paragraph article opens and scrolls as fast as a short one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer
from textual.worker import get_current_worker

from lettore.model import Article, Translation
from lettore.tui.columns import BlockText, effective_layout, sentence_rows
from lettore.tui.heights import BlockHeights
from lettore.tui.highlight_styles import resolve_highlights
from lettore.tui.widgets.article_geometry import BlockGeometry, HeightKey
from lettore.tui.widgets.article_lines import BlockLines, HighlightSource
from lettore.tui.widgets.article_navigation import next_paragraph, previous_paragraph

PREFETCH_AFTER = 0.15  # seconds without a repaint before the next screen is drawn ahead


class Position(NamedTuple):
    """A sentence of the article: block index and sentence index within it (a NamedTuple:
    ordered, and cheap to build for every sentence of a long article)."""

    block: int
    sentence: int


class ArticleView(ScrollView, can_focus=True):
    """Scrollable bilingual article with a sentence cursor."""

    DEFAULT_CSS = """
    ArticleView { background: $surface; scrollbar-gutter: stable; }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next sentence", id="cursor_down"),
        Binding("up,k", "cursor_up", "Previous sentence", show=False, id="cursor_up"),
        Binding("J,right_square_bracket", "next_paragraph", "Next paragraph", show=False, id="next_paragraph"),
        Binding("K,left_square_bracket", "previous_paragraph", "Previous paragraph", show=False,
                id="previous_paragraph"),
        Binding("g,home", "top", "Top", show=False, id="top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="bottom"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="page_up"),
    ]

    class CursorMoved(Message):
        """The sentence cursor moved (by key, mouse or program); posted when no
        `cursor_listener` is set."""

        def __init__(self, position: Position) -> None:
            super().__init__()
            self.position = position

    class TextClicked(Message):
        """A click on the text: block, line within the block and cell column (word lookup)."""

        def __init__(self, block: int, row: int, x: int) -> None:
            super().__init__()
            self.block, self.row, self.x = block, row, x

    def __init__(self, article: Article, translations: dict[tuple[int, int], Translation],
                 layout: str = "side-by-side", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.translations = translations
        self.reading_layout = layout
        # counted, not built: a stored block makes its sentences only when they are drawn
        self.positions = [Position(b.index, i) for b in article.blocks for i in range(b.sentence_count())]
        self.cursor = 0
        self._center_pending = False  # start_at: centre the cursor once the size is known
        self._prefetch_timer: Timer | None = None
        # Called at once on every cursor move. A CursorMoved message would reach the screen
        # after this frame is drawn, and the status line would then wait a frame more.
        self.cursor_listener: Callable[[Position], None] | None = None
        self.resize_listener: Callable[[], None] | None = None  # after each resize
        self.lines = BlockLines(article, translations)
        self.geometry = BlockGeometry(article, translations, self._text)
        self._frame: tuple[int, str, Style] | None = None
        self._resolved_styles_theme: str | None = None
        self._resolved_styles: dict[str, Style] = {}

    # ---- geometry ------------------------------------------------------------------

    @property
    def _heights(self) -> BlockHeights:
        """Every block's height at the current width and layout."""
        return self.geometry.heights

    @property
    def _offsets(self) -> list[int]:
        """First line of each block (and the total at the end)."""
        return self.geometry.offsets

    def line_of_block(self, block: int) -> int:
        """The first line of a block in the whole article (for mouse tests and panels)."""
        self._ensure_heights()
        self.geometry.settle(0, block)
        return self._offsets[block]

    def _ensure_heights(self) -> None:
        """Estimate every block's height for the current width and layout; exact counts
        follow from a worker and, sooner, for whatever comes on screen."""
        if not self.size.width:
            return  # not laid out yet: the first resize sets the real width
        key = (self.text_width, self.shown_layout)
        if not self.geometry.estimate(key):
            return
        self.virtual_size = Size(key[0], self._heights.total)
        if self.geometry.counted_later:
            # after the first paint: the thread would otherwise compete with it for the GIL
            self.call_after_refresh(
                self.run_worker, partial(self._count_exact_heights, key), thread=True, exclusive=True, group="heights"
            )

    def _count_exact_heights(self, key: HeightKey) -> None:
        """Worker: every block's exact height, handed to the UI thread."""
        worker = get_current_worker()
        heights = self.geometry.count_exact(key, lambda: worker.is_cancelled)
        if heights is not None:
            self.app.call_from_thread(self._apply_exact_heights, key, heights)

    def _apply_exact_heights(self, key: HeightKey, heights: list[int]) -> None:
        """Swap in the exact heights, keeping the top line's block where it is on screen."""
        if key != self.geometry.key:
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

    def _settle_viewport(self) -> None:
        """Exact heights for every block on screen before drawing it."""
        height = max(1, self.scrollable_content_region.height)
        for _ in range(4):
            top = int(self.scroll_offset.y)
            first = self._heights.block_at(top)
            if not self.geometry.settle(first, self._heights.block_at(top + height)):
                break
        if self.virtual_size.height != self._heights.total:
            self.virtual_size = Size(self.text_width, self._heights.total)

    @property
    def current(self) -> Position | None:
        """The sentence under the cursor, if the article has any."""
        return self.positions[self.cursor] if self.positions else None

    @property
    def highlights(self) -> HighlightSource:
        """Where each block's highlights come from (the reading screen's parts)."""
        return self.lines.highlights

    @highlights.setter
    def highlights(self, source: HighlightSource) -> None:
        self.lines.highlights = source
        self.lines.new_highlights()

    def _text(self, block: int) -> BlockText:
        """The measured texts of a block, built on first use."""
        return self.lines.text(block)

    @property
    def text_width(self) -> int:
        """Width available to text: the region minus the vertical scrollbar."""
        return max(10, self.scrollable_content_region.width or self.size.width or 80)

    @property
    def shown_layout(self) -> str:
        """The layout actually drawn at this width."""
        return effective_layout(self.reading_layout, self.text_width)

    def start_at(self, index: int) -> None:
        """Open on a sentence: the cursor (and the status line, through the listener) is
        set now, and the first frame is drawn already scrolled to it, not scrolled after."""
        if not self.positions:
            return
        self.cursor = max(0, min(index, len(self.positions) - 1))
        self._center_pending = True
        self._cursor_changed(self.positions[self.cursor])
        self._center_if_pending()

    def _center_if_pending(self) -> None:
        """The scroll start_at asked for, as soon as the view has a size."""
        if self._center_pending and self.size.height:
            self._center_pending = False
            self.scroll_to_cursor(center=True, immediate=True)

    def on_resize(self) -> None:
        """Re-count heights for the new width, keeping the cursor sentence in view; tell
        the screen (its status line names the layout, which depends on the width)."""
        self._ensure_heights()
        if self._center_pending:
            self._center_if_pending()
        else:
            self.scroll_to_cursor(center=False)
        if self.resize_listener is not None:
            self.resize_listener()

    # ---- rendering -----------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Settle the heights of what is on screen, then draw it line by line with the
        width and layout worked out once for the whole pass."""
        self._ensure_heights()
        self._center_if_pending()
        self._settle_viewport()
        self._frame = (self.text_width, self.shown_layout, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None
            self._schedule_prefetch()

    def _schedule_prefetch(self) -> None:
        """Draw the next screen's blocks once the reader pauses (see _prefetch_next_page)."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_AFTER, self._prefetch_next_page)

    def _prefetch_next_page(self) -> None:
        """Draw, while idle, the blocks PageDown will show (the one its cursor lands on
        included, cursor and all), so the key finds them in the cache. Only the blocks
        below: settling heights above the screen would move what is on it."""
        self._prefetch_timer = None
        if not self.article.blocks or not self.geometry.key or not self.size.height:
            return
        y, landing = self._page_target(+1)
        last = self._heights.block_at(min(self._offsets[-1] - 1, y + self.scrollable_content_region.height))
        first = self._heights.block_at(int(self.scroll_offset.y) + self.scrollable_content_region.height - 1)
        if self.geometry.settle(first, last):
            self.virtual_size = Size(self.text_width, self._heights.total)
            y, landing = self._page_target(+1)
        width, layout, base = self.text_width, self.shown_layout, self.rich_style
        for block in range(first, last + 1):
            self._block_lines(block, width, layout, base)
        self._block_lines(landing, width, layout, base, cursor_sentence=0)

    def render_line(self, y: int) -> Strip:
        """One screen line: find the block under it and take the line from its cache."""
        if self._frame is None:
            self._ensure_heights()
        width, layout, base = self._frame or (self.text_width, self.shown_layout, self.rich_style)
        line = int(self.scroll_offset.y) + y
        if not self.article.blocks or line >= self._offsets[-1]:
            return Strip.blank(self._line_width(width), base)
        block = self._heights.block_at(line)
        lines = self._block_lines(block, width, layout, base)
        index = line - self._offsets[block]
        return lines[index] if index < len(lines) else Strip.blank(self._line_width(width), base)

    def _line_width(self, text_width: int) -> int:
        """The width Textual pads every line to (the scrollbar gutter included): lines
        drawn at that width pass through its pipeline as they are, not copied per frame."""
        return max(text_width, self.size.width)

    def _highlight_styles(self) -> dict[str, Style]:
        """Highlight styles by name, resolved once per theme rather than per block; a new
        theme also drops the lines drawn in the old one."""
        theme = self.app.theme
        if self._resolved_styles_theme != theme:
            self._resolved_styles = resolve_highlights(self.app.theme_variables or self.app.get_css_variables())
            self._resolved_styles_theme = theme
            self.lines.clear()
        return self._resolved_styles

    def style_for(self, name: str) -> Style:
        """One highlight's style (a legend shows the entity colours with it)."""
        return self._highlight_styles().get(name, Style())

    def _block_lines(self, block: int, width: int, layout: str, base: Style,
                     cursor_sentence: int | None = None) -> list[Strip]:
        """Rendered lines of a block, from the LRU or freshly drawn (`cursor_sentence`
        overrides where the cursor is, to draw a block ahead of the cursor's arrival)."""
        if cursor_sentence is None:
            current = self.current
            cursor_sentence = current.sentence if current and current.block == block else -1
        height = self._heights.heights[block] if block < len(self._heights.heights) else None
        return self.lines.lines(block, width, self._line_width(width), layout, base, cursor_sentence,
                                self._highlight_styles(), height)

    def refresh_highlights(self) -> None:
        """Highlights changed (entities toggled, a search): redraw from scratch."""
        self.lines.new_highlights()
        self.refresh()

    def refresh_blocks(self, blocks: set[int]) -> None:
        """Highlights changed in a few blocks only (a claim chosen): redraw just those."""
        self.lines.forget_blocks(blocks)
        for block in blocks:
            if 0 <= block < len(self.article.blocks):
                self._refresh_block(Position(block, 0))

    def update_translations(self, translations: dict[tuple[int, int], Translation]) -> None:
        """New or edited translations arrived: re-measure and redraw."""
        self.translations = translations
        self.lines.set_translations(translations)
        self.geometry.reset(translations)
        self._ensure_heights()
        self.refresh()

    def set_layout(self, layout: str) -> None:
        """Switch layout and keep the cursor sentence in view."""
        self.reading_layout = layout
        self.lines.clear()
        self._ensure_heights()
        self.scroll_to_cursor(center=True)
        self.refresh()

    # ---- cursor --------------------------------------------------------------------

    def index_of(self, position: Position) -> int | None:
        """The cursor index of a sentence (positions are sorted), None if there is none."""
        index = bisect_left(self.positions, position)
        return index if index < len(self.positions) and self.positions[index] == position else None

    def move_to(self, position: Position | int, center: bool = False) -> None:
        """Put the cursor on a sentence and bring it into view."""
        index = position if isinstance(position, int) else self.index_of(position)
        index = self.cursor if index is None else index
        if not self.positions:
            return
        index = max(0, min(index, len(self.positions) - 1))
        previous = self.current
        self.cursor = index
        self._refresh_block(previous)
        self._refresh_block(self.current)
        self.scroll_to_cursor(center=center)
        self._cursor_changed(self.positions[index])

    def _cursor_changed(self, position: Position) -> None:
        """Tell the listener (the reading screen), or post CursorMoved without one."""
        if self.cursor_listener is not None:
            self.cursor_listener(position)
        else:
            self.post_message(self.CursorMoved(position))

    def _refresh_block(self, position: Position | None) -> None:
        """Redraw the lines of one block (cursor entering or leaving it)."""
        if position is None or not self.geometry.key:
            return
        self.refresh_lines(self._offsets[position.block], self._heights.heights[position.block])

    def scroll_to_cursor(self, center: bool = False, immediate: bool = False) -> None:
        """Scroll the least needed so the cursor sentence's lines are visible."""
        current = self.current
        if current is None or not self.size.height:
            return
        self._ensure_heights()
        if self.geometry.settle(current.block, current.block):
            self.virtual_size = Size(self.text_width, self._heights.total)
        first, last = sentence_rows(self._text(current.block), self.shown_layout, self.text_width, current.sentence)
        top = self._offsets[current.block] + first
        bottom = self._offsets[current.block] + last
        if current.sentence == 0 and self.article.blocks[current.block].kind == "heading":
            top = self._offsets[current.block]
        height = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if center:
            y = max(0, top - height // 3)
        elif top < y:
            y = top
        elif bottom >= y + height:
            y = min(top, bottom - height + 1)
        if y != self.scroll_offset.y:
            self.scroll_to(y=y, animate=False, immediate=immediate)

    def action_cursor_down(self) -> None:
        """Next sentence."""
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous sentence."""
        self.move_to(self.cursor - 1)

    def action_next_paragraph(self) -> None:
        """First sentence of the next block."""
        target = next_paragraph(self.positions, self.cursor) if self.positions else None
        if target is not None:
            self.move_to(target)

    def action_previous_paragraph(self) -> None:
        """First sentence of this block, or of the previous one when already there."""
        target = previous_paragraph(self.positions, self.cursor) if self.positions else None
        if target is not None:
            self.move_to(target)

    def action_top(self) -> None:
        """First sentence."""
        self.move_to(0)

    def action_bottom(self) -> None:
        """Last sentence."""
        self.move_to(len(self.positions) - 1)

    def action_page_down(self) -> None:
        """Scroll a page and put the cursor on the first sentence shown."""
        self._page(+1)

    def action_page_up(self) -> None:
        """Scroll back a page and put the cursor on the first sentence shown."""
        self._page(-1)

    def _page_target(self, direction: int) -> tuple[int, int]:
        """Where a page key goes: the new scroll offset and the block the cursor lands on
        (the first one starting on the new screen)."""
        height = max(1, self.scrollable_content_region.height - 1)
        max_y = max(0, self._offsets[-1] - self.scrollable_content_region.height)
        y = max(0, min(max_y, int(self.scroll_offset.y) + direction * height))
        block = self._heights.block_at(y)
        if self._offsets[block] < y and block + 1 < len(self.article.blocks):
            block += 1
        return y, block

    def _page(self, direction: int) -> None:
        """Move by one screen height, like `less`."""
        self._ensure_heights()
        y, block = self._page_target(direction)
        if y == int(self.scroll_offset.y):
            self.move_to(len(self.positions) - 1 if direction > 0 else 0)
            return
        self.scroll_to(y=y, animate=False, immediate=True)
        first = bisect_left(self.positions, Position(block, 0))
        first = min(first, len(self.positions) - 1)
        self.cursor = first
        self.refresh()
        self._cursor_changed(self.positions[first])

    def on_click(self, event: Click) -> None:
        """A click selects the sentence under the mouse."""
        self._ensure_heights()
        line = int(self.scroll_offset.y) + event.y
        if line >= self._offsets[-1] or not self.article.blocks:
            return
        block = self._heights.block_at(line)
        row = line - self._offsets[block]
        self.post_message(self.TextClicked(block, row, event.x))
        text = self._text(block)
        for sentence in range(len(text.original_spans)):
            first, last = sentence_rows(text, self.shown_layout, self.text_width, sentence)
            if first <= row <= last:
                self.move_to(Position(block, sentence))
                return
        if text.original_spans:
            self.move_to(Position(block, 0))
