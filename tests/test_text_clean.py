"""Whatever text comes in, the cleaner leaves no control in it and the output escapes
show none: no printed or drawn string can drive the terminal, whatever its source."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from lettore.text_clean import clean_answer, clean_line, clean_name, clean_text, inert, inert_document, json_safe

HOSTILE = st.sampled_from(
    ["\x1b[2J", "\x1b]0;PWN\x07", "\x1b]8;;http://x\x1b\\", "\x9b31m", "\x85", "\u202e", "\u2066",
     "\u200b", "\ufeff", "&#x202e;", "&#27;", "&#x9b;", "&amp;", "\r", "\t", "\x00", "\x7f", "testo", " "]
)
TEXTS = st.lists(HOSTILE | st.text(max_size=8), max_size=20).map("".join)


DANGEROUS = frozenset(
    [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
    + list("\u200b\u200c\u200d\u2060\ufeff\u2028\u2029")
)


def controls(text: str, keep: str = "") -> list[str]:
    """Characters a terminal may act on (C0, DEL, C1, bidi, zero-width), less those in `keep`."""
    return [char for char in text if char in DANGEROUS and char not in keep]


@given(TEXTS)
def test_cleaned_text_holds_no_terminal_control(text: str) -> None:
    assert controls(clean_text(text), keep="\n") == []
    for one_line in (clean_line(text), clean_answer(text), clean_name(text)):
        assert controls(one_line) == [] and "\n" not in one_line


@given(TEXTS)
def test_escaped_output_shows_controls_as_one_symbol_each(text: str) -> None:
    shown = inert(text)
    assert len(shown) == len(text) and controls(shown, keep="\u2028\u2029") == []
    assert controls(inert_document(text), keep="\n\t\r\u2028\u2029") == []


@given(TEXTS)
def test_json_escape_keeps_the_data(text: str) -> None:
    encoded = json_safe(json.dumps({"t": text}, ensure_ascii=False))
    assert json.loads(encoded) == {"t": text}
    assert controls(encoded, keep="\n\u2028\u2029") == []


def test_references_are_decoded_before_cleaning() -> None:
    assert clean_answer("a&#x202e;b &#27;[31mc &amp; d") == "ab [31mc & d"
