"""What the fake translation engines share: faults scripted per request (`script`, used
in order), per text (`rules`, a substring of a text -> action) or for all (`default`), a
latency before each answer, and a count of requests in flight."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from fakes.local_server import LocalServer

Action = str | float


class ScriptedServer(LocalServer):
    """A local server whose handler asks `action_for` what to do and serves inside `serving()`."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], latency: float, default: Action) -> None:
        self.latency = latency
        self.default: Action = default
        self.script: deque[Action] = deque()
        self.rules: dict[str, Action] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        super().__init__(handler)

    def action_for(self, texts: Iterable[str]) -> Action:
        """The scripted action for a request carrying `texts`: script first, then rules, then default."""
        with self.lock:
            if self.script:
                return self.script.popleft()
        texts = list(texts)
        for marker, action in self.rules.items():
            if any(marker in text for text in texts):
                return action
        return self.default

    @contextmanager
    def serving(self) -> Iterator[None]:
        """Count the request as in flight while it is answered (the peak is `max_in_flight`)."""
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            yield
        finally:
            with self.lock:
                self.in_flight -= 1
