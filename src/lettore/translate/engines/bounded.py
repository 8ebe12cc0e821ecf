"""Limits on what an engine's server can make us do: a total deadline per request (a server
trickling one byte a second cannot hold a worker for minutes), a size cap per answer (a
20 MB answer is refused, never stored), and redirects that never carry credentials to a
server other than the one configured."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import HTTPError as StreamError
from urllib3.exceptions import ReadTimeoutError

from lettore.translate.engines.errors import EngineBadResponse, EngineTimeout

MAX_REDIRECTS = 5
_CHUNK = 65536


@dataclass(frozen=True)
class BoundedAnswer:
    """A 2xx answer read in full within the limits; what engines read from a response."""

    status_code: int
    headers: Any
    content: bytes
    encoding: str | None
    url: str

    @property
    def text(self) -> str:
        """The body as text (the declared charset, else UTF-8), undecodable bytes replaced."""
        return self.content.decode(self.encoding or "utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON; ValueError when it is not."""
        return json.loads(self.content)


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port filled in."""
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    try:
        port = parts.port or default
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def redirect_target(response: requests.Response) -> str | None:
    """Where a 3xx answer points, as an absolute URL; None for any other answer."""
    if response.status_code not in (301, 302, 303, 307, 308):
        return None
    location = response.headers.get("Location")
    return urljoin(response.url, location) if location else None


def redirected_kwargs(status: int, method: str, kwargs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Method and arguments for following a redirect: 307/308 repeat the request,
    301/302/303 turn a POST into a GET without its body (as browsers and requests do)."""
    if status in (307, 308) or method.upper() in ("GET", "HEAD"):
        return method, kwargs
    stripped = {key: value for key, value in kwargs.items() if key not in ("data", "json", "files")}
    return "GET", stripped


def read_bounded(
    response: requests.Response, engine: str, deadline: float, max_bytes: int, budget: float
) -> BoundedAnswer:
    """Read a streamed body, as bytes arrive, until done, past `deadline` (monotonic) or
    over `max_bytes`; the connection is closed on either limit."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        response.close()
        raise EngineBadResponse(engine, f"answered {int(declared):,} bytes (limit {max_bytes:,})")
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise EngineTimeout(engine, f"the answer took longer than {budget:g} s in all")
            chunk = response.raw.read1(_CHUNK, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise EngineBadResponse(engine, f"answered more than {max_bytes:,} bytes")
            parts.append(chunk)
    except (ReadTimeoutError, TimeoutError):
        raise EngineTimeout(engine, "the answer stopped arriving") from None
    except (StreamError, OSError):
        raise EngineBadResponse(engine, "the connection broke during the answer") from None
    finally:
        response.close()
    return BoundedAnswer(response.status_code, response.headers, b"".join(parts), response.encoding, response.url)
