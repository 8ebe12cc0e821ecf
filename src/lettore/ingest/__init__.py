"""Turn a file or bytes into an Article: decode, clean, parse (text, Markdown or HTML),
drop scraping residue, segment. Every problem a user can cause is a UserError."""

from __future__ import annotations

import os
import re
from pathlib import Path

from lettore.errors import UserError
from lettore.ingest.article import build_article, content_hash, shorten
from lettore.ingest.clean import clean_text
from lettore.ingest.decode import decode_bytes
from lettore.ingest.parsed import Parsed
from lettore.model import Article
from lettore.text_clean import clean_name
from lettore.userfiles import read_user_bytes

__all__ = ["FORMATS", "content_hash", "guess_format", "load_bytes", "load_path", "shorten"]

FORMATS = ("txt", "md", "html")
_ALIASES = {
    "txt": "txt", "text": "txt", "plain": "txt",
    "md": "md", "markdown": "md", "mdown": "md", "mkd": "md",
    "html": "html", "htm": "html", "xhtml": "html",
}
_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article|h[1-6])[\s>][^<]*</",
    re.IGNORECASE,
)
_MD_SNIFF = re.compile(r"^#{1,6}\s+\S|^\s{0,3}```|\]\([^)\s]+\)|^---\s*$\n(?:.*\n)*?\w+:", re.MULTILINE)


def load_path(path: str | Path) -> Article:
    """Read an article file (.txt, .md, .html) from disk."""
    path = Path(path).expanduser()
    data = read_user_bytes(path, "a .txt, .md or .html file")
    shown, stem = clean_name(str(path)), clean_name(path.stem)
    return _load(data, shown, stem, clean_name(os.path.abspath(path)), _format_from_suffix(path.name))


def load_bytes(data: bytes, name: str = "<stdin>", fmt: str | None = None) -> Article:
    """Read an article from bytes; `fmt` is txt, md or html, else guessed from `name`."""
    if fmt is not None:
        chosen = _ALIASES.get(fmt.lower().lstrip("."))
        if chosen is None:
            raise UserError(f"unknown format {fmt!r}: use txt, md or html")
    else:
        chosen = _format_from_suffix(name)
    stem = Path(name).stem if name != "<stdin>" else "stdin"
    return _load(data, name, stem or name, name, chosen)


def guess_format(text: str, name: str = "") -> str:
    """The format a file is in: its suffix says, else its content does."""
    return _format_from_suffix(name) or _sniff(text)


def _load(data: bytes, name: str, stem: str, source_path: str, fmt: str | None) -> Article:
    """Decode, clean, parse and build."""
    text = clean_text(decode_bytes(data, name))
    if not text.strip():
        raise UserError(f"{name} is empty: there is no text to read")
    fmt = fmt or _sniff(text)
    if fmt == "html":
        parsed = parse_page(text)
    elif fmt == "md":
        from lettore.ingest.markdown import parse_markdown

        parsed = parse_markdown(text)
    else:
        from lettore.ingest.text import parse_text

        parsed = parse_text(text)
    return build_article(parsed, name, stem, source_path)


def parse_page(text: str, url: str | None = None) -> Parsed:
    """An HTML page's article: trafilatura's extraction, else the plain block parser.

    Character references to what clean_text removes (`&#x1b;`, `&#x202e;`...) are dropped
    first: decoded by the parser they would bring back what cleaning took out."""
    from lettore.ingest.extract import extract_html

    text = _CHAR_REF.sub(_safe_reference, text)
    parsed = extract_html(text, url)
    if parsed is None:
        from lettore.ingest.html import parse_html

        parsed = parse_html(text)
    return parsed


_CHAR_REF = re.compile(r"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});?")


def _safe_reference(match: re.Match[str]) -> str:
    """A numeric character reference kept, unless it names an invisible or control character."""
    digits = match.group(1)
    code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
    if code > 0x10FFFF or (code >= 0x20 and clean_text(chr(code))):
        return match.group(0)
    return " " if code in (9, 10, 13) else ""


def _format_from_suffix(name: str) -> str | None:
    """txt/md/html from a file name's suffix, None when it says nothing."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return _ALIASES.get(suffix)


def _sniff(text: str) -> str:
    """Guess the format from the first few kilobytes."""
    head = text[:8192]
    if _HTML_SNIFF.search(head):
        return "html"
    if _MD_SNIFF.search(head):
        return "md"
    return "txt"
