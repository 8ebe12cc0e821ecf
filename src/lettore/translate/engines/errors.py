"""Why an engine failed, as a small taxonomy the chain can act on and a user can read.

Every error carries the engine name and a one-line message that never contains an API
key; `retryable` says whether waiting and asking again may help.
"""

from __future__ import annotations


class EngineError(Exception):
    """A translation engine could not translate; the message is safe to show and store."""

    retryable = False
    kind = "error"

    def __init__(self, engine: str, message: str) -> None:
        super().__init__(f"{engine}: {message}")
        self.engine = engine
        self.message = message

    @property
    def reason(self) -> str:
        """The short text stored beside a pending sentence."""
        return str(self)


class EngineUnavailable(EngineError):
    """Not installed, not configured (no key, no URL) or not reachable: try the next engine."""

    kind = "unavailable"


class EngineTimeout(EngineError):
    """The server did not answer within the configured timeout."""

    retryable = True
    kind = "timeout"


class EngineRateLimited(EngineError):
    """The server answered 429 Too Many Requests; `retry_after` is its hint in seconds."""

    retryable = True
    kind = "rate-limited"

    def __init__(self, engine: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(engine, message)
        self.retry_after = retry_after


class EngineServerError(EngineError):
    """The server failed (5xx) or dropped the connection mid-answer."""

    retryable = True
    kind = "server-error"

    def __init__(self, engine: str, message: str, status: int | None = None) -> None:
        super().__init__(engine, message)
        self.status = status


class EngineBadResponse(EngineError):
    """The answer was not a usable translation: garbage, empty, or the source echoed back."""

    kind = "bad-response"


class EngineAuthError(EngineError):
    """The server refused the API key (401/403) or demanded one."""

    kind = "auth"


class EngineTextTooLong(EngineError):
    """The text exceeds what the service accepts even after splitting."""

    kind = "too-long"


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """Replace every secret in `text` with asterisks, so a key never reaches a message."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
