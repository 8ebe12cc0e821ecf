"""The engine contract and the checks every engine shares.

An engine turns a list of texts into a list of translations, one for one. `BaseEngine`
adds `translate_stream`, which yields results as they finish and reports failures per
text, so the chain can commit progress and hand only the failures to the next engine.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from lettore.text_clean import clean_answer
from lettore.translate.engines.errors import EngineBadResponse, EngineError
from lettore.translate.hints import TextHints

__all__ = ["BaseEngine", "Engine", "Result", "TextHints", "check_answer", "is_echo", "split_for_limit"]

Result = str | EngineError

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…»”\"])\s+(?=\S)")
_CLAUSE_END = re.compile(r"(?<=[;:,])\s+")


@runtime_checkable
class Engine(Protocol):
    """What the chain needs from a translation engine."""

    name: str
    rough: bool

    def available(self) -> str | None:
        """None when the engine can be used, otherwise a one-line reason and remedy."""
        ...

    def translate_batch(self, texts: list[str], src: str, tgt: str) -> list[str]:
        """Translate every text, in order; raise `EngineError` if any one fails."""
        ...


class BaseEngine:
    """Shared behaviour: streaming results, checking answers, and a batch wrapper."""

    name = "base"
    rough = False
    accepts_hints = False  # True: translate_stream takes `hints=` (one TextHints per text)

    def available(self) -> str | None:
        """Engines usable without setup answer None."""
        return None

    def translate_stream(
        self, texts: list[str], src: str, tgt: str, cancel: threading.Event | None = None
    ) -> Iterator[tuple[int, Result]]:
        """Yield (index, translation or error) for each text; the default does one batch."""
        try:
            results: list[Result] = list(self.translate_batch(texts, src, tgt))
        except EngineError as error:
            results = [error] * len(texts)
        yield from enumerate(results)

    def translate_batch(self, texts: list[str], src: str, tgt: str) -> list[str]:
        """Collect `translate_stream` in order, raising the first failure."""
        out: list[str] = [""] * len(texts)
        for index, result in self.translate_stream(texts, src, tgt):
            if isinstance(result, EngineError):
                raise result
            out[index] = result
        return out

    def check(self, source: str, answer: object) -> str:
        """Return the cleaned answer or raise `EngineBadResponse` for empty or echoed text."""
        return check_answer(self.name, source, answer)


def check_answer(engine: str, source: str, answer: object) -> str:
    """Refuse answers that are not strings, are empty, or repeat a real sentence unchanged."""
    if not isinstance(answer, str):
        raise EngineBadResponse(engine, f"answered {type(answer).__name__}, not text")
    text = clean_answer(answer)
    if not text and source.strip():
        raise EngineBadResponse(engine, "answered an empty translation")
    if is_echo(source, text):
        raise EngineBadResponse(engine, "answered the Italian text unchanged")
    return text


def is_echo(source: str, answer: str) -> bool:
    """True when `answer` is `source` again and the source is long enough to need translating.

    Names and numbers ("Roma", "Matteo Salvini", "2-1") legitimately come back unchanged,
    so only sentences of four or more words count as echoes.
    """
    if _fold(source) != _fold(answer):
        return False
    return len(_WORD.findall(source)) >= 4


def _fold(text: str) -> str:
    """Case- and space-insensitive form used to compare a source with its answer."""
    return " ".join(text.casefold().split())


def split_for_limit(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces shorter than `limit` characters, preferring sentence ends.

    Falls back to clause punctuation, then spaces, then a hard cut, so every piece fits
    and joining the pieces with single spaces gives the text back (modulo whitespace).
    """
    if len(text) < limit:
        return [text]
    pieces: list[str] = []
    for splitter in (_SENTENCE_END, _CLAUSE_END, re.compile(r"\s+")):
        parts = [part for part in splitter.split(text) if part]
        if len(parts) > 1:
            for part in _pack(parts, limit):
                pieces.extend(split_for_limit(part, limit))
            return pieces
    return [text[i : i + limit - 1] for i in range(0, len(text), limit - 1)]


def _pack(parts: list[str], limit: int) -> list[str]:
    """Greedily join consecutive parts with spaces while they stay under `limit`."""
    packed: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if len(candidate) < limit:
            current = candidate
        else:
            if current:
                packed.append(current)
            current = part
    if current:
        packed.append(current)
    return packed
