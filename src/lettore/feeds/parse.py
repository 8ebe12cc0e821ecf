"""Feed bytes to items with feedparser (RSS 0.9x/1.0/2.0, Atom): a malformed feed gives
what could be read, and says so."""

from __future__ import annotations

from dataclasses import dataclass, field

from lettore.errors import UserError


@dataclass(frozen=True)
class Item:
    """One entry: the article's page and its title."""

    url: str
    title: str


@dataclass
class ParsedFeed:
    """A feed's title and items, and the parser's complaint if it was malformed."""

    title: str | None
    items: list[Item] = field(default_factory=list)
    problem: str | None = None


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The items of a fetched feed; a UserError when nothing at all could be read."""
    import feedparser  # lazy on purpose: only the feed commands need it

    headers = {"content-type": content_type} if content_type else {}
    result = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    items = []
    for entry in result.entries:
        link = entry.get("link") or ""
        if link.startswith(("http://", "https://")):
            items.append(Item(link.strip(), " ".join(str(entry.get("title") or link).split())))
    problem = None
    if result.get("bozo"):
        problem = " ".join(str(result.get("bozo_exception") or "malformed").split())[:160]
    if not items and (problem or not result.get("version")):
        raise UserError(f"{url}: not a readable RSS or Atom feed ({problem or 'no items'})")
    title = " ".join(str(result.feed.get("title") or "").split()) or None
    return ParsedFeed(title, items, problem)
