"""The shipped model tags obvious Italian sentences correctly, from tokens and from text."""

from __future__ import annotations

import pytest

from lettore.analyse.ner import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def _entities(text: str, found: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in found}


def test_load_is_cached(tagger: Tagger) -> None:
    assert Tagger.load() is tagger


def test_tag_tokens_putin_in_moscow(tagger: Tagger) -> None:
    tokens = "Il presidente russo Vladimir Putin è arrivato ieri a Mosca .".split()
    tags = tagger.tag_tokens([tokens, []])
    assert tags[1] == []
    assert tags[0][3:5] == ["B-PER", "I-PER"]
    assert tags[0][9] == "B-LOC"
    assert tags[0][:3] == ["O", "O", "O"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vladimir Putin ha incontrato a Mosca il presidente francese Emmanuel Macron.",
            {("Vladimir Putin", "PER"), ("Mosca", "LOC"), ("Emmanuel Macron", "PER")},
        ),
        (
            "Secondo l'ANSA, la polizia di Milano ha arrestato due persone.",
            {("ANSA", "ORG"), ("Milano", "LOC")},
        ),
        (
            "Il governo italiano ha chiesto all'Unione europea nuovi fondi per la Sicilia.",
            {("Unione europea", "ORG"), ("Sicilia", "LOC")},
        ),
    ],
)
def test_tag_text_finds_obvious_entities(tagger: Tagger, text: str, expected: set) -> None:
    # KIND also tags institutions written in lowercase ("il governo"), so only require these.
    found = _entities(text, tagger.tag_text(text))
    assert expected <= found
    assert not any(label == "PER" for _, label in found - expected)


def test_tag_text_without_names(tagger: Tagger) -> None:
    assert tagger.tag_text("Oggi piove e fa freddo.") == []
    assert tagger.tag_text("   ") == []


def test_tag_document_keeps_a_name_consistent(tagger: Tagger) -> None:
    sentences = [
        "Il ministro Giancarlo Giorgetti ha presentato la manovra a Roma.",
        "Giorgetti ha detto che i conti sono in ordine.",
        "Nessuna novità.",
    ]
    found = tagger.tag_document(sentences)
    assert len(found) == 3
    assert ("Giancarlo Giorgetti", "PER") in _entities(sentences[0], found[0])
    assert ("Giorgetti", "PER") in _entities(sentences[1], found[1])
    assert found[2] == []
