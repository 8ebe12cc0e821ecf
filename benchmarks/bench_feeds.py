"""`reader feed update` of 20 feeds × 20 items against a local news site answering every
request after 100 ms: wall time against the ideal for the configured concurrency
(requests × latency / feed_jobs), with the import-time analysis and without it (that
analysis runs on the calling thread, CPU-bound), then a second update that should send only conditional
requests and import nothing. Run: `PYTHONPATH=src:tests python benchmarks/bench_feeds.py`."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _common import use_source_tree

use_source_tree(fakes=True)

from fakes.news_site import publish  # noqa: E402
from fakes.web_server import WebServer  # noqa: E402
from lettore.config import Settings  # noqa: E402
from lettore.feeds import store  # noqa: E402
from lettore.feeds.update import update_feeds  # noqa: E402
from lettore.store import Library  # noqa: E402

FEEDS, ITEMS, LATENCY = 20, 20, 0.1


def main() -> None:
    run("with import-time analysis")
    import lettore.pipeline

    lettore.pipeline.analyse_and_store = lambda library, article: None  # type: ignore[assignment]
    run("network, extraction and storage only (analysis skipped)")


def run(label: str) -> None:
    """One fresh library, two updates, the figures."""
    print(f"-- {label}")
    settings = Settings()
    with WebServer(latency=LATENCY) as site, tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.sqlite3")
        for feed in range(FEEDS):
            store.add_feed(library.conn, f"feed{feed}", publish(site, feed, range(ITEMS)))
        requests = FEEDS * (ITEMS + 1)
        ideal = requests * LATENCY / settings.feed_jobs
        began = time.perf_counter()
        first = update_feeds(library, store.list_feeds(library.conn), settings)
        wall = time.perf_counter() - began
        print(f"first update: {len(first.new)} new, {len(first.failed)} failed, {requests} requests,"
              f" {wall:.2f} s wall; ideal at {settings.feed_jobs} at a time {ideal:.2f} s; ratio {wall / ideal:.2f}x")
        sent = len(site.requests)
        began = time.perf_counter()
        second = update_feeds(library, store.list_feeds(library.conn), settings)
        wall2 = time.perf_counter() - began
        extra = site.requests[sent:]
        conditional = sum(1 for r in extra if "if-none-match" in r.headers or "if-modified-since" in r.headers)
        ideal2 = FEEDS * LATENCY / settings.feed_jobs
        print(f"second update: {len(second.new)} new, {second.unchanged_feeds} feeds unchanged, {len(extra)} requests"
              f" ({conditional} conditional), {wall2:.2f} s wall; ideal {ideal2:.2f} s")
        library.close()


if __name__ == "__main__":
    main()
