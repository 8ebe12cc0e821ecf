"""Turn one block (original and translation texts with highlight ranges) into terminal
lines for each layout. Pure Rich segments, no Textual: article text goes into Segments
as plain data, never through the markup parser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style

from lettore.model import Block, Translation
from lettore.tui.wrapping import Measured, inert

NOT_TRANSLATED = "⟨not translated yet⟩"
SIDE_BY_SIDE_MIN_WIDTH = 100
GUTTER = " │ "


class Highlight(NamedTuple):
    """A styled character range of a column's text; `style` names a highlight of
    lettore.tui.highlight_styles."""

    start: int
    end: int
    style: str


@dataclass
class BlockText:
    """A block's original and translation texts, measured, with each sentence's range."""

    index: int
    kind: str
    original: Measured
    original_spans: list[tuple[int, int]]
    translation: Measured
    translation_spans: list[tuple[int, int] | None]
    untranslated_spans: list[tuple[int, int]]
    rough_spans: list[tuple[int, int]]

    @classmethod
    def build(cls, block: Block, translations: Mapping[tuple[int, int], Translation]) -> BlockText:
        """Join the sentence translations; mark the sentences that have none yet, and
        those only roughly machine-translated."""
        found = [translations.get((block.index, s.index)) for s in block.sentences]
        parts: list[str] = []
        spans: list[tuple[int, int] | None] = []
        missing: list[tuple[int, int]] = []
        rough: list[tuple[int, int]] = []
        cursor = 0
        if not any(found):
            parts, missing = [NOT_TRANSLATED], [(0, len(NOT_TRANSLATED))]
            spans = [None] * len(block.sentences)
        else:
            for translation in found:
                piece = translation.text if translation else NOT_TRANSLATED
                if parts:
                    cursor += 1
                spans.append((cursor, cursor + len(piece)) if translation else None)
                if not translation:
                    missing.append((cursor, cursor + len(piece)))
                elif translation.rough:
                    rough.append((cursor, cursor + len(piece)))
                parts.append(piece)
                cursor += len(piece)
        return cls(
            index=block.index,
            kind=block.kind,
            original=Measured(block.text),
            original_spans=[(s.start, s.end) for s in block.sentences],
            translation=Measured(" ".join(parts)),
            translation_spans=spans,
            untranslated_spans=missing,
            rough_spans=rough,
        )


def effective_layout(layout: str, width: int) -> str:
    """Side by side needs room; below SIDE_BY_SIDE_MIN_WIDTH it falls back to interleaved."""
    if layout == "side-by-side" and width < SIDE_BY_SIDE_MIN_WIDTH:
        return "interleaved"
    return layout


def column_widths(layout: str, width: int) -> tuple[int, int]:
    """Text widths of the original and translation columns (0: not shown)."""
    inner = max(1, width - 2)
    if layout == "side-by-side":
        left = max(1, (inner - len(GUTTER)) // 2)
        return left, max(1, inner - len(GUTTER) - left)
    if layout == "interleaved":
        return inner, max(1, inner - 2)
    if layout == "original":
        return inner, 0
    return 0, inner


def block_height(text: BlockText, layout: str, width: int) -> int:
    """Lines the block takes, the blank separator line included."""
    left, right = column_widths(layout, width)
    original = text.original.count_lines(left) if left else 0
    translation = text.translation.count_lines(right) if right else 0
    if layout == "side-by-side":
        return max(original, translation, 1) + 1
    return max(original + translation, 1) + 1


def estimate_heights(original_chars: list[int], translation_chars: list[int], layout: str, width: int) -> list[int]:
    """Cheap guesses of `block_height` for every block from text lengths alone."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.tui.heights import estimate_lines

    left, right = column_widths(layout, width)
    side_by_side = layout == "side-by-side"
    heights = []
    for original, translation in zip(original_chars, translation_chars):
        a = estimate_lines(original, left) if left else 0
        b = estimate_lines(translation, right) if right else 0
        heights.append((max(a, b, 1) if side_by_side else max(a + b, 1)) + 1)
    return heights


