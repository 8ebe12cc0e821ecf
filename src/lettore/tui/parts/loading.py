"""Reading stored analyses for the open article without delaying its first screen: a
short article is read at once, a long one by a worker thread with its own connection."""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from lettore.store import Library

if TYPE_CHECKING:
    from lettore.tui.screens.reader import ReaderScreen

T = TypeVar("T")
Item = TypeVar("Item")
# Above this many blocks, decoding thousands of stored entities or claims would be felt.
BACKGROUND_BLOCKS = 300


def load_analysis(screen: ReaderScreen, read: Callable[[Library, int], T], ready: Callable[[T], None],
                  group: str) -> None:
    """Call `ready(read(library, article_id))` now, or from a worker (of this group) for
    long articles."""
    article_id = screen.article.id
    if article_id is None:
        return
    if len(screen.article.blocks) <= BACKGROUND_BLOCKS:
        ready(read(screen.reader_app.library, article_id))
        return
    path = screen.reader_app.library.path

    def work() -> None:
        library = Library.open(path)
        try:
            result = read(library, article_id)
        finally:
            library.close()
        screen.app.call_from_thread(_deliver, ready, result)

    # Started after the first paint, which it would otherwise slow down (threads share the GIL).
    screen.call_after_refresh(screen.run_worker, work, thread=True, group=group)


def _deliver(ready: Callable[[T], None], result: T) -> None:
    """Hand the analysis to the screen. Where the reader froze its start-up objects out of
    the garbage collector (commands/open.py), freeze these too: a long article's tens of
    thousands of entities and claims otherwise make the next full collections fall on
    a keypress. They are acyclic, so closing the article still frees them."""
    ready(result)
    if gc.get_freeze_count():
        gc.freeze()


def indexed(items: list[Item], key: Callable[[Item], Hashable]) -> tuple[list[Item], dict[Any, list[Item]]]:
    """The items and the same items grouped by `key`, in order. Called inside `read`, so a
    long article's tens of thousands of mentions are grouped by the worker, not the UI."""
    groups: dict[Any, list[Item]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return items, groups
