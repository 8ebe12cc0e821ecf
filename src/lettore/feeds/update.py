"""`feed update`: fetch every feed at once (conditional requests, so an unchanged feed
costs one 304), then each new item's page, up to `feed_jobs` requests at a time; each new
page is analysed (in worker processes unless there are only a few, see `analysis_pool`)
while the next ones download, and stored, with its analysis, by the
calling thread. Failures are counted, kept and retried next time; they
never stop the other feeds."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from lettore.config import Settings
from lettore.errors import UserError
from lettore.feeds import store
from lettore.feeds.analysis_pool import AnalysisPool, worker_count
from lettore.feeds.parse import parse_feed
from lettore.web.fetch import fetch
from lettore.web.page import WebArticle, limits_from, load_url
from lettore.web.urls import normalise_url


@dataclass
class UpdateSummary:
    """What an update did, for the closing line and the progress bar."""

    new: list[int] = field(default_factory=list)
    already: int = 0
    unchanged_feeds: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (feed name or item URL, reason)
    notes: list[str] = field(default_factory=list)
    done: int = 0  # feeds answered and items finished (stored, already there or failed)
    total: int = 0
    seconds: float = 0.0


Progress = Callable[[UpdateSummary], None]


@dataclass
class _Item:
    """One item on its way in: its feed, its URL, and once fetched its page and the
    memory translations its analysis is made with."""

    feed: store.Feed
    url: str
    page: WebArticle | None = None
    translations: dict[Any, Any] = field(default_factory=dict)


def update_feeds(
    library: Any, feeds: list[store.Feed], settings: Settings, on_progress: Progress | None = None
) -> UpdateSummary:
    """Update `feeds`, importing every item not yet in the library."""
    started = time.monotonic()
    summary = UpdateSummary(total=len(feeds))
    with ThreadPoolExecutor(max_workers=max(1, settings.feed_jobs)) as fetchers, \
            AnalysisPool(worker_count(settings.analysis_jobs)) as analysis:
        run = _Run(library, fetchers, analysis, limits_from(settings), summary, on_progress)
        for feed in feeds:
            run.work[fetchers.submit(fetch, feed.url, run.limits, feed.etag, feed.last_modified)] = ("feed", feed)
        try:
            run.drain()
        except KeyboardInterrupt:
            for future in run.work:  # what is stored stays; queued fetches and analyses are dropped
                future.cancel()
            raise
    summary.seconds = time.monotonic() - started
    return summary


class _Run:
    """The state of one update: requests and analyses in flight, and what they are for."""

    def __init__(self, library: Any, fetchers: ThreadPoolExecutor, analysis: AnalysisPool, limits: Any,
                 summary: UpdateSummary, on_progress: Progress | None) -> None:
        self.library, self.fetchers, self.analysis, self.limits = library, fetchers, analysis, limits
        self.summary, self.on_progress = summary, on_progress
        self.work: dict[Future[Any], tuple[str, Any]] = {}
        self.seen: set[str] = set()  # item URLs queued this run
        self.analysing: dict[str, Future[Any]] = {}  # canonical URL, fetched URL or content hash -> its analysis
        self.waiting: dict[Future[Any], list[_Item]] = {}  # pages that are the same as one being analysed

    def drain(self) -> None:
        """Handle answers as they come: a feed queues its new items, a page goes to the
        analysis, an analysis is stored with its article."""
        while self.work:
            done, _ = wait(self.work, return_when=FIRST_COMPLETED)
            for future in done:
                kind, what = self.work.pop(future)
                if kind == "feed":
                    self._feed_done(what, future)
                    self._finished()
                elif kind == "page":
                    self._page_done(what, future)
                else:
                    self._analysis_done(what, future)

    def _finished(self) -> None:
        """One feed or item done: tell the progress bar."""
        self.summary.done += 1
        if self.on_progress is not None:
            self.on_progress(self.summary)

    def _feed_done(self, feed: store.Feed, future: Future[Any]) -> None:
        """Queue the fetch of each item to consider that is not in the library yet."""
        queued = []
        for url in _items_to_consider(self.library, feed, future, self.summary):
            key = normalise_url(url)
            if key in self.seen:
                continue
            self.seen.add(key)
            if self.library.find_by_url(url) is not None:
                self.summary.already += 1
                store.set_item_failed(self.library.conn, feed.id, url, None)
                continue
            queued.append(url)
        store.mark_pending(self.library.conn, feed.id, queued)
        self.analysis.expect(len(queued))
        for url in queued:
            self.work[self.fetchers.submit(load_url, url, self.limits)] = ("page", _Item(feed, url))
            self.summary.total += 1

    def _page_done(self, item: _Item, future: Future[Any]) -> None:
        """A fetched page: send it to the analysis, or note why it failed."""
        try:
            item.page = future.result()
        except UserError as exc:
            self._failed(item, str(exc))
            return
        self._consider(item)

    def _consider(self, item: _Item) -> None:
        """Analyse a page unless it is already stored, or already being analysed (then it
        waits for that one, and is found in the library once that one is stored)."""
        assert item.page is not None
        keys = _identity(item.page)
        leader = next((self.analysing[key] for key in keys if key in self.analysing), None)
        if leader is not None:
            self.waiting[leader].append(item)
            return
        article = item.page.article
        if self.library.find_by_url(article.source_url, item.page.fetched_url) is not None \
                or self.library.find_by_hash(article.content_hash) is not None:
            self._store(item, None)
            return
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.translate.memory import memory_translations

        item.translations = memory_translations(self.library, article)
        analysis = self.analysis.submit(article, item.translations)
        self.work[analysis] = ("analysis", item)
        self.waiting[analysis] = []
        self.analysing.update(dict.fromkeys(keys, analysis))

    def _analysis_done(self, item: _Item, future: Future[Any]) -> None:
        """Store the article with its analysis, then the pages that waited for it."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.pipeline import Analysed

        assert item.page is not None
        for key in _identity(item.page):
            self.analysing.pop(key, None)
        try:
            entities, claims = future.result()
        except BrokenProcessPool:
            self._failed(item, f"{item.url}: the analysis stopped (its worker process ended unexpectedly)")
        else:
            self._store(item, Analysed(item.translations, entities, claims))
        for waiting in self.waiting.pop(future):
            self._consider(waiting)

    def _store(self, item: _Item, analysed: Any) -> None:
        """Store a page (with its analysis) unless it is in the library already."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.pipeline import store_web_article

        assert item.page is not None
        try:
            article_id, created = store_web_article(self.library, item.page, item.feed.id, analysed)
        except UserError as exc:
            self._failed(item, str(exc))
            return
        store.set_item_failed(self.library.conn, item.feed.id, item.url, None)
        if created:
            self.summary.new.append(article_id)
        else:
            self.summary.already += 1
        self._finished()

    def _failed(self, item: _Item, reason: str) -> None:
        """Count and keep a failed item: the next update retries it."""
        self.summary.failed.append((item.url, reason))
        store.set_item_failed(self.library.conn, item.feed.id, item.url, reason)
        self._finished()


def _identity(page: WebArticle) -> list[str]:
    """What makes two pages the same article: canonical URL, fetched URL, content."""
    article = page.article
    return [key for key in (article.source_url, page.fetched_url, f"content:{article.content_hash}") if key]


def _items_to_consider(library: Any, feed: store.Feed, future: Future[Any], summary: UpdateSummary) -> list[str]:
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
