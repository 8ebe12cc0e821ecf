"""Pathological sizes: one huge paragraph is split at sentence boundaries into paragraphs
the reader can redraw in a frame; more sentences than an article can hold are refused."""

from __future__ import annotations

import pytest

from lettore.errors import UserError
from lettore.ingest import load_bytes
from lettore.ingest.article import MAX_BLOCK_CHARS, MAX_SENTENCES
from lettore.segment import split_sentences


def test_a_huge_paragraph_is_split_at_sentence_boundaries_losing_nothing() -> None:
    text = " ".join(f"Il sindaco ha parlato {n} volte, disse l'assessore." for n in range(5_000))
    article = load_bytes(text.encode(), "grande.txt")
    assert len(article.blocks) > 40
    assert all(len(block.text) <= MAX_BLOCK_CHARS for block in article.blocks)
    assert all(block.kind == "paragraph" for block in article.blocks)
    sentences = [s.text for block in article.blocks for s in block.sentences]
    assert sentences == [s.text for s in split_sentences(text)]
    assert " ".join(block.text for block in article.blocks) == text


def test_normal_paragraphs_and_one_long_sentence_stay_whole() -> None:
    long_sentence = "x" * (MAX_BLOCK_CHARS * 3) + " fine."
    article = load_bytes(f"Un paragrafo breve.\n\n{long_sentence} Poi un'altra frase.".encode(), "a.txt")
    assert article.blocks[0].text == "Un paragrafo breve."
    assert article.blocks[1].text.startswith("x" * 100) and article.blocks[1].text.endswith("fine.")


def test_more_sentences_than_an_article_holds_is_refused() -> None:
    text = " ".join(f"Frase {n}." for n in range(MAX_SENTENCES + 1))
    with pytest.raises(UserError, match=r"has 50,001 sentences.*limit 50,000.*split it"):
        load_bytes(text.encode(), "libro.txt")
