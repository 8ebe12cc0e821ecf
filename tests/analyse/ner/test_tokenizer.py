"""The Italian tokenizer splits elided articles and punctuation, keeps numbers and codes whole."""

from __future__ import annotations

import pytest

from lettore.analyse.ner import tokenize
from lettore.analyse.ner.tokenizer import tokenize_words


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("dell'Esercito", ["dell'", "Esercito"]),
        ("l’8 maggio", ["l’", "8", "maggio"]),
        ("C'è il carro T-62.", ["C'", "è", "il", "carro", "T-62", "."]),
        ("costa 2.000 euro, il 3,5%", ["costa", "2.000", "euro", ",", "il", "3,5", "%"]),
        ("(Roma)", ["(", "Roma", ")"]),
        ("la Emilia-Romagna", ["la", "Emilia-Romagna"]),
        ("il sig. Rossi e J. Smith", ["il", "sig.", "Rossi", "e", "J.", "Smith"]),
        ("Fiat S.p.A. chiude.", ["Fiat", "S.p.A.", "chiude", "."]),
        ("«Basta!» disse", ["«", "Basta", "!", "»", "disse"]),
        ("Finisce qui...", ["Finisce", "qui", "..."]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert tokenize_words(text) == tokens


def test_spans_point_into_the_text() -> None:
    text = "  Nell'ufficio di Mario,  2.000 euro."
    spans = tokenize(text)
    assert [text[s:e] for s, e in spans] == ["Nell'", "ufficio", "di", "Mario", ",", "2.000", "euro", "."]
    assert all(s < e for s, e in spans)
    assert spans == sorted(spans)


def test_empty_text_has_no_tokens() -> None:
    assert tokenize("   \n") == []
