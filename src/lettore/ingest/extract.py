"""A news page's story, not the page: trafilatura finds the article body (headings,
paragraphs, the body's own quotes), metadata comes from JSON-LD, OpenGraph and meta tags,
and what trafilatura lets through of the page furniture (credits, share lines, footers)
is removed line by line. lxml and trafilatura are imported here only, lazily: they are slow to
import and no command on the way to the reader's first screen needs them."""

from __future__ import annotations

import json
import re
from typing import Any

from lettore.ingest.clean import clean_line
from lettore.ingest.parsed import Parsed
from lettore.ingest.residue import parse_date, strip_residue
from lettore.model import BlockKind

# Classes and itemprops that mark a standfirst (the subtitle under the headline).
_STANDFIRST = re.compile(
    r"(?:^|[\s_-])(?:sub-?title|sottotitolo|sommario|standfirst|summary|lead|abstract|catenaccio|description|"
    r"dek|deck|excerpt|intro)(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOT_STANDFIRST = re.compile(r"comment|related|cookie|consent|newsletter|share|footer|sidebar|menu", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:foto|ph\.?|photo|credit[si]?|immagine|video)\b[^.!?]{0,80}[)\]]?\s*$"
    r"|^\s*foto\s+di\s+archivio\s*$|^\s*\(?foto\s+\w+\)?\s*$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^\s*(?:commenta(?:\s+per\s+primo)?|commenti(?:\s*\(\d+\))?|\d+\s+commenti|lascia\s+un\s+commento"
    r"|articoli\s+correlati|i\s+più\s+letti|tags?:?|argomenti:?|iscriviti(?:\s+alla\s+newsletter)?"
    r"|per\s+continuare\s+a\s+leggere\b.{0,120}|abbonati\b.{0,80})\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:di|by|a\s+cura\s+di)\s+", re.IGNORECASE)
_BLOCK_TAGS: dict[str, BlockKind] = {"p": "paragraph", "head": "heading", "quote": "paragraph", "item": "paragraph"}


def extract_html(html: str, url: str | None = None) -> Parsed | None:
    """The article of an HTML page as blocks with its metadata; None when no body is found."""
    import lxml.html  # lazy on purpose (see the module docstring)

    # lazy: heavy, loaded only by the command that needs it
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    standfirst = _standfirst(tree)
    document: Any = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_formatting=True, include_links=False, deduplicate=False, config=_config(),
    )
    if document is None or document.body is None:
        return None
    parsed = Parsed(title=_headline(tree, _clean(document.title)) or None)
    _metadata(parsed, document, tree, url)
    blocks = list(_blocks(document.body))
    if standfirst and not any(_same(standfirst, text) for _, text in blocks[:3]):
        blocks.insert(0, ("paragraph", standfirst))
    for kind, text in blocks:
        kept = _keep(kind, text, parsed)
        if kept:
            parsed.add(kind, kept)
    if not parsed.blocks:
        return None
    if parsed.title:
        parsed.blocks.insert(0, ("heading", parsed.title))
    return parsed


def _headline(tree: Any, title: str) -> str:
    """The article's own <h1>, else a page <h1> that is the declared title or a longer form of it."""
    for h1 in tree.iter("h1"):
        if any(parent.tag in ("article", "main") for parent in h1.iterancestors()):
            text = _clean(h1.text_content())
            if text:
                return text
    for h1 in tree.iter("h1"):
        text = _clean(h1.text_content())
        if text and title and (title.lower() in text.lower() or text.lower() in title.lower()):
            return text
    return title


def _blocks(body: Any) -> list[tuple[BlockKind, str]]:
    """Headings, paragraphs, quotes and list items of trafilatura's result, in order."""
    found: list[tuple[BlockKind, str]] = []
    for element in body.iter():
        kind = _BLOCK_TAGS.get(element.tag)
        if kind is None or (element.tag == "p" and element.getparent() is not None
                            and element.getparent().tag in ("quote", "item")):
            continue
        for lb in element.iter("lb"):
            lb.tail = " " + (lb.tail or "")
        text = _clean("".join(element.itertext()))
        if text:
            found.append((kind, text))
    return found


def _keep(kind: str, text: str, parsed: Parsed) -> str:
    """The block's text without furniture ("" to drop it); a date on the way is kept."""
    if _CREDIT.match(text) or _FURNITURE.match(text):
        return ""
    if kind == "heading" and parsed.title and _same(text, parsed.title):
        return ""  # the headline leads the article, wherever the extractor found it
    residue = strip_residue(text)
    if residue.date and parsed.date is None:
        parsed.date = residue.date
    return residue.text


def _standfirst(tree: Any) -> str | None:
    """The subtitle under the headline, from the first element a site marks as one."""
    for element in tree.iter("p", "h2", "h3", "div", "span"):
        marks = _marks(element)
        if not marks or not _STANDFIRST.search(marks) or _NOT_STANDFIRST.search(marks):
            continue
        if any(_NOT_STANDFIRST.search(_marks(parent)) for parent in element.iterancestors()):
            continue
        text = _clean(element.text_content())
        if 20 <= len(text) <= 500 and len(element) <= 3:
            return text
    return None


def _marks(element: Any) -> str:
    """An element's class, itemprop and id, the words sites mark their parts with."""
    return " ".join(filter(None, (element.get("class"), element.get("itemprop"), element.get("id"))))


def _metadata(parsed: Parsed, document: Any, tree: Any, url: str | None) -> None:
    """Author, site, date (ISO) and canonical URL from the page's own declarations."""
    parsed.author = _BYLINE.sub("", _clean(document.author)) or None
    parsed.site_name = _clean(document.sitename) or None
    parsed.date = _published(tree) or (parse_date(document.date) if document.date else None)
    canonical = _canonical(tree)
    parsed.source_url = canonical or document.url or url


def _published(tree: Any) -> str | None:
    """The publication date from JSON-LD datePublished, article:published_time or meta tags."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                found = _iso_date(item["datePublished"])
                if found:
                    return found
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                   "publishdate", "date", "dc.date", "dc.date.issued"):
            found = _iso_date(meta.get("content") or "")
            if found:
                return found
    return None


def _iso_date(value: str) -> str | None:
    """"2024-03-12T10:30:00+01:00" -> "2024-03-12"."""
    value = value.strip()
    return parse_date(value[:10]) or parse_date(value)


def _canonical(tree: Any) -> str | None:
    """`<link rel="canonical">`, else `og:url`, when it is an http(s) address."""
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return _http(link.get("href"))
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return _http(meta.get("content"))
    return None


def _http(value: str) -> str | None:
    """The value if it is an absolute http(s) URL."""
    value = value.strip()
    return value if value.lower().startswith(("http://", "https://")) else None


def _same(a: str, b: str) -> bool:
    """Two texts equal once case and spacing are set aside."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _clean(text: str | None) -> str:
    """Outside text made safe to show (character references may have decoded to escapes
    or controls after the page was cleaned) with whitespace collapsed; None -> ""."""
    return clean_line(text) if text else ""


_CONFIG: list[Any] = []


def _config() -> Any:
    """trafilatura's settings, with its own extraction trusted on short articles too (its
    default hands pages under 250 characters to a baseline that merges the whole page)."""
    if not _CONFIG:
        # lazy: heavy, loaded only by the command that needs it
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        _CONFIG.append(config)
    return _CONFIG[0]
