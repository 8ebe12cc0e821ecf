"""Try engines in order until each sentence has a translation, yielding results as they land.

Each engine sees only what the engines before it could not translate, identical texts
are sent once, and a sentence every engine failed comes out with the reasons, so the
caller can mark it pending and retry it next time.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Generic, TypeVar

from lettore.translate.engines.base import BaseEngine, TextHints
from lettore.translate.engines.errors import EngineError

Key = TypeVar("Key", bound=Hashable)
"""The caller's name for an item, handed back on its Outcome."""


@dataclass(frozen=True)
class Outcome(Generic[Key]):
    """The chain's verdict on one item: a translation (from `engine`) or only reasons."""

    key: Key
    text: str | None
    engine: str | None = None
    rough: bool = False
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """A translation was found."""
        return self.text is not None

    @property
    def fallback(self) -> bool:
        """A rough translation standing in for a better engine that failed: retry it later."""
        return self.ok and self.rough and bool(self.errors)


EngineStarted = Callable[[str, int], None]


class Chain:
    """An ordered list of engines, with an event that stops all of them."""

    def __init__(self, engines: Sequence[BaseEngine], cancel: threading.Event | None = None) -> None:
        self.engines = list(engines)
        self.cancel = cancel or threading.Event()

    @property
    def names(self) -> list[str]:
        """The engine names in order."""
        return [engine.name for engine in self.engines]

    def run(
        self,
        items: Sequence[tuple[Key, str]],
        src: str,
        tgt: str,
        on_engine: EngineStarted | None = None,
        skip_rough_for: Set[Key] | None = None,
        hints: Mapping[Key, TextHints] | None = None,
    ) -> Iterator[Outcome[Key]]:
        """Yield one `Outcome` per item, in completion order.

        `skip_rough_for` names items that already hold a rough translation: rough engines
        are not asked again for them. `hints` (names to keep) go to engines that take them,
        with each item's paragraph: a tuple key without its last element. Items left when
        `cancel` is set are not yielded.
        """
        texts, owners = _dedupe(items)
        skip: Set[Key] = skip_rough_for or set()
        errors: dict[int, list[str]] = {i: [] for i in range(len(texts))}
        remaining = list(range(len(texts)))
        for engine in self.engines:
            if not remaining or self.cancel.is_set():
                break
            asked = remaining
            if engine.rough:
                asked = [i for i in remaining if not all(k in skip for k in owners[i])]
            if not asked:
                continue
            if on_engine is not None:
                on_engine(engine.name, sum(len(owners[i]) for i in asked))
            failed: list[int] = []
            answered: set[int] = set()
            batch = [texts[i] for i in asked]
            if engine.accepts_hints:
                marks = [_hint(owners[i][0], hints) for i in asked]
                stream = engine.translate_stream(batch, src, tgt, self.cancel, hints=marks)  # type: ignore[call-arg]
            else:
                stream = engine.translate_stream(batch, src, tgt, self.cancel)
            for position, result in stream:
                index = asked[position]
                answered.add(index)
                if isinstance(result, EngineError):
                    errors[index].append(result.reason)
                    failed.append(index)
                    continue
                if not engine.accepts_hints:
                    result = substitute_terms(result, _hint(owners[index][0], hints).terms)
                for key in owners[index]:
                    yield Outcome(key, result, engine.name, engine.rough, tuple(errors[index]))
            if self.cancel.is_set():
                return
            unasked = [i for i in remaining if i not in set(asked)]
            remaining = sorted(failed + [i for i in asked if i not in answered] + unasked)
        if self.cancel.is_set():
            return
        for index in remaining:
            for key in owners[index]:
                yield Outcome(key, None, None, False, tuple(errors[index]) or ("no engine left",))


def substitute_terms(text: str, terms: Sequence[tuple[str, str]]) -> str:
    """An engine that cannot be told the terms may leave one in Italian: put its English in.
    (A term it translated otherwise is flagged by the reader, not rewritten.)"""
    for source, target in terms:
        if source != target:
            text = re.sub(rf"(?<!\w){re.escape(source)}(?!\w)", target.replace("\\", "\\\\"), text,
                          flags=re.IGNORECASE)
    return text


def _hint(key: Key, hints: Mapping[Key, TextHints] | None) -> TextHints:
    """The item's hints, with its paragraph filled in from a (..., block, sentence) key."""
    found = (hints or {}).get(key, TextHints())
    if found.group is None and isinstance(key, tuple) and key:
        return TextHints(key[:-1], found.keep, found.terms)
    return found


def _dedupe(items: Sequence[tuple[Key, str]]) -> tuple[list[str], list[list[Key]]]:
    """Unique texts (whitespace-normalised) and, for each, the keys that share it."""
    index: dict[str, int] = {}
    texts: list[str] = []
    owners: list[list[Key]] = []
    for key, text in items:
        flat = " ".join(text.split())
        if flat not in index:
            index[flat] = len(texts)
            texts.append(flat)
            owners.append([])
        owners[index[flat]].append(key)
    return texts, owners
