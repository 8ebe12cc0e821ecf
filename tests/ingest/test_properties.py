"""Whatever bytes a user feeds in: an Article with consistent offsets, or a UserError."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lettore.errors import UserError
from lettore.ingest import load_bytes

DANGEROUS = "\x1b[31m\x1b]8;;u\x1b\\\u202e\u200b\ufeff\x07\x85\r\t"
WORDS = st.sampled_from(
    ["Il", "sig.", "Rossi", "ha", "detto", "2.000", "«sì»", '"no"', "…", "?!", ".", "\n", "\n\n",
     "# ", "**", "[x](y)", "<p>", "</p>", "<script>", "&amp;", "date 2025-05", "Ascolta ora",
     DANGEROUS, " ", "è", "e\u0301"]
)


def check_article(data: bytes, fmt: str | None) -> None:
    try:
        article = load_bytes(data, "x", fmt)
    except UserError as error:
        assert "\n" not in str(error) and str(error)
        return
    assert article.blocks and article.title
    assert article.content_hash == hashlib.sha256(
        b"".join(b.text.encode() + b"\n\n" for b in article.blocks)
    ).hexdigest()
    for number, block in enumerate(article.blocks):
        assert block.index == number and block.sentences
        assert block.text == block.text.strip() and "\n" not in block.text
        assert not any(char in block.text for char in "\x1b\u202e\u200b\ufeff\x07\x85\r\t")
        end = 0
        for sentence in block.sentences:
            assert end <= sentence.start < sentence.end <= len(block.text)
            assert block.text[sentence.start:sentence.end] == sentence.text
            end = sentence.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=40).map(" ".join), st.sampled_from([None, "txt", "md", "html"]))
def test_articleish_text_always_gives_a_consistent_article(text: str, fmt: str | None) -> None:
    check_article(text.encode("utf-8"), fmt)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "txt", "md", "html"]))
def test_any_bytes_give_an_article_or_a_user_error(data: bytes, fmt: str | None) -> None:
    check_article(data, fmt)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_any_unicode_text_in_any_utf_encoding(text: str, encoding: str) -> None:
    check_article(text.encode(encoding, errors="surrogatepass"), "txt")
