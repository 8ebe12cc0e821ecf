"""One HTTP(S) GET with hard limits: connect/read timeouts and a total deadline, a size cap
counted on the decoded bytes (so a gzip bomb is refused), at most ten redirects, http and
https only, page and feed content types only, no cookies kept. Every failure is a
UserError naming the URL and the reason."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from lettore import __version__
from lettore.errors import UserError
from lettore.web.urls import check_url

if TYPE_CHECKING:
    import requests

USER_AGENT = f"lettore/{__version__} (terminal reader for Italian news)"
ACCEPTED_TYPES = frozenset(
    """text/html application/xhtml+xml application/rss+xml application/atom+xml
    application/rdf+xml application/xml text/xml""".split()
)
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much one fetch may take."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    deadline: float = 30.0
    max_bytes: int = 10_000_000
    max_redirects: int = 10


@dataclass(frozen=True)
class Fetched:
    """A completed answer: the final URL after redirects, and the decoded body bytes."""

    url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        """A 304 to a conditional request: nothing new since last time."""
        return self.status == 304

    @property
    def media_type(self) -> str:
        """The Content-Type without its parameters, lower case."""
        return self.content_type.split(";")[0].strip().lower()


def fetch(
    url: str,
    limits: FetchLimits | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET `url` within `limits`, following redirects by hand so each hop is checked."""
    limits = limits or FetchLimits()
    started = time.monotonic()
    session = _session()
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current, seen = check_url(url), [url]
    # A server that trickles its headers or its body never trips the read timeout: past
    # the deadline every socket the session opened is shut from a timer thread, which
    # ends the blocked read.
    fired = threading.Event()
    watchdog = threading.Timer(limits.deadline, _cut_session, [session, fired])
    watchdog.daemon = True
    watchdog.start()
    try:
        while True:
            try:
                response = _get(session, current, headers, limits, started, url)
            except UserError:
                if fired.is_set():
                    raise UserError(f"{url}: no complete answer within {limits.deadline:g} s; refused") from None
                raise
            with response:
                if response.status_code in _REDIRECTS and response.headers.get("Location"):
                    current = _next_hop(url, current, response.headers["Location"], seen, limits)
                    continue
                return _finish(url, current, response, limits, started, tuple(seen[1:]), fired)
    finally:
        watchdog.cancel()
        session.close()


def _session() -> requests.Session:
    """A session that keeps no cookies, names lettore, and remembers its connections (for
    `_cut_session`)."""
    import requests  # lazy: only commands that fetch pay for requests

    from lettore.web.watched import watch_connections  # lazy: with requests

    session = requests.Session()
    watch_connections(session)
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.headers.update({"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"})
    session.trust_env = False  # no proxies or .netrc credentials picked up from the environment
    return session


