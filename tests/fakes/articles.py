"""Small Italian articles built in memory, so prepare tests need no ingest step."""

from __future__ import annotations

import hashlib

from lettore.model import Article
from lettore.segment import make_block


def make_article(title: str, paragraphs: list[str]) -> Article:
    """A heading plus paragraphs, segmented the way the importer does it."""
    blocks = [make_block(0, "heading", title)]
    blocks += [make_block(i, "paragraph", text) for i, text in enumerate(paragraphs, start=1)]
    digest = hashlib.sha256("\n".join([title, *paragraphs]).encode()).hexdigest()
    return Article(title=title, blocks=tuple(blocks), content_hash=digest)


def numbered_article(title: str, paragraphs: int, per_paragraph: int, tag: str = "") -> Article:
    """An article of distinct, predictable sentences ("Frase 3 del paragrafo 2 ...")."""
    return make_article(
        title,
        [
            " ".join(
                f"Frase {s} del paragrafo {p} dell'articolo {title}{tag} sulla politica."
                for s in range(per_paragraph)
            )
            for p in range(paragraphs)
        ],
    )
