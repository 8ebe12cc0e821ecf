"""OPML subscription lists in and out (the format every feed reader exchanges); read with
defusedxml, so an entity bomb or external entity in a file is refused, not expanded."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from lettore.errors import UserError


def read_opml(path: Path) -> list[tuple[str, str]]:
    """(name, feed URL) of every outline with an xmlUrl, in file order."""
    from defusedxml import DefusedXmlException  # lazy: only `feed import` reads OPML

    # lazy: heavy, loaded only by the command that needs it
    from defusedxml.ElementTree import parse

    try:
        root = parse(str(path)).getroot()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (ElementTree.ParseError, DefusedXmlException, OSError) as exc:
        raise UserError(f"{path}: not a readable OPML file ({exc})") from None
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            name = " ".join((outline.get("title") or outline.get("text") or url).split())
            feeds.append((name, url))
    if not feeds:
        raise UserError(f"{path}: no feeds in this OPML file (no outline has an xmlUrl)")
    return feeds


def write_opml(path: Path, feeds: list[tuple[str, str]]) -> None:
    """An OPML 2.0 file listing the feeds."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "lettore feeds"
    body = ElementTree.SubElement(root, "body")
    for name, url in feeds:
        ElementTree.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=url)
    ElementTree.indent(root)
    try:
        path.write_bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from None
