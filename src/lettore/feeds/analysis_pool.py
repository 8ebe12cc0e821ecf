"""The import-time analysis of feed items: on the calling thread for a few cheap ones,
in worker processes once they pay for their start, so the analysis runs on other cores
than the downloads, the extraction and the storage (the calling process's work, which
the GIL keeps on one core). A worker loads the models once, when it starts, and never
touches the library: it returns entities and claims, and the calling thread stores them."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from lettore.model import Article, Block, Claim, Entity, Sentence, SentenceKey, Translation

MAX_AUTO_JOBS = 8  # each worker holds its own copy of the models (about 200 MB)

Analysis = tuple[list[Entity], list[Claim]]


def worker_count(configured: int) -> int:
    """The `analysis_jobs` setting as a number of processes; 0: one per core but the one the
    calling process's downloads, extraction and storage need, at most 8."""
    return configured if configured > 0 else max(1, min((os.cpu_count() or 1) - 1, MAX_AUTO_JOBS))


def workers_pay_off(analysis_seconds: list[float], remaining: int) -> bool:
    """Whether the articles still to come would take the calling thread longer to analyse
    than a worker takes to start: their number times the mean time of the analyses made
    here, against the first of those (it loaded the models, as a starting worker does);
    undecided (False) until two analyses besides the first are measured."""
    measured = analysis_seconds[1:]
    if len(measured) < 2:
        return False
    return sum(measured) / len(measured) * remaining > analysis_seconds[0]


class AnalysisPool:
    """`with AnalysisPool(jobs) as pool:` `pool.expect(n)` for the pages queued,
    `pool.submit(article, translations)` for each to analyse. The analysis runs on the
    calling thread (the future comes back done) until `workers_pay_off`; from then on in
    `jobs` worker processes, so an update with nothing new, or with a few articles, starts none."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._executor: ProcessPoolExecutor | None = None
        self._analysis_seconds: list[float] = []
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
            if not workers_pay_off(self._analysis_seconds, self._expected - self._submitted):
                return self._here(article, translations)
            self._executor = _start(self.jobs)
        try:
            return self._executor.submit(analyse_in_worker, article, translations)
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = _start(self.jobs)
            return self._executor.submit(analyse_in_worker, article, translations)

    def _here(self, article: Article, translations: dict[SentenceKey, Translation]) -> Future[Analysis]:
        """The analysis on the calling thread, timed; a done future."""
        began = time.perf_counter()
        future: Future[Analysis] = Future()
        try:
            future.set_result(analyse_in_worker(article, translations))
        except Exception as exc:  # raised again by future.result(), as from a worker
            future.set_exception(exc)
        self._analysis_seconds.append(time.perf_counter() - began)
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
