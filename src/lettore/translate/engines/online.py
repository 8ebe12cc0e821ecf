"""What every web translation service shares: one request per sentence, a few at a time.

deep-translator's `translate_batch` is a sequential loop; here sentences go out on
`jobs` threads, long sentences are split under the service's size limit, and a circuit
breaker stops sending to a service that is down, refusing the key or timing out again
and again, so its remaining sentences move to the next engine at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from lettore.translate.engines.base import BaseEngine, Result, split_for_limit
from lettore.translate.engines.errors import (
    EngineAuthError,
    EngineError,
    EngineTextTooLong,
    EngineUnavailable,
)
from lettore.translate.engines.http import HttpClient
from lettore.translate.engines.pool import parallel_map


class OnlineEngine(BaseEngine):
    """Base for HTTP engines; subclasses implement `request_one(text, src, tgt) -> str`."""

    name = "online"
    max_chars: int | None = None

    def __init__(self, client: HttpClient, jobs: int = 4, trip_after: int | None = None) -> None:
        self.client = client
        self.jobs = max(1, jobs)
        self.trip_after = trip_after or max(3, self.jobs)
        self._lock = threading.Lock()
        self._failures_in_a_row = 0
        self._tripped: EngineError | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(jobs={self.jobs}, timeout={self.client.timeout})"

    @property
    def requests_sent(self) -> int:
        """How many HTTP requests this engine has made (retries included)."""
        return self.client.requests_sent

    def refusals(self, count: int, cancel: threading.Event | None) -> list[tuple[int, Result]]:
        """Take the run's cancel event; when the engine cannot run (no URL, no key...),
        the same failure for each of `count` texts, else nothing."""
        if cancel is not None:
            self.client.cancel = cancel
        unavailable = self.available()
        if not unavailable:
            return []
        error = EngineUnavailable(self.name, unavailable)
        return [(index, error) for index in range(count)]

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """Translate one text under the size limit with a single (retried) request."""
        raise NotImplementedError

    def translate_stream(
        self, texts: list[str], src: str, tgt: str, cancel: threading.Event | None = None
    ) -> Iterator[tuple[int, Result]]:
        """Translate each text on up to `jobs` threads, yielding results as they land."""
        refused = self.refusals(len(texts), cancel)
        if refused:
            yield from refused
            return
        yield from parallel_map(
            lambda text: self._guarded(text, src, tgt), texts, self.jobs, self.client.cancel
        )

    def _guarded(self, text: str, src: str, tgt: str) -> Result:
        """One text through the circuit breaker: fail fast once the service is judged down."""
        with self._lock:
            tripped = self._tripped
        if tripped is not None:
            return tripped
        try:
            result: Result = self.translate_text(text, src, tgt)
        except EngineError as error:
            result = error
        self._record(result)
        return result

    def _record(self, result: Result) -> None:
        """Update the breaker: auth and connection failures trip it now, others in a row."""
        with self._lock:
            if not isinstance(result, EngineError):
                self._failures_in_a_row = 0
                return
            if isinstance(result, (EngineUnavailable, EngineAuthError)):
                self._tripped = result
            elif result.retryable:
                self._failures_in_a_row += 1
                if self._failures_in_a_row >= self.trip_after:
                    self._tripped = result

    def translate_text(self, text: str, src: str, tgt: str) -> str:
        """Translate one text, splitting it at sentence boundaries when it is too long."""
        if not text.strip():
            return ""
        if self.max_chars is None or len(text) < self.max_chars:
            return self.check(text, self.request_one(text, src, tgt))
        pieces = split_for_limit(text, self.max_chars)
        if any(len(piece) >= self.max_chars for piece in pieces):
            raise EngineTextTooLong(self.name, f"text over {self.max_chars} characters")
        return self.check(text, " ".join(self.request_one(p, src, tgt) for p in pieces))