def translation_length(block: Block, translations: Mapping[tuple[int, int], Translation]) -> int:
    """Characters of the block's translation column as BlockText.build would join it."""
    found = [translations.get((block.index, i)) for i in range(block.sentence_count())]
    if not any(found):
        return len(NOT_TRANSLATED)
    return sum(len(t.text) if t else len(NOT_TRANSLATED) for t in found) + max(0, len(found) - 1)


def render_block(
    text: BlockText,
    layout: str,
    width: int,
    styles: Mapping[str, Style],
    original_highlights: list[Highlight],
    translation_highlights: list[Highlight],
) -> list[list[Segment]]:
    """The block's lines as segment lists, each exactly `width` cells wide."""
    left, right = column_widths(layout, width)
    base = "article--heading" if text.kind == "heading" else "article--original"
    tbase = "article--heading-translation" if text.kind == "heading" else "article--translation"
    untranslated = [Highlight(s, e, "article--untranslated") for s, e in text.untranslated_spans]
    untranslated += [Highlight(s, e, "article--rough") for s, e in text.rough_spans]
    original = _column(text.original, left, styles, base, original_highlights) if left else []
    translation = (
        _column(text.translation, right, styles, tbase, untranslated + translation_highlights) if right else []
    )
    blank = [Segment(" " * width)]
    lines: list[list[Segment]] = []
    if layout == "side-by-side":
        gutter = Segment(GUTTER, styles.get("article--gutter"))
        empty_left, empty_right = [Segment(" " * left)], [Segment(" " * right)]
        for i in range(max(len(original), len(translation), 1)):
            row = original[i] if i < len(original) else empty_left
            trow = translation[i] if i < len(translation) else empty_right
            lines.append(_pad([Segment(" "), *row, gutter, *trow], width))
    else:
        indent = [Segment("  ")] if layout == "interleaved" else []
        for row in original:
            lines.append(_pad([Segment(" "), *row], width))
        for row in translation:
            lines.append(_pad([Segment(" "), *indent, *row], width))
        if not lines:
            lines.append(blank)
    lines.append(blank)
    return lines


def sentence_rows(text: BlockText, layout: str, width: int, sentence: int) -> tuple[int, int]:
    """First and last line (within the block) where the sentence shows, for scrolling."""
    left, right = column_widths(layout, width)
    rows: list[int] = []
    offset = 0
    if left:
        lines = text.original.lines(left)
        rows += _rows_of(lines, text.original_spans[sentence] if sentence < len(text.original_spans) else None)
        offset = len(lines) if layout != "side-by-side" else 0
    if right:
        span = text.translation_spans[sentence] if sentence < len(text.translation_spans) else None
        rows += [offset + r for r in _rows_of(text.translation.lines(right), span)]
    return (min(rows), max(rows)) if rows else (0, 0)


def _rows_of(lines: list[tuple[int, int]], span: tuple[int, int] | None) -> list[int]:
    """Indexes of the lines overlapping a character range."""
    if span is None:
        return []
    start, end = span
    return [i for i, (s, e) in enumerate(lines) if s < end and start < e]


def _column(
    measured: Measured, width: int, styles: Mapping[str, Style], base: str, highlights: list[Highlight]
) -> list[list[Segment]]:
    """Wrap a column's text and cut it into styled segments, each line padded to `width`."""
    base_style = styles.get(base) or Style()
    rows = []
    ordered = sorted(highlights, key=lambda h: (h.start, h.end))
    for start, end in measured.lines(width):
        cuts = {start, end}
        active = [h for h in ordered if h.start < end and start < h.end]
        for h in active:
            cuts.update(p for p in (h.start, h.end) if start < p < end)
        points = sorted(cuts)
        segments = []
        for a, b in zip(points, points[1:]):
            style = base_style
            for h in active:
                if h.start <= a and b <= h.end and h.style in styles:
                    style = style + styles[h.style]
            segments.append(Segment(inert(measured.text[a:b]), style))
        rows.append(_pad(segments, width))
    return rows


def _pad(segments: list[Segment], width: int) -> list[Segment]:
    """Crop or pad a line to exactly `width` cells."""
    length = Segment.get_line_length(segments)
    if length > width:
        return list(Segment.adjust_line_length(segments, width))
    if length < width:
        segments.append(Segment(" " * (width - length)))
    return segments
