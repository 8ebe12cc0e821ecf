"""`feed update`: fetch every feed at once (conditional requests, so an unchanged feed
costs one 304), then each new item's page, up to `feed_jobs` requests at a time; pages are
stored and analysed on the calling thread as they arrive. Failures are counted, kept and
retried next time; they never stop the other feeds."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from lettore.config import Settings
from lettore.errors import UserError
from lettore.feeds import store
from lettore.feeds.parse import parse_feed
from lettore.web.fetch import fetch
from lettore.web.page import limits_from, load_url
from lettore.web.urls import normalise_url


@dataclass
class UpdateSummary:
    """What an update did, for the closing line and the progress bar."""

    new: list[int] = field(default_factory=list)
    already: int = 0
    unchanged_feeds: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (feed name or item URL, reason)
    notes: list[str] = field(default_factory=list)
    done: int = 0
    total: int = 0
    seconds: float = 0.0


Progress = Callable[[UpdateSummary], None]


def update_feeds(
    library: Any, feeds: list[store.Feed], settings: Settings, on_progress: Progress | None = None
) -> UpdateSummary:
    """Update `feeds`, importing every item not yet in the library."""
    started = time.monotonic()
    limits = limits_from(settings)
    summary = UpdateSummary(total=len(feeds))
    seen: set[str] = set()
    with ThreadPoolExecutor(max_workers=max(1, settings.feed_jobs)) as pool:
        work: dict[Future[Any], tuple[str, store.Feed, str]] = {
            pool.submit(fetch, feed.url, limits, feed.etag, feed.last_modified): ("feed", feed, feed.url)
            for feed in feeds
        }
        try:
            _drain(library, pool, work, limits, seen, summary, on_progress)
        except KeyboardInterrupt:
            for future in work:  # what is stored stays; queued fetches are dropped, not awaited
                future.cancel()
            raise
    summary.seconds = time.monotonic() - started
    return summary


def _drain(
    library: Any,
    pool: ThreadPoolExecutor,
    work: dict[Future[Any], tuple[str, store.Feed, str]],
    limits: Any,
    seen: set[str],
    summary: UpdateSummary,
    on_progress: Progress | None,
) -> None:
    """Handle answers as they come: a feed queues its new items, a page is stored."""
    while work:
        done, _ = wait(work, return_when=FIRST_COMPLETED)
        for future in done:
            kind, feed, url = work.pop(future)
            if kind == "feed":
                for item_url in _feed_done(library, feed, future, summary):
                    if _is_new(library, feed, item_url, seen, summary):
                        work[pool.submit(load_url, item_url, limits)] = ("page", feed, item_url)
                        summary.total += 1
            else:
                _page_done(library, feed, url, future, summary)
            summary.done += 1
            if on_progress is not None:
                on_progress(summary)


def _feed_done(library: Any, feed: store.Feed, future: Future[Any], summary: UpdateSummary) -> list[str]:
    """Record a feed's answer; the item URLs to consider (new ones and earlier failures)."""
    retry = store.failed_items(library.conn, feed.id)
    try:
        fetched = future.result()
        if fetched.not_modified:
            summary.unchanged_feeds += 1
            store.record_update(library.conn, feed.id, fetched.etag or feed.etag,
                                fetched.last_modified or feed.last_modified, None)
            return retry
        parsed = parse_feed(fetched.body, feed.url, fetched.content_type)
    except UserError as exc:
        summary.failed.append((feed.name, str(exc)))
        store.record_update(library.conn, feed.id, feed.etag, feed.last_modified, str(exc))
        return retry
    if parsed.problem:
        summary.notes.append(f"{feed.name}: malformed feed ({parsed.problem}); read {len(parsed.items)} items")
    store.record_update(library.conn, feed.id, fetched.etag, fetched.last_modified, None)
    return [item.url for item in parsed.items] + [url for url in retry if url not in {i.url for i in parsed.items}]


def _is_new(library: Any, feed: store.Feed, url: str, seen: set[str], summary: UpdateSummary) -> bool:
    """Whether the item still has to be fetched (not stored, not already queued this run)."""
    key = normalise_url(url)
    if key in seen:
        return False
    seen.add(key)
    if library.find_by_url(url) is not None:
        summary.already += 1
        store.set_item_failed(library.conn, feed.id, url, None)
        return False
    return True


def _page_done(library: Any, feed: store.Feed, url: str, future: Future[Any], summary: UpdateSummary) -> None:
    """Store and analyse a fetched item, or remember why it failed."""
    from lettore.pipeline import store_web_article

    try:
        article_id, created = store_web_article(library, future.result(), feed.id)
    except UserError as exc:
        summary.failed.append((url, str(exc)))
        store.set_item_failed(library.conn, feed.id, url, str(exc))
        return
    store.set_item_failed(library.conn, feed.id, url, None)
    if created:
        summary.new.append(article_id)
    else:
        summary.already += 1
