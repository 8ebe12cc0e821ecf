"""The import-time analysis of feed items in worker processes, so a feed update analyses
on every core while it fetches the next pages instead of on the one thread the GIL allows.
A worker loads the models once, when it starts, and never touches the library: it
returns entities and claims, and the calling thread stores them with the article."""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from lettore.model import Article, Block, Claim, Entity, Sentence, SentenceKey, Translation

MAX_AUTO_JOBS = 8  # each worker holds its own copy of the models (about 200 MB)

Analysis = tuple[list[Entity], list[Claim]]


def worker_count(configured: int) -> int:
    """The `analysis_jobs` setting as a number of processes (0: one per core, at most 8)."""
    return configured if configured > 0 else max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS))


class AnalysisPool:
    """`with AnalysisPool(jobs) as pool: pool.submit(article, translations)`; the worker
    processes start on the first submit, so an update with nothing new starts none."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start the workers and load their models now (they take about a second), so they
        are ready by the time the first page has downloaded; idempotent."""
        if self._executor is None:
            self._executor = _start(self.jobs)
            for _ in range(self.jobs):
                self._executor.submit(_warm_up)

    def submit(self, article: Article, translations: dict[SentenceKey, Translation]) -> Future[Analysis]:
        """Analyse `article` in a worker; a pool broken by a worker that died is replaced."""
        self.start()
        assert self._executor is not None
        try:
            return self._executor.submit(analyse_in_worker, article, translations)
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = _start(self.jobs)
            return self._executor.submit(analyse_in_worker, article, translations)

    def close(self, cancel: bool = False) -> None:
        """Let the workers finish (or, with `cancel`, drop what has not started) and stop them."""
        if self._executor is not None:
            self._executor.shutdown(wait=not cancel, cancel_futures=cancel)
            self._executor = None

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(cancel=kind is not None)


def _start(jobs: int) -> ProcessPoolExecutor:
    """Fresh interpreters ("spawn"): forking a process that runs fetch threads is unsafe."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_prepare_worker)


def _prepare_worker() -> None:
    """Ctrl-C is the parent's to handle (it drops the pool); one compute thread per worker,
    since the workers are the parallelism (the sentence encoder's OpenMP threads would
    otherwise compete for the same cores, several times slower on a busy machine)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OMP_NUM_THREADS"] = "1"


def _warm_up() -> None:
    """Load the analysis models by analysing a one-word article (runs in a worker process)."""
    analyse_in_worker(Article("", (Block(0, "paragraph", "Roma.", (Sentence(0, "Roma.", 0, 5),)),)), {})


def analyse_in_worker(article: Article, translations: dict[SentenceKey, Translation]) -> Analysis:
    """Entities and claims of an article not stored yet (runs in a worker process)."""
    # lazy: the analysis models load in the worker, on its first article, and stay loaded
    from lettore.analyse.run import analyse_article

    return analyse_article(article, translations)
