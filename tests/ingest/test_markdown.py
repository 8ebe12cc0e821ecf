"""Markdown articles: headings and prose, with the markup reduced to what a reader sees."""

from __future__ import annotations

from lettore.ingest import load_bytes

DOC = """---
title: "Kim e i carri armati"
date: 2025-05-12T10:00:00Z
---
# Kim *visita* una fabbrica

Kim ha **elogiato** i progressi, dice _KCNA_: [leggi](https://kcna.kp/a.html).
Una ![foto](img.png) e `codice` in linea; snake_case e 2*3*4 restano.

```python
print("non è testo")
```

La Russia
---------

- Primo punto
- Secondo [rif][1]
1. Numerato

> Una citazione
> su due righe.

[1]: https://example.com
***
Fine \\*davvero\\*.
"""


def test_markdown_blocks_are_plain_text() -> None:
    article = load_bytes(DOC.encode(), "nota.md")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("heading", "Kim visita una fabbrica"),
        ("paragraph",
         "Kim ha elogiato i progressi, dice KCNA: leggi. Una e codice in linea; snake_case e 2*3*4 restano."),
        ("heading", "La Russia"),
        ("paragraph", "Primo punto"),
        ("paragraph", "Secondo rif"),
        ("paragraph", "Numerato"),
        ("paragraph", "Una citazione su due righe."),
        ("paragraph", "Fine *davvero*."),
    ]


def test_front_matter_gives_title_and_date() -> None:
    article = load_bytes(DOC.encode(), "nota.md")
    assert (article.title, article.date) == ("Kim e i carri armati", "2025-05-12")


def test_leading_heading_is_the_title_without_front_matter() -> None:
    article = load_bytes(b"## Sottotitolo\n\nTesto.", "x.markdown")
    assert article.title == "Sottotitolo"


def test_markdown_is_sniffed_from_content() -> None:
    article = load_bytes(b"# Titolo\n\nUn [link](http://x.it).", "appunti")
    assert [b.text for b in article.blocks] == ["Titolo", "Un link."]


def test_unclosed_markup_on_a_huge_line_is_fast() -> None:
    import time

    line = "**a " * 100_000 + "[x " * 100_000 + "`" * 10_000 + "_b " * 100_000
    began = time.process_time()
    load_bytes(line.encode(), "x.md")
    assert time.process_time() - began < 10
