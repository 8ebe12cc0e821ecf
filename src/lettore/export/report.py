"""Readable reports of an analysed article: Markdown and standalone HTML with the claims
table, the entities and the bilingual text; and a CSV with one claim per row.

Claim fields come from `export.claims.claim_to_dict`; where they overlap with
schema.org ClaimReview/Claim the report uses those names (`claimReviewed`, `claimAuthor`,
`datePublished`, `appearance`), so a fact-checker's tools recognise them.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Mapping
from typing import Any

from lettore.analyse.claims.check import number_mismatches
from lettore.analyse.english import entities_in_translation
from lettore.export.claims import claim_to_dict
from lettore.export.document import provenance
from lettore.model import ENTITY_LABELS, Article, Block, Claim, Entity, SentenceKey, Translation

NOT_TRANSLATED = "(not translated yet)"
SCHEMA_NAMES = {"text": "claimReviewed", "attributed_to": "claimAuthor", "date": "datePublished"}
CSV_FIELDS = (
    "id", "block", "sentence", "kind", "claimAuthor", "claimReviewed", "translation", "cue", "hedged",
    "hedges", "numbers", "entities", "datePublished", "score", "why", "subjective", "numberCheck", "appearance",
    "source_url", "author", "site_name", "translationSource", "roughTranslation", "nameCheck",
)
ROUGH_MARK = "†"
ROUGH_LEGEND = "† rough machine translation: offline gist quality, check it against the original."


def _claim_dict(claim: Claim) -> dict[str, Any]:
    """The claims module's export dict."""
    return dict(claim_to_dict(claim))


def _mismatches(article: Article, translations: Mapping[SentenceKey, Translation], claim: Claim) -> list[str]:
    """Figures of the claim's sentence the translation dropped or changed."""
    translation = translations.get((claim.block, claim.sentence))
    if translation is None or claim.block >= len(article.blocks):
        return []
    sentences = article.blocks[claim.block].sentences
    if claim.sentence >= len(sentences):
        return []
    return number_mismatches(sentences[claim.sentence].text, translation.text)


def claim_record(
    article: Article, translations: Mapping[SentenceKey, Translation], claim: Claim,
    missing_names: Mapping[SentenceKey, list[str]] | None = None,
) -> dict[str, Any]:
    """One claim with schema.org names where they overlap, the translation, the number and
    name checks and where it appeared (the article's title and source)."""
    data = _claim_dict(claim)
    record = {SCHEMA_NAMES.get(key, key): value for key, value in data.items()}
    if not record.get("datePublished"):
        record["datePublished"] = article.date
    if not record.get("translation"):
        found = translations.get((claim.block, claim.sentence))
        record["translation"] = found.text if found else None
    current = translations.get((claim.block, claim.sentence))
    record["translationSource"] = current.source if current else None
    record["roughTranslation"] = "yes" if current is not None and current.rough else "no"
    missing = _mismatches(article, translations, claim)
    record["numberCheck"] = "not in translation: " + ", ".join(missing) if missing else "ok"
    names = (missing_names or {}).get((claim.block, claim.sentence))
    record["nameCheck"] = "not in translation: " + ", ".join(names) if names else "ok"
    record["appearance"] = article.source_url or article.source_path or article.title
    return record


def _numbers_text(numbers: Any) -> str:
    """"20 miliardi di dollari=20000000000 USD (circa); ..." for a table cell."""
    parts = []
    for number in numbers or ():
        item = number if isinstance(number, Mapping) else vars(number)
        piece = f"{item.get('text')}={item.get('value')}"
        if item.get("unit"):
            piece += f" {item['unit']}"
        if item.get("qualifier"):
            piece += f" ({item['qualifier']})"
        parts.append(piece)
    return "; ".join(parts)


def _name_check(entities: list[Entity] | None, translations: Mapping[SentenceKey, Translation]) -> dict[
        SentenceKey, list[str]]:
    """Names of the original each translation lacks (empty without entities)."""
    from lettore.translate.names import name_mismatches

    return name_mismatches(entities or [], translations)


