"""Parsed blocks to an Article: sentences, title, date and the content hash that lets the
library recognise the same article added twice."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from lettore.errors import UserError
from lettore.ingest.parsed import Parsed
from lettore.model import Article, Block
from lettore.segment import make_block, split_sentences
from lettore.text_clean import clean_line, clean_text, has_control

_TITLE_MAX = 80
# A paragraph longer than this is split at sentence boundaries into paragraphs of at most
# about this size: the reader wraps and redraws a block as a unit, so one 5 MB paragraph
# of 185,000 sentences would cost seconds a key; a few thousand characters cost a frame.
MAX_BLOCK_CHARS = 5_000
# More sentences than a long book chapter is not one article: refused, so `add` (whose
# analysis costs about a millisecond a sentence) stays under a minute.
MAX_SENTENCES = 50_000


def build_article(parsed: Parsed, name: str, stem: str, source_path: str) -> Article:
    """Segment the blocks and fill in the article's metadata.

    Block texts are cleaned again here: a page's parser decodes character references, so
    `&#x202e;` only becomes an RLO after the raw text was cleaned."""
    pieces = [(kind, piece) for kind, text in parsed.blocks for piece in _bounded(kind, _recleaned(text))]
    blocks = tuple(make_block(index, kind, text) for index, (kind, text) in enumerate(pieces))
    blocks = tuple(block for block in blocks if block.sentences)
    if not blocks:
        raise UserError(f"{name} has no readable text: nothing is left once page furniture is removed")
    sentences = sum(len(block.sentences) for block in blocks)
    if sentences > MAX_SENTENCES:
        raise UserError(
            f"{name} has {sentences:,} sentences, more than one article may hold (limit"
            f" {MAX_SENTENCES:,}): split it into articles and add them one by one"
        )
    blocks = tuple(
        block if block.index == index else make_block(index, block.kind, block.text)
        for index, block in enumerate(blocks)
    )
    return Article(
        title=_title(parsed, blocks, stem),
        blocks=blocks,
        date=parsed.date,
        source_path=source_path,
        content_hash=content_hash(block.text for block in blocks),
        source_url=parsed.source_url,
        author=parsed.author,
        site_name=parsed.site_name,
    )


def _bounded(kind: str, text: str) -> list[str]:
    """The block's text, or consecutive runs of its sentences of at most MAX_BLOCK_CHARS
    each when it is longer (a single longer sentence stays whole)."""
    if len(text) <= MAX_BLOCK_CHARS or kind != "paragraph":
        return [text]
    pieces: list[str] = []
    start = 0
    for sentence in split_sentences(text):
        if sentence.end - start > MAX_BLOCK_CHARS and sentence.start > start:
            pieces.append(text[start : sentence.start].strip())
            start = sentence.start
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _recleaned(text: str) -> str:
    """The block text, cleaned once more only if its parser let a control through."""
    return " ".join(clean_text(text).split()) if has_control(text) else text


def content_hash(texts: Iterable[str]) -> str:
    """sha256 of the cleaned block texts, each followed by a blank line."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\n\n")
    return digest.hexdigest()


def shorten(text: str, limit: int = _TITLE_MAX) -> str:
    """Cut `text` to at most `limit` characters on a word boundary, marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def _title(parsed: Parsed, blocks: tuple[Block, ...], stem: str) -> str:
    """Declared title, else a leading heading, else the first sentence (if it has words),
    else the file stem."""
    if parsed.title and clean_line(parsed.title):
        return shorten(clean_line(parsed.title), 200)
    first = blocks[0]
    if first.kind == "heading":
        return shorten(first.text, 200)
    if first.sentences and any(char.isalpha() for char in first.sentences[0].text):
        return shorten(first.sentences[0].text)
    return clean_line(stem) or "untitled"
