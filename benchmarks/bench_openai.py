"""Prepare 500 sentences through the openai engine against a local fake at 100 ms latency.

One request per paragraph (7 sentences), `jobs` requests at once: prints the wall time
against the ideal ceil(paragraphs / jobs) x 100 ms (target <= 1.3x).
Run: PYTHONPATH=src python benchmarks/bench_openai.py [--jobs 4]
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

from _common import jobs_option, numbered_library, use_source_tree

use_source_tree(fakes=True)

from fakes.openai_server import OpenAIServer  # noqa: E402
from lettore.config import Settings  # noqa: E402
from lettore.translate.prepare import prepare_articles  # noqa: E402

LATENCY = 0.1


def main() -> int:
    """Run the measurement and print the figures."""
    jobs = jobs_option()
    with tempfile.TemporaryDirectory() as tmp, OpenAIServer(latency=LATENCY) as server:
        library, ids = numbered_library(Path(tmp))
        sentences = sum(library.get_article(i).sentence_count() for i in ids)
        paragraphs = sum(len(library.get_article(i).blocks) for i in ids)
        settings = Settings(engines=("memory", "openai"), jobs=jobs,
                            openai={"url": server.url, "model": "fake", "timeout": 5.0})
        start = time.perf_counter()
        report = prepare_articles(library, settings, ids)
        wall = time.perf_counter() - start
        ideal = math.ceil(paragraphs / jobs) * LATENCY
        print(f"sentences: {sentences} in {paragraphs} paragraphs, jobs: {jobs},"
              f" latency: {LATENCY * 1000:.0f} ms")
        print(f"prepare: {wall:.2f} s, ideal {ideal:.2f} s, ratio {wall / ideal:.3f}"
              f" (target <= 1.3); requests {server.count}; translated {report.translated};"
              f" failed {report.failed}; peak concurrency {server.max_in_flight}")
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
