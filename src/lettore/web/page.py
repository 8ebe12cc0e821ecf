"""A news page by URL to an Article: fetch within the configured limits, decode, extract,
build; the stored URLs (canonical and fetched) let the library find it again."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lettore.config import Settings
from lettore.errors import UserError
from lettore.model import Article
from lettore.web.fetch import Fetched, FetchLimits, fetch
from lettore.web.urls import normalise_url

_PAGE_TYPES = frozenset({"", "text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class WebArticle:
    """An article read from the web and the URL it was finally fetched from."""

    article: Article
    fetched_url: str
    requested_url: str | None = None


def limits_from(settings: Settings | None) -> FetchLimits:
    """The fetch limits the config asks for (the defaults without one)."""
    settings = settings or Settings()
    return FetchLimits(
        connect_timeout=settings.fetch_connect_timeout,
        read_timeout=settings.fetch_read_timeout,
        deadline=settings.fetch_deadline,
        max_bytes=int(settings.fetch_max_mb * 1_000_000),
    )


def load_url(url: str, limits: FetchLimits | None = None) -> WebArticle:
    """Fetch and extract one article page; a UserError naming the URL for anything else."""
    return replace(article_from_page(url, fetch(url, limits)), requested_url=normalise_url(url))


def article_from_page(url: str, fetched: Fetched) -> WebArticle:
    """The article of a fetched page (the URL is the name errors use)."""
    from lettore.ingest import parse_page
    from lettore.ingest.article import build_article
    from lettore.ingest.clean import clean_text
    from lettore.web.charset import decode_page

    if fetched.media_type not in _PAGE_TYPES:
        raise UserError(
            f"{url}: not an HTML page (the server sent {fetched.media_type}); for a feed use `reader feed add`"
        )
    text = clean_text(decode_page(fetched.body, fetched.content_type, url))
    if not text.strip():
        raise UserError(f"{url}: the page is empty")
    parsed = parse_page(text, fetched.url)
    article = build_article(parsed, url, fetched.url, fetched.url)
    canonical = normalise_url(article.source_url or fetched.url)
    return WebArticle(replace(article, source_url=canonical, source_path=None), normalise_url(fetched.url))
