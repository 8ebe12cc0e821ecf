"""The import-time analysis of feed items in worker processes, so it runs on other cores
than the calling process's downloads, extraction and storage (which the GIL keeps on one
core) instead of taking that core's time from them; an update with only a few articles
analyses them on the calling thread. A worker loads the models once, when it starts, and
never touches the library: it returns entities and claims, and the calling thread stores
them. Measured by benchmarks/bench_feeds.py (400 articles of 100 words, 2 cores): with
the lexical subjectivity model (4 ms an article) workers and the calling thread come out
even; with the sentence encoder (about 0.2 s an article) the analysis dominates and only
the workers spread it over the cores."""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from lettore.model import Article, Block, Claim, Entity, Sentence, SentenceKey, Translation

MAX_AUTO_JOBS = 8  # each worker holds its own copy of the models (about 200 MB)
MIN_ARTICLES_FOR_WORKERS = 4

Analysis = tuple[list[Entity], list[Claim]]


def worker_count(configured: int) -> int:
    """The `analysis_jobs` setting as a number of processes; 0: one per core but the one the
    calling process's downloads, extraction and storage need, at most 8."""
    return configured if configured > 0 else max(1, min((os.cpu_count() or 1) - 1, MAX_AUTO_JOBS))


def workers_pay_off(remaining: int) -> bool:
    """Whether enough articles are still to come to pay for starting workers (a worker's
    start, about a second of CPU, is mostly the model loading the calling thread would do
    anyway; what it adds is paid back within a few articles)."""
    return remaining >= MIN_ARTICLES_FOR_WORKERS


class AnalysisPool:
    """`with AnalysisPool(jobs) as pool:` `pool.expect(n)` for the pages queued,
    `pool.submit(article, translations)` for each to analyse. The analysis runs on the
    calling thread (the future comes back done) unless `workers_pay_off`; from then on in
    `jobs` worker processes, so an update with nothing new, or with a few articles, starts none."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._executor: ProcessPoolExecutor | None = None
        self._expected = 0
        self._submitted = 0

    @property
    def uses_workers(self) -> bool:
        """Whether the analyses now go to worker processes."""
        return self._executor is not None

    def expect(self, pages: int) -> None:
        """Count pages queued for download: articles that may come to analyse."""
        self._expected += pages

    def submit(self, article: Article, translations: dict[SentenceKey, Translation]) -> Future[Analysis]:
        """Analyse `article` here or in a worker; a pool broken by a worker that died is replaced."""
        self._submitted += 1
        if self._executor is None:
            if not workers_pay_off(self._expected - self._submitted + 1):
                return self._here(article, translations)
            self._executor = _start(self.jobs)
        try:
            return self._executor.submit(analyse_in_worker, article, translations)
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = _start(self.jobs)
            return self._executor.submit(analyse_in_worker, article, translations)

    def _here(self, article: Article, translations: dict[SentenceKey, Translation]) -> Future[Analysis]:
        """The analysis on the calling thread; a done future."""
        future: Future[Analysis] = Future()
        try:
            future.set_result(analyse_in_worker(article, translations))
        except Exception as exc:  # raised again by future.result(), as from a worker
            future.set_exception(exc)
        return future

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
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_prepare_worker)
    for _ in range(jobs):  # start them all now, each loading its models before its first article
        executor.submit(_warm_up)
    return executor


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
