"""A news site and its feeds on 127.0.0.1: pages, RSS/Atom, redirects and faults, with an
optional latency per request, so fetching and feed updates are tested offline.

Routes map a path to a `Page` (status, headers, body, or a fault: "hang", "drip",
"bomb", "loop"). `ETag`/`Last-Modified` are honoured: a matching conditional request
gets a 304. Every request is recorded (path and headers) for the tests to inspect.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from fakes.local_server import LocalServer


@dataclass
class Page:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fault: str | None = None  # "hang", "drip", "drip-headers", "bomb", "slow", "close"
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False


@dataclass
class Request:
    """One request the server received."""

    path: str
    headers: dict[str, str]


class WebServer(LocalServer):
    """`with WebServer() as site:`; `site.url("/a")` is the address of path /a."""

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.routes: dict[str, Page] = {}
        self.requests: list[Request] = []
        super().__init__(_handler(self))

    def url(self, path: str = "/") -> str:
        """The absolute URL of `path` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, page: Page | str | bytes, **options: object) -> str:
        """Serve `page` at `path` (text is HTML); returns its URL."""
        if isinstance(page, str):
            page = page.encode("utf-8")
        if isinstance(page, bytes):
            page = Page(page, **options)  # type: ignore[arg-type]
        self.routes[path] = page
        return self.url(path)

    def redirect(self, path: str, target: str, status: int = 301) -> str:
        """A redirect from `path` to `target` (a path or an absolute URL)."""
        return self.add(path, Page(status=status, headers={"Location": target}))

    def hits(self, path: str) -> list[Request]:
        """The requests that asked for `path`."""
        with self.lock:
            return [request for request in self.requests if request.path == path]


def _handler(server: WebServer) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to `server`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with server.lock:
                server.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()}))
            if server.latency:
                time.sleep(server.latency)
            page = server.routes.get(self.path)
            if page is None:
                self._send(404, "text/html", b"<h1>Pagina non trovata</h1>")
                return
            if page.delay:
                server.stopping.wait(page.delay)
            if page.fault == "hang":
                server.stopping.wait(30)
                return
            if page.fault == "close":
                self.close_connection = True
                return
            if self._not_modified(page):
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if page.fault == "drip":
                self._drip(page)
                return
            if page.fault == "drip-headers":
                self._drip_headers()
                return
            if page.fault == "bomb":
                self._bomb()
                return
            body = gzip.compress(page.body) if page.gzip else page.body
            headers = dict(page.headers)
            if page.gzip:
                headers["Content-Encoding"] = "gzip"
            if page.etag:
                headers["ETag"] = page.etag
            if page.last_modified:
                headers["Last-Modified"] = page.last_modified
            self._send(page.status, page.content_type, body, headers)

        def _not_modified(self, page: Page) -> bool:
            """A conditional request that matches the page's validators."""
            if page.etag and self.headers.get("If-None-Match") == page.etag:
                return True
            return bool(page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified)

        def _send(self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _drip(self, page: Page) -> None:
            """A byte every 50 ms, far longer than any deadline a test sets."""
            self.send_response(200)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(10_000))
            self.end_headers()
            self._trickle(b"")

        def _drip_headers(self) -> None:
            """The status line, then a header a byte every 50 ms: no read ever times out."""
            self._trickle(b"HTTP/1.1 200 OK\r\nX-Pad: ")

        def _trickle(self, first: bytes) -> None:
            """`first`, then a byte every 50 ms until the server stops or the client hangs up."""
            try:
                self.wfile.write(first)
                self.wfile.flush()
                for _ in range(10_000):
                    if server.stopping.wait(0.05):
                        return
                    self.wfile.write(b"a")
                    self.wfile.flush()
            except OSError:
                return

        def _bomb(self) -> None:
            """A few KB of gzip that inflate to 30 MB of zeros."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            body = _bomb_bytes()
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:
                return

    return Handler


_BOMB: list[bytes] = []


def _bomb_bytes() -> bytes:
    """30 MB of zeros, gzipped once and kept."""
    if not _BOMB:
        compressor = gzip.compress(b"\0" * 30_000_000, compresslevel=9)
        _BOMB.append(compressor)
    return _BOMB[0]
