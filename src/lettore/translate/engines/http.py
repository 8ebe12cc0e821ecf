"""One HTTP request with a timeout, retries and a typed error, for every online engine.

deep-translator calls `requests.get/post` with no timeout, so a silent server blocks it
forever, and some of its classes catch the built-in `ConnectionError` instead of
requests' own. Online engines therefore make their request here: a per-thread
`requests.Session`, a timeout on every call, retries with exponential backoff and full
jitter on timeouts, 429 and 5xx, and failures turned into `EngineError` subclasses whose
messages never include an API key.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
from urllib3.exceptions import NewConnectionError

from lettore.translate.engines.bounded import (
    MAX_REDIRECTS,
    BoundedAnswer,
    origin,
    read_bounded,
    redirect_target,
    redirected_kwargs,
)
from lettore.translate.engines.errors import (
    EngineAuthError,
    EngineBadResponse,
    EngineError,
    EngineRateLimited,
    EngineServerError,
    EngineTextTooLong,
    EngineTimeout,
    EngineUnavailable,
    scrub,
)

USER_AGENT = "lettore/0.1 (+https://github.com/lettore)"


@dataclass
class RetryPolicy:
    """How often and how patiently to ask again after a retryable failure."""

    retries: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, hint: float | None = None) -> float:
        """Full-jitter exponential backoff; a server's Retry-After hint is a floor, capped."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        wait = random.uniform(0, ceiling)
        if hint is not None:
            wait = max(wait, min(hint, self.max_delay))
        return wait


@dataclass
class HttpClient:
    """Makes requests for one engine; safe to share between worker threads."""

    engine: str
    timeout: float = 15.0
    deadline: float = 60.0
    max_bytes: int = 1_000_000
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    secrets: tuple[str, ...] = ()
    cancel: threading.Event = field(default_factory=threading.Event)
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    requests_sent: int = 0

    def __repr__(self) -> str:
        return f"HttpClient(engine={self.engine!r}, timeout={self.timeout})"

    def session(self) -> requests.Session:
        """This thread's session: connection reuse without sharing one across threads."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
        return session

    def request(self, method: str, url: str, **kwargs: Any) -> BoundedAnswer:
        """Send with retries; return a 2xx response or raise an `EngineError`."""
        attempt = 0
        while True:
            try:
                return self._once(method, url, **kwargs)
            except EngineError as error:
                if not error.retryable or attempt >= self.policy.retries or self.cancel.is_set():
                    raise
                hint = getattr(error, "retry_after", None)
                if self.cancel.wait(self.policy.delay(attempt, hint)):
                    raise
                attempt += 1

    def _once(self, method: str, url: str, **kwargs: Any) -> BoundedAnswer:
        """One attempt within the deadline and size cap, following redirects only where
        they carry no credential to another origin; every failure is an engine error."""
        with self._lock:
            self.requests_sent += 1
        deadline = time.monotonic() + self.deadline
        response = self._send(method, url, kwargs)
        for _ in range(MAX_REDIRECTS):
            target = redirect_target(response)
            if target is None:
                break
            response.close()
            if origin(target) != origin(url) and self.secrets:
                raise EngineBadResponse(
                    self.engine,
                    f"redirected to another server ({origin(target)[1]}); the API key goes only to"
                    " the configured one: set the new URL in engine_urls if you trust it",
                )
            if time.monotonic() > deadline:
                raise EngineTimeout(self.engine, f"no answer within {self.deadline:g} s in all")
            method, kwargs = redirected_kwargs(response.status_code, method, kwargs)
            response = self._send(method, target, kwargs)
        else:
            response.close()
            raise EngineBadResponse(self.engine, "redirected too many times")
        checked = self._check_status(response)
        return read_bounded(checked, self.engine, deadline, self.max_bytes, self.deadline)

    def _send(self, method: str, url: str, kwargs: dict[str, Any]) -> requests.Response:
        """One HTTP exchange up to the headers; redirects are the caller's to judge."""
        try:
            return self.session().request(
                method, url, timeout=self.timeout, allow_redirects=False, stream=True, **kwargs
            )
        except requests.Timeout:
            raise EngineTimeout(self.engine, f"no answer within {self.timeout:g} s") from None
        except requests.ConnectionError as error:
            raise self._connection_error(error) from None
        except requests.RequestException as error:
            raise EngineServerError(self.engine, self._safe(type(error).__name__)) from None

    def _connection_error(self, error: requests.ConnectionError) -> EngineError:
        """Refused or unresolvable means unavailable; a dropped answer may be transient."""
        reason = getattr(error.args[0], "reason", None) if error.args else None
        if isinstance(reason, NewConnectionError) or isinstance(error, requests.exceptions.ProxyError):
            return EngineUnavailable(self.engine, "cannot connect to the server")
        return EngineServerError(self.engine, "the connection was closed before an answer")

    def _check_status(self, response: requests.Response) -> requests.Response:
        """Map HTTP status codes onto errors; pass 2xx through."""
        status = response.status_code
        if 200 <= status < 300:
            return response
        response.close()
        if status == 429:
            raise EngineRateLimited(
                self.engine, "too many requests (HTTP 429)", _retry_after(response.headers)
            )
        if status in (401, 403):
            raise EngineAuthError(self.engine, f"the server refused the API key (HTTP {status})")
        if status == 413:
            raise EngineTextTooLong(self.engine, "the text is too long (HTTP 413)")
        if status >= 500:
            raise EngineServerError(self.engine, f"server error (HTTP {status})", status)
        raise EngineBadResponse(self.engine, f"the server refused the request (HTTP {status})")

    def _safe(self, text: str) -> str:
        """Text with this client's secrets removed."""
        return scrub(text, self.secrets)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from a numeric Retry-After header, if the server sent one."""
    value = headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None

