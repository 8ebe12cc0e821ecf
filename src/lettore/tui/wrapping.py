"""Word wrapping measured in terminal cells, fast enough to count the lines of a
5,000-paragraph article on every resize: words are measured once per text, then a
greedy loop over integers gives line breaks for any width."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, compress
from operator import add

from rich.cells import cell_len

from lettore.text_clean import inert

_WORD = re.compile(r"\S+")
# Whitespace other than the plain space: such texts take the general (regex) path.
_OTHER_SPACE = re.compile(r"[^\S ]")
# Anything outside Latin/Greek/Cyrillic letters may be wide or zero-width (combining accents
# of decomposed text included): measure it properly.
_NOT_SIMPLE = re.compile(r"[^\u0020-\u02ff\u0370-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e]")


class Measured:
    """A text's words as parallel arrays: start offset, end offset, cell width."""

    __slots__ = ("ends", "starts", "text", "widths")

    def __init__(self, text: str) -> None:
        self.text = text
        simple = _NOT_SIMPLE.search(text) is None
        if _OTHER_SPACE.search(text) is None:
            self._measure_spaced(text)
            if not simple:
                self._remeasure_wide_words(text)
            return
        self.starts = array("i")
        self.ends = array("i")
        self.widths = array("i")
        for match in _WORD.finditer(text):
            start, end = match.span()
            self.starts.append(start)
            self.ends.append(end)
            self.widths.append(end - start if simple else cell_len(inert(match.group())))

    def _measure_spaced(self, text: str) -> None:
        """Fast path for one-cell characters separated by plain spaces: C-level loops only.

        Gives exactly what the regex path gives (words are the runs between spaces).
        """
        lengths = list(map(len, text.split(" ")))
        starts = accumulate((length + 1 for length in lengths[:-1]), initial=0)
        self.starts = array("i", compress(starts, lengths))
        self.widths = array("i", compress(lengths, lengths))
        self.ends = array("i", map(add, self.starts, self.widths))

    def _remeasure_wide_words(self, text: str) -> None:
        """Cell widths for the few words holding a character that may be wide or zero-width
        (a "⟨not translated yet⟩" marker, an emoji); every other word keeps its length."""
        starts, ends, widths = self.starts, self.ends, self.widths
        last = -1
        for match in _NOT_SIMPLE.finditer(text):
            word = bisect_right(starts, match.start()) - 1
            if word > last and word >= 0 and match.start() < ends[word]:
                widths[word] = cell_len(inert(text[starts[word] : ends[word]]))
                last = word

    def lines(self, width: int) -> list[tuple[int, int]]:
        """Greedy wrap into (start, end) character ranges of at most `width` cells."""
        width = max(1, width)
        lines: list[tuple[int, int]] = []
        starts, ends, widths = self.starts, self.ends, self.widths
        line_start = -1
        line_end = 0
        used = 0
        for i in range(len(widths)):
            word_width = widths[i]
            if line_start >= 0:
                gap = starts[i] - ends[i - 1]
                if used + gap + word_width <= width:
                    used += gap + word_width
                    line_end = ends[i]
                    continue
                lines.append((line_start, line_end))
                line_start = -1
            if word_width <= width:
                line_start, line_end, used = starts[i], ends[i], word_width
                continue
            for chunk_start, chunk_end in _split_long_word(self.text, starts[i], ends[i], width):
                lines.append((chunk_start, chunk_end))
            # the last chunk may take following words on its line
            line_start, line_end = lines.pop()
            used = _cells(self.text[line_start:line_end])
        if line_start >= 0:
            lines.append((line_start, line_end))
        return lines

    def count_lines(self, width: int) -> int:
        """How many lines `lines(width)` gives, without building them."""
        width = max(1, width)
        starts, ends, widths = self.starts, self.ends, self.widths
        count = 0
        used = -1
        for i in range(len(widths)):
            word_width = widths[i]
            if used >= 0:
                gap = starts[i] - ends[i - 1]
                if used + gap + word_width <= width:
                    used += gap + word_width
                    continue
            if word_width <= width:
                count += 1
                used = word_width
                continue
            chunks = _split_long_word(self.text, starts[i], ends[i], width)
            count += len(chunks)
            used = _cells(self.text[chunks[-1][0] : chunks[-1][1]])
        return count


def _cells(text: str) -> int:
    """Cell width of text as it will be shown."""
    return cell_len(inert(text))


def _split_long_word(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut a word wider than the line into pieces of at most `width` cells."""
    chunks: list[tuple[int, int]] = []
    chunk_start = start
    used = 0
    if _NOT_SIMPLE.search(text, start, end) is None:
        return [(s, min(s + width, end)) for s in range(start, end, width)]
    for pos in range(start, end):
        char_width = _char_cells(text[pos])
        if used + char_width > width and pos > chunk_start:
            chunks.append((chunk_start, pos))
            chunk_start, used = pos, 0
        used += char_width
    chunks.append((chunk_start, end))
    return chunks


@lru_cache(maxsize=4096)
def _char_cells(char: str) -> int:
    """Cell width of one character (control characters count as their visible symbol)."""
    return cell_len(inert(char))
