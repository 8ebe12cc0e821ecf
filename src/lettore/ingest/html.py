"""HTML to blocks with the standard library's event parser: article text kept, page chrome
(scripts, navigation, asides, forms) dropped, and no recursion, so any nesting depth is safe."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from lettore.ingest.parsed import Parsed
from lettore.ingest.residue import parse_date, strip_residue
from lettore.model import BlockKind

_DROP = frozenset(
    """script style nav header footer aside iframe noscript form svg template button select
    textarea object canvas math dialog""".split()
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = _HEADINGS | {"p", "li", "blockquote"}
# Elements whose edges end any loose text (text not inside a p/li/heading).
_CONTAINERS = frozenset(
    """div section article main body ul ol dl dt dd table tr td th thead tbody figure
    figcaption pre address details summary center""".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_DATE_META = frozenset(
    """article:published_time og:article:published_time datepublished date dc.date
    dc.date.issued pubdate publishdate publish-date sailthru.date""".split()
)


@dataclass
class _Open:
    """An open element and what opening it switched on."""

    tag: str
    effect: str | None = None  # "drop", "main", "title", "masthead"


@dataclass
class _Block:
    """A finished block and whether it lay inside <article>/<main>."""

    kind: BlockKind
    text: str
    in_main: bool
    tag: str


class _ArticleParser(HTMLParser):
    """Collects blocks, title candidates and the publication date in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.open_count: Counter[str] = Counter()
        self.dropping = 0
        self.in_main = 0
        self.masthead = 0  # an article's own <header>: keep its headings only
        self.in_title = 0
        self.title_parts: list[str] = []
        self.buffer: list[str] = []
        self.kind: BlockKind = "paragraph"
        self.tag = ""
        self.buffer_in_main = False
        self.blocks: list[_Block] = []
        self.meta_date: str | None = None
        self.time_date: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: maybe start a block, maybe start dropping."""
        if tag in _VOID:
            self._void(tag, dict(attrs))
            return
        effect = None
        if tag == "header" and self.in_main and not self.dropping:
            effect = "masthead"
            self.masthead += 1
        elif tag in _DROP:
            effect = "drop"
            self.dropping += 1
        elif tag in ("article", "main"):
            effect = "main"
            self._flush()
            self.in_main += 1
        elif tag == "title":
            effect = "title"
            self.in_title += 1
        elif tag == "time" and self.time_date is None:
            self.time_date = _date_from(dict(attrs).get("datetime"))
        self.stack.append(_Open(tag, effect))
        self.open_count[tag] += 1
        if tag in _BLOCKS or tag in _CONTAINERS:
            self._flush()
            self.kind = "heading" if tag in _HEADINGS else "paragraph"
            self.tag = tag if tag in _BLOCKS else ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (<br/>, <p/>) opens nothing."""
        if tag in _VOID:
            self._void(tag, dict(attrs))
        elif tag in _BLOCKS or tag in _CONTAINERS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """Close an element and any left open inside it; a stray end tag is ignored."""
        if not self.open_count[tag]:
            return
        while self.stack:
            element = self.stack.pop()
            self.open_count[element.tag] -= 1
            if element.tag in _BLOCKS or element.tag in _CONTAINERS:
                self._flush()
            self._undo(element.effect)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        """Text goes to the title or to the current block unless it is being dropped."""
        if self.dropping:
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if not self.buffer:
            if not data.strip():
                return
            self.buffer_in_main = self.in_main > 0
        self.buffer.append(data)

    def close(self) -> None:
        """Finish parsing and keep the last block."""
        super().close()
        self._flush()

    def _void(self, tag: str, attrs: dict[str, str | None]) -> None:
        """Line breaks, rules and metadata."""
        if tag == "br" and self.buffer:
            self.buffer.append(" ")
        elif tag == "hr":
            self._flush()
        elif tag == "meta" and self.meta_date is None:
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            if key.lower() in _DATE_META:
                self.meta_date = _date_from(attrs.get("content"))

    def _undo(self, effect: str | None) -> None:
        """Switch off what opening an element switched on."""
        if effect == "drop":
            self.dropping -= 1
        elif effect == "main":
            self.in_main -= 1
        elif effect == "title":
            self.in_title -= 1
        elif effect == "masthead":
            self.masthead -= 1

    def _flush(self) -> None:
        """End the current block (in an article's masthead only headings survive)."""
        if self.buffer:
            text = " ".join("".join(self.buffer).split())
            if text and not (self.masthead and self.kind != "heading"):
                self.blocks.append(_Block(self.kind, text, self.buffer_in_main, self.tag))
            self.buffer = []
        self.kind = "paragraph"
        self.tag = ""


def parse_html(text: str) -> Parsed:
    """Extract an article's blocks, title and date from an HTML page."""
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    blocks = parser.blocks
    if any(block.in_main for block in blocks):
        blocks = [block for block in blocks if block.in_main]
    parsed = Parsed(date=parser.meta_date or parser.time_date)
    for block in blocks:
        content = block.text
        if block.kind == "paragraph":
            residue = strip_residue(content)
            if residue.date and parsed.date is None:
                parsed.date = residue.date
            content = residue.text
        parsed.add(block.kind, content)
    h1 = next((block.text for block in blocks if block.tag == "h1"), None)
    title = " ".join("".join(parser.title_parts).split())
    parsed.title = h1 or title or None
    return parsed


def _date_from(value: str | None) -> str | None:
    """An ISO timestamp or date attribute -> "YYYY-MM-DD"."""
    if not value:
        return None
    value = value.strip()
    return parse_date(value[:10]) or parse_date(value)