def claims_table_csv(
    article: Article, translations: Mapping[SentenceKey, Translation], claims: list[Claim],
    entities: list[Entity] | None = None,
) -> str:
    """CSV, one claim per row, header first; lists joined with "; "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    names = _name_check(entities, translations)
    for claim in claims:
        record = claim_record(article, translations, claim, names)
        record["numbers"] = _numbers_text(record.get("numbers"))
        record["hedges"] = "; ".join(record.get("hedges") or ())
        record["entities"] = "; ".join(record.get("entities") or ())
        record.update(source_url=article.source_url, author=article.author, site_name=article.site_name)
        writer.writerow({k: "" if record.get(k) is None else record.get(k) for k in CSV_FIELDS})
    return out.getvalue()


def _groups(entities: list[Entity]) -> list[Any]:
    """Entities merged into groups (mentions and aliases), as the reader's panel shows them."""
    from lettore.analyse.grouping import group_entities

    def rank(label: str) -> int:
        return ENTITY_LABELS.index(label) if label in ENTITY_LABELS else len(ENTITY_LABELS)

    return sorted(group_entities(entities), key=lambda g: (rank(g.label), -len(g.mentions), g.name))


def _mentions(count: int) -> str:
    """"1 mention", "4 mentions"."""
    return f"{count} mention" if count == 1 else f"{count} mentions"


def _cell(text: Any) -> str:
    """A Markdown table cell: no pipes or line breaks, no raw HTML."""
    return "" if text is None else _md(str(text)).replace("|", "\\|").replace("\n", " ")


def _md(text: str) -> str:
    """Article text as Markdown data: `<script>` in it is shown, never passed through as HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def report_markdown(
    article: Article, translations: Mapping[SentenceKey, Translation], entities: list[Entity], claims: list[Claim]
) -> str:
    """Title, claims table, entities, then each paragraph in Italian with its English below."""
    lines = [f"# {_md(article.title)}", ""]
    meta = provenance(article)
    if meta:
        lines += [f"*{_md(meta)}*", ""]
    lines += ["## Claims", ""]
    names = _name_check(entities, translations)
    if claims:
        lines += ["| # | kind | claimAuthor | score | claim (English) | original | figures | names |",
                  "|---|---|---|---|---|---|---|---|"]
        for n, claim in enumerate(claims, start=1):
            record = claim_record(article, translations, claim, names)
            rough = f" {ROUGH_MARK}" if record["roughTranslation"] == "yes" else ""
            lines.append("| " + " | ".join(_cell(v) for v in (
                n, claim.kind, record.get("claimAuthor") or "—", f"{claim.score:.2f}",
                (record.get("translation") or NOT_TRANSLATED) + rough, claim.text,
                "⚠ " + record["numberCheck"] if record["numberCheck"] != "ok" else "ok",
                "⚠ " + record["nameCheck"] if record["nameCheck"] != "ok" else "ok",
            )) + " |")
    else:
        lines.append("_No claims found._")
    lines += ["", "## Entities", ""]
    groups = _groups(entities)
    for group in groups:
        aliases = [a for a in group.aliases if a != group.name]
        also = f" (also: {', '.join(aliases)})" if aliases else ""
        lines.append(f"- **{_md(group.name)}** — {group.label}, {_mentions(len(group.mentions))}{_md(also)}")
    if not groups:
        lines.append("_No entities found._")
    lines += ["", "## Text", ""]
    if any(t.rough for t in translations.values()):
        lines += [f"_{ROUGH_LEGEND}_", ""]
    for block in article.blocks:
        english_text = _md(_block_english(block, translations, ROUGH_MARK))
        if block.kind == "heading":
            lines += [f"### {_md(block.text)}", "", f"*{english_text}*", ""]
        else:
            lines += [_md(block.text), "", f"> {english_text}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _block_english(block: Block, translations: Mapping[SentenceKey, Translation], mark: str = "") -> str:
    """The block's translation as one text (rough sentences followed by `mark`), or the marker."""
    english = [translations.get((block.index, s.index)) for s in block.sentences]
    if not any(english):
        return NOT_TRANSLATED
    return " ".join(t.text + (mark if t.rough else "") for t in english if t)


