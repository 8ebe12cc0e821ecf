"""Property tests: any Unicode text renders into lines of exactly the view's width, in
every layout, without raising, and no control character reaches the terminal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from lettore.config import LAYOUTS
from lettore.model import Translation
from lettore.segment import make_block
from lettore.tui.columns import BlockText, Highlight, block_height, render_block
from lettore.tui.wrapping import Measured

STYLES = {"article--original": Style(), "article--cursor": Style(bgcolor="blue")}


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(min_size=1, max_size=300),
    translation=st.one_of(st.none(), st.text(max_size=200)),
    width=st.integers(min_value=10, max_value=220),
    layout=st.sampled_from(LAYOUTS),
    cut=st.tuples(st.integers(0, 300), st.integers(0, 300)),
)
def test_any_text_renders_at_exact_width(text, translation, width, layout, cut) -> None:
    block = make_block(0, "paragraph", text)
    translations = {(0, 0): Translation(translation, "manual")} if translation else {}
    measured = BlockText.build(block, translations)
    start, end = sorted(cut)
    lines = render_block(measured, layout, width, STYLES, [Highlight(start, end, "article--cursor")], [])
    assert len(lines) == block_height(measured, layout, width)
    for line in lines:
        assert sum(segment.cell_length for segment in line) == width
        shown = "".join(segment.text for segment in line)
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), width=st.integers(min_value=1, max_value=120))
def test_wrapping_keeps_every_word_in_order(text: str, width: int) -> None:
    measured = Measured(text)
    lines = measured.lines(width)
    assert len(lines) == measured.count_lines(width)
    assert "".join("".join(text[s:e].split()) for s, e in lines) == "".join(text.split())


def test_rough_machine_translation_is_styled_apart() -> None:
    block = make_block(0, "paragraph", "Prima frase. Seconda frase.")
    translations = {
        (0, 0): Translation("First sentence.", "google"),
        (0, 1): Translation("Second phrase.", "apertium", rough=True),
    }
    rough_style = Style(italic=True)
    styles = {**STYLES, "article--rough": rough_style}
    lines = render_block(BlockText.build(block, translations), "translation", 80, styles, [], [])
    italic = "".join(seg.text for line in lines for seg in line if seg.style and seg.style.italic)
    assert italic == "Second phrase."


@given(text=st.text(alphabet=st.sampled_from("ab é ⟨⟩界\u200b\u0301\x1b.—"), max_size=60)
       | st.text(max_size=200))
def test_word_measures_match_a_cell_by_cell_reference(text: str) -> None:
    """Fast and general measuring paths agree with measuring every word with Rich
    (decomposed accents, wide and zero-width characters, control characters)."""
    import re

    from rich.cells import cell_len

    from lettore.tui.wrapping import inert

    words = list(re.finditer(r"\S+", text))
    measured = Measured(text)
    assert list(measured.starts) == [w.start() for w in words]
    assert list(measured.ends) == [w.end() for w in words]
    assert list(measured.widths) == [cell_len(inert(w.group())) for w in words]
