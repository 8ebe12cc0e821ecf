"""A readable bilingual Markdown export: each paragraph in Italian, then in English."""

from __future__ import annotations

from lettore.model import Article, Translation

NOT_TRANSLATED = "_(not translated yet)_"


def article_markdown(article: Article, translations: dict[tuple[int, int], Translation]) -> str:
    """Headings and paragraphs as Markdown, the translation quoted under each original."""
    lines = [f"# {article.title}", ""]
    if article.date:
        lines += [f"*{article.date}*", ""]
    for block in article.blocks:
        english = [translations.get((block.index, s.index)) for s in block.sentences]
        english_text = " ".join(t.text for t in english if t) if any(english) else NOT_TRANSLATED
        if block.kind == "heading":
            lines += [f"## {block.text}", "", f"*{english_text}*", ""]
        else:
            lines += [block.text, "", f"> {english_text}", ""]
    return "\n".join(lines).rstrip() + "\n"