def _get(
    session: requests.Session, current: str, headers: dict[str, str], limits: FetchLimits, started: float, url: str
) -> requests.Response:
    """One request, its failures turned into UserErrors that name `url`."""
    # lazy: heavy, loaded only by the command that needs it
    import requests

    left = limits.deadline - (time.monotonic() - started)
    if left <= 0:
        raise UserError(f"{url}: no answer within {limits.deadline:g} s; try again later")
    timeout = (min(limits.connect_timeout, left), min(limits.read_timeout, left))
    try:
        return session.get(current, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
    except requests.exceptions.SSLError as exc:
        raise UserError(f"{url}: TLS error ({_reason(exc)}); the site's certificate could not be verified") from None
    except requests.exceptions.Timeout:
        raise UserError(f"{url}: timed out (no answer within {timeout[1]:g} s); try again later") from None
    except requests.exceptions.ConnectionError as exc:
        raise UserError(f"{url}: cannot connect ({_reason(exc)}); check the address and the network") from None
    except requests.exceptions.RequestException as exc:
        raise UserError(f"{url}: request failed ({_reason(exc)})") from None


def _next_hop(url: str, current: str, location: str, seen: list[str], limits: FetchLimits) -> str:
    """The redirect target, refused if it loops, goes too far or leaves http(s)."""
    target = urljoin(current, location.strip())
    if target in seen:
        raise UserError(f"{url}: redirect loop (back to {target}); the site is misconfigured")
    if len(seen) > limits.max_redirects:
        raise UserError(f"{url}: more than {limits.max_redirects} redirects; the site is misconfigured")
    try:
        check_url(target)
    except UserError:
        raise UserError(f"{url}: redirected to {target}, which is not an http(s) address") from None
    seen.append(target)
    return target


def _finish(
    url: str, final: str, response: requests.Response, limits: FetchLimits, started: float,
    redirects: tuple[str, ...], fired: threading.Event,
) -> Fetched:
    """Check the status and content type, then read the body within the caps."""
    status = response.status_code
    content_type = response.headers.get("Content-Type", "")
    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    if status == 304:
        return Fetched(final, status, content_type, b"", etag, modified, redirects)
    _check_status(url, status)
    media = content_type.split(";")[0].strip().lower()
    if media and media not in ACCEPTED_TYPES:
        raise UserError(f"{url}: not a web page or feed (the server sent {media})")
    body = _read_capped(url, response, limits, started, fired)
    return Fetched(final, status, content_type, body, etag, modified, redirects)


def _check_status(url: str, status: int) -> None:
    """Anything but a 2xx is a failure with its own words."""
    if status in (404, 410):
        raise UserError(f"{url}: not found (HTTP {status}); check the address")
    if status >= 500:
        raise UserError(f"{url}: the server failed (HTTP {status}); try again later")
    if status == 429:
        raise UserError(f"{url}: too many requests (HTTP 429); try again later")
    if status in (401, 403):
        raise UserError(f"{url}: access refused (HTTP {status}); the page may need a subscription")
    if not 200 <= status < 300:
        raise UserError(f"{url}: unexpected answer (HTTP {status})")


def _read_capped(
    url: str, response: requests.Response, limits: FetchLimits, started: float, fired: threading.Event
) -> bytes:
    """The decoded body, refused once it passes `max_bytes` or the deadline (`fired` is set
    when the fetch's watchdog cut the connection at the deadline)."""
    # lazy: heavy, loaded only by the command that needs it
    import requests

    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise UserError(f"{url}: the page is {int(declared) / 1e6:.1f} MB, over the {_mb(limits)} limit")
    parts: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(_CHUNK, decode_unicode=False):
            size += len(chunk)
            if size > limits.max_bytes:
                raise UserError(f"{url}: the page is over the {_mb(limits)} limit (once decompressed); refused")
            if time.monotonic() - started > limits.deadline:
                raise UserError(f"{url}: still downloading after {limits.deadline:g} s; refused")
            parts.append(chunk)
    except requests.exceptions.RequestException as exc:
        if fired.is_set():
            raise UserError(f"{url}: still downloading after {limits.deadline:g} s; refused") from None
        if "timed out" in str(exc).lower() or isinstance(exc, requests.exceptions.Timeout):
            raise UserError(f"{url}: timed out while reading the page; try again later") from None
        raise UserError(f"{url}: the download broke off ({_reason(exc)})") from None
    if fired.is_set():
        raise UserError(f"{url}: still downloading after {limits.deadline:g} s; refused")
    return b"".join(parts)


def _cut_session(session: requests.Session, fired: threading.Event) -> None:
    """Shut every socket the session opened, so a blocked read returns (the deadline has passed)."""
    from lettore.web.watched import opened_sockets  # lazy: with requests

    fired.set()
    for sock in opened_sockets(session):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _mb(limits: FetchLimits) -> str:
    """The size cap in words."""
    return f"{limits.max_bytes / 1e6:g} MB"


def _reason(exc: BaseException) -> str:
    """The innermost cause of a requests error, short."""
    while exc.__context__ is not None and exc.__context__ is not exc and len(str(exc)) > 120:
        exc = exc.__context__
    text = str(exc.args[0] if exc.args else exc)
    return text[:160]
