"""Every export format of a stored article, by name: the JSON document, the Markdown and
HTML reports with the claims table, and the claims CSV."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from lettore.export import FORMATS, report
from lettore.export.document import article_document
from lettore.text_clean import inert_document, json_safe

if TYPE_CHECKING:
    from lettore.store import Library

def safe_render(library: Library, article_id: int, fmt: str) -> str:
    """The export text, with no control character in it that could reach a terminal."""
    return (json_safe if fmt == "json" else inert_document)(render(library, article_id, fmt))


def render(library: Library, article_id: int, fmt: str) -> str:
    """The export text of one stored article in format `fmt` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    article = library.get_article(article_id)
    translations = library.translations(article_id)
    claims = library.claims(article_id)
    entities = library.entities(article_id)
    if fmt == "csv":
        return report.claims_table_csv(article, translations, claims, entities)
    if fmt == "md":
        return report.report_markdown(article, translations, entities, claims)
    if fmt == "html":
        return report.report_html(article, translations, entities, claims)
    document = article_document(article, translations, entities, claims)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
