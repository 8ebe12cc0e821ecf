"""Feed autodiscovery: the RSS and Atom feeds a web page names in its
`<link rel="alternate" type="application/rss+xml|atom+xml" href=...>` tags, so
`reader feed add` accepts a site's home page as well as the feed's own address."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def feed_links(html: str, page_url: str) -> list[str]:
    """The page's feed addresses in page order, without repeats, resolved against the page
    URL (or its `<base href>`); only http(s) ones."""
    finder = _LinkFinder()
    finder.feed(html)
    finder.close()
    base = urljoin(page_url, finder.base) if finder.base else page_url
    found = [urljoin(base, href) for href in finder.hrefs]
    return list(dict.fromkeys(url for url in found if url.startswith(("http://", "https://"))))


class _LinkFinder(HTMLParser):
    """Collects `<base href>` and the hrefs of feed `<link rel="alternate">` tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        if tag != "link" or not values.get("href"):
            return
        rels = values.get("rel", "").lower().split()
        media = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and media in FEED_TYPES:
            self.hrefs.append(values["href"])

    handle_startendtag = handle_starttag