HTML_STYLE = """
body { font-family: Georgia, serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
th, td { border-bottom: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left; }
td.en { color: #333; font-style: italic; }
.flag { color: #b00020; font-weight: bold; }
mark { background: none; font-weight: bold; }
.rough { color: #6d4c41; text-decoration: underline dotted; }
mark.PER { color: #6a1b9a; } mark.ORG { color: #1b5e20; } mark.LOC { color: #e65100; }
mark.MISC { color: #37474f; }
mark.DATE, mark.MONEY, mark.QUANTITY, mark.PERCENT { text-decoration: underline; color: #0d47a1; }
"""


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Escaped text with entity spans wrapped in <mark class=LABEL>."""
    out: list[str] = []
    cursor = 0
    for start, end, label in sorted(spans):
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<mark class="{html.escape(label)}">{html.escape(text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _block_english_html(block: Block, translations: Mapping[SentenceKey, Translation],
                        entities: Mapping[SentenceKey, list[Entity]]) -> str:
    """The block's translation as escaped HTML, the entities found in it marked as in the
    original (names as written, places by their English name, figures in English) and
    rough sentences in a `rough` span."""
    english = [(s.index, translations.get((block.index, s.index))) for s in block.sentences]
    if not any(t for _, t in english):
        return html.escape(NOT_TRANSLATED)
    pieces = []
    for index, translation in english:
        if translation is None:
            continue
        found = entities_in_translation(entities.get((block.index, index), []), translation.text)
        text = _marked(translation.text, [(start, end, entity.label) for (start, end), entity in found])
        if translation.rough:
            text = f'<span class="rough" title="rough machine translation">{text}{ROUGH_MARK}</span>'
        pieces.append(text)
    return " ".join(pieces)


def report_html(
    article: Article, translations: Mapping[SentenceKey, Translation], entities: list[Entity], claims: list[Claim]
) -> str:
    """A standalone page: claims table, entities, and the text as original | English rows."""
    e = html.escape
    parts = ["<!DOCTYPE html>", f'<html lang="{e(article.target_lang)}">', "<head>", '<meta charset="utf-8">',
             f"<title>{e(article.title)}</title>", f"<style>{HTML_STYLE}</style>", "</head>", "<body>",
             f'<h1 lang="{e(article.source_lang)}">{e(article.title)}</h1>']
    meta = provenance(article)
    if meta:
        parts.append(f"<p><em>{e(meta)}</em></p>")
    parts.append("<h2>Claims</h2>")
    if claims:
        parts.append("<table><tr><th>#</th><th>kind</th><th>claimAuthor</th><th>score</th>"
                     "<th>claim (English)</th><th>original</th><th>figures</th><th>names</th></tr>")
        names = _name_check(entities, translations)
        for n, claim in enumerate(claims, start=1):
            record = claim_record(article, translations, claim, names)
            check = record["numberCheck"]
            figures = f'<span class="flag">⚠ {e(check)}</span>' if check != "ok" else "ok"
            name_check = record["nameCheck"]
            kept = f'<span class="flag">⚠ {e(name_check)}</span>' if name_check != "ok" else "ok"
            english = e(record.get("translation") or NOT_TRANSLATED)
            if record["roughTranslation"] == "yes":
                english = f'<span class="rough" title="rough machine translation">{english}{ROUGH_MARK}</span>'
            parts.append(
                f"<tr><td>{n}</td><td>{e(claim.kind)}</td><td>{e(record.get('claimAuthor') or '—')}</td>"
                f"<td>{claim.score:.2f}</td><td class=\"en\">{english}</td>"
                f'<td lang="{e(article.source_lang)}">{e(claim.text)}</td><td>{figures}</td><td>{kept}</td></tr>'
            )
        parts.append("</table>")
    else:
        parts.append("<p><em>No claims found.</em></p>")
    parts.append("<h2>Entities</h2><ul>")
    for group in _groups(entities):
        aliases = [a for a in group.aliases if a != group.name]
        also = f" (also: {e(', '.join(aliases))})" if aliases else ""
        parts.append(f'<li><mark class="{e(group.label)}">{e(group.name)}</mark> — {e(group.label)},'
                     f" {_mentions(len(group.mentions))}{also}</li>")
    parts.append("</ul><h2>Text</h2>")
    if any(t.rough for t in translations.values()):
        parts.append(f'<p class="legend"><span class="rough">{e(ROUGH_LEGEND)}</span></p>')
    parts.append("<table>")
    spans: dict[int, list[tuple[int, int, str]]] = {}
    by_sentence: dict[SentenceKey, list[Entity]] = {}
    for entity in entities:
        if entity.block < len(article.blocks) and entity.sentence < len(article.blocks[entity.block].sentences):
            offset = article.blocks[entity.block].sentences[entity.sentence].start
            spans.setdefault(entity.block, []).append((offset + entity.start, offset + entity.end, entity.label))
            by_sentence.setdefault((entity.block, entity.sentence), []).append(entity)
    for block in article.blocks:
        original = _marked(block.text, spans.get(block.index, []))
        english_html = _block_english_html(block, translations, by_sentence)
        if block.kind == "heading":
            original, english_html = f"<strong>{original}</strong>", f"<strong>{english_html}</strong>"
        parts.append(f'<tr><td lang="{e(article.source_lang)}">{original}</td>'
                     f'<td class="en" lang="{e(article.target_lang)}">{english_html}</td></tr>')
    parts += ["</table>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
