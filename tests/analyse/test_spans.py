"""Whole-word and whole-figure matching used to find names and figures in translations."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from lettore.analyse.spans import figure_spans, word_spans

TEXT = st.text(alphabet="ab A,.1 _éÉ", max_size=14)
NEEDLE = st.text(alphabet="ab A,.1 _éÉ", min_size=1, max_size=3)


def test_names_match_whole_words_only() -> None:
    text = "Kim met Kimberly and KIM in Kim's house"
    assert [text[s:e] for s, e in word_spans("Kim", text)] == ["Kim", "Kim"]
    assert [text[s:e] for s, e in word_spans("kim", text, ignore_case=True)] == ["Kim", "KIM", "Kim"]


def test_figures_are_not_found_inside_larger_numbers() -> None:
    text = "12,000 tanks, then 2,000.5 units, finally 2,000 units and 20 Billion dollars"
    assert figure_spans("2,000", text) == [(text.rindex("2,000"), text.rindex("2,000") + 5)]
    assert [text[s:e] for s, e in figure_spans("20 billion", text)] == ["20 Billion"]


@given(NEEDLE, TEXT, st.booleans())
def test_word_spans_agree_with_the_regex_they_replace(needle: str, text: str, ignore_case: bool) -> None:
    pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
    expected = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE if ignore_case else 0)]
    assert word_spans(needle, text, ignore_case) == expected


@given(NEEDLE, TEXT)
def test_figure_spans_agree_with_the_regex_they_replace(figure: str, text: str) -> None:
    pattern = rf"(?<![\w.,]){re.escape(figure)}(?!\w)(?![.,]\d)"
    assert figure_spans(figure, text) == [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
