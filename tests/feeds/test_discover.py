"""Feed autodiscovery from a page's `<link rel="alternate">` tags."""

from __future__ import annotations

from lettore.feeds.discover import feed_links

PAGE = "https://www.gazzetta.it/cronaca/oggi.html"


def test_feed_links_are_found_in_page_order_resolved_and_without_repeats() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="/s.css">'
        '<link rel="alternate" type="application/rss+xml" title="Tutto" href="/rss/tutto.xml">'
        '<LINK REL="Alternate feed" TYPE="application/atom+xml; charset=utf-8" HREF="../atom.xml"/>'
        '<link rel="alternate" type="application/rss+xml" href="https://www.gazzetta.it/rss/tutto.xml">'
        '<link rel="alternate" hreflang="en" href="/en/">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        "</head><body></body></html>"
    )
    assert feed_links(html, PAGE) == ["https://www.gazzetta.it/rss/tutto.xml", "https://www.gazzetta.it/atom.xml"]


def test_a_base_href_changes_what_relative_links_resolve_against() -> None:
    html = ('<head><base href="https://feeds.gazzetta.it/it/"><link rel="alternate"'
            ' type="application/atom+xml" href="ultime.xml"></head>')
    assert feed_links(html, PAGE) == ["https://feeds.gazzetta.it/it/ultime.xml"]


def test_a_page_without_feed_links_has_none() -> None:
    assert feed_links("<html><body><a href='/rss.xml'>RSS</a></body></html>", PAGE) == []
