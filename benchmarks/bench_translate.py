"""Prepare 500 sentences against a local LibreTranslate stand-in with 100 ms latency.

Prints the wall time against the ideal ceil(500 / jobs) x 100 ms (target <= 1.3x), then
a second prepare of the same articles (target: 0 requests, <= 1 s).
Run: PYTHONPATH=src python benchmarks/bench_translate.py [--jobs 4]
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

from _common import jobs_option, numbered_library, use_source_tree

use_source_tree(fakes=True)

from fakes.libre_server import LibreServer  # noqa: E402
from lettore.config import Settings  # noqa: E402
from lettore.translate.prepare import prepare_articles  # noqa: E402

LATENCY = 0.1


def main() -> int:
    """Run both measurements and print the figures."""
    jobs = jobs_option()
    with tempfile.TemporaryDirectory() as tmp, LibreServer(latency=LATENCY) as server:
        library, ids = numbered_library(Path(tmp))
        sentences = sum(library.get_article(i).sentence_count() for i in ids)
        settings = Settings(engines=("memory", "libre"), engine_urls={"libre": server.url},
                            jobs=jobs, timeout=5.0)
        start = time.perf_counter()
        first = prepare_articles(library, settings, ids)
        wall = time.perf_counter() - start
        ideal = math.ceil(sentences / jobs) * LATENCY
        print(f"sentences: {sentences}, jobs: {jobs}, latency: {LATENCY * 1000:.0f} ms")
        print(f"first prepare: {wall:.2f} s, ideal {ideal:.2f} s, ratio {wall / ideal:.3f}"
              f" (target <= 1.3); requests {server.count}; translated {first.translated};"
              f" failed {first.failed}; peak concurrency {server.max_in_flight}")
        before = server.count
        start = time.perf_counter()
        second = prepare_articles(library, settings, ids)
        again = time.perf_counter() - start
        print(f"second prepare: {again:.3f} s (target <= 1 s); requests {server.count - before}"
              f" (target 0); sentences needing work {second.total}")
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
