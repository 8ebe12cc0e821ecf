"""Run a function over many items on a few daemon threads and yield results as they finish.

Daemon threads rather than `ThreadPoolExecutor`: when the user presses Ctrl-C the main
thread stops waiting at once, and the interpreter does not block at exit behind requests
still in flight (the work already finished has been committed by then).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_DONE = object()


def parallel_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    cancel: threading.Event | None = None,
) -> Iterator[tuple[int, R]]:
    """Yield (index, fn(item)) in completion order using at most `jobs` threads.

    `fn` must not raise (return errors as values). Setting `cancel` stops workers from
    starting new items; closing the generator early sets it too.
    """
    if not items:
        return
    cancel = cancel or threading.Event()
    stop = threading.Event()
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(items)):
        todo.put(index)
    done: queue.SimpleQueue[object] = queue.SimpleQueue()
    workers = max(1, min(jobs, len(items)))

    def work() -> None:
        try:
            while not (stop.is_set() or cancel.is_set()):
                try:
                    index = todo.get_nowait()
                except queue.Empty:
                    return
                done.put((index, fn(items[index])))
        finally:
            done.put(_DONE)

    for number in range(workers):
        threading.Thread(target=work, name=f"lettore-translate-{number}", daemon=True).start()
    finished = 0
    try:
        while finished < workers:
            try:
                got = done.get(timeout=0.2)
            except queue.Empty:
                continue
            if got is _DONE:
                finished += 1
                continue
            yield got  # type: ignore[misc]
    finally:
        stop.set()
