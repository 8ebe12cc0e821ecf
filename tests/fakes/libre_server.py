"""A LibreTranslate-compatible server on 127.0.0.1 with scripted latency and faults.

It also answers Google's mobile page (`GET /m?q=`) and MyMemory (`GET /get?q=`) the way
deep-translator expects, so those engines' request paths can be tested offline. The
translation of `q` is `"[en] " + q`; faults are scripted per request (`script`, used in
order), per text (`rules`, a substring of `q` -> action) or for all (`default`).

Actions: "ok", "429", "503", "500", "403", "garbage" (not JSON), "empty" (empty
translation), "echo" (source back), "hang" (never answer until stopped), "close" (drop
the connection), or a number: answer ok after that many seconds.
"""

from __future__ import annotations

import json
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

from fakes.scripted_server import Action, ScriptedServer


class LibreServer(ScriptedServer):
    """Start with `with LibreServer() as server:`; `server.url` is the base URL."""

    def __init__(self, latency: float = 0.0, default: Action = "ok") -> None:
        self.received: list[tuple[str, str]] = []
        # Requests beyond this many are held unanswered until `release()` (or stop), so a
        # test can interrupt a client mid-run however fast or slow the machine is.
        self.hold_after: int | None = None
        self.released = threading.Event()
        super().__init__(_handler(self), latency, default)

    def release(self) -> None:
        """Answer the held requests and hold no more."""
        self.hold_after = None
        self.released.set()

    def stop(self) -> None:
        """Release held requests, then stop."""
        self.released.set()
        super().stop()

    @property
    def url(self) -> str:
        """Base URL such as http://127.0.0.1:PORT/ (note the trailing slash)."""
        return f"http://127.0.0.1:{self.port}/"

    @property
    def count(self) -> int:
        """How many translation requests arrived."""
        with self.lock:
            return len(self.received)

    def texts(self) -> list[str]:
        """Every `q` received, in arrival order."""
        with self.lock:
            return [q for _, q in self.received]

def translate(q: str) -> str:
    """The fake translation every test can predict."""
    return f"[en] {q}"


def _handler(server: LibreServer) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one server's script and counters."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else 40 ms delayed-ACK stalls per answer

        def log_message(self, format: str, *args: Any) -> None:
            """Stay quiet in test output."""

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            if "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(raw or "{}")
            else:
                body = {k: v[0] for k, v in parse_qs(raw).items()}
            self._serve("libre", str(body.get("q", "")))

        def do_GET(self) -> None:
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            kind = "google" if url.path.rstrip("/").endswith("/m") else "mymemory"
            self._serve(kind, query.get("q", ""))

        def _serve(self, kind: str, q: str) -> None:
            with server.lock:
                server.received.append((kind, q))
                held = server.hold_after is not None and len(server.received) > server.hold_after
            with server.serving():
                if held:
                    server.released.wait(30)
                self._act(kind, q, server.action_for([q]))

        def _act(self, kind: str, q: str, action: Action) -> None:
            if server.latency:
                time.sleep(server.latency)
            if isinstance(action, (int, float)):
                if server.stopping.wait(float(action)):
                    return
                action = "ok"
            if action == "hang":
                server.stopping.wait(30)
                return
            if action == "close":
                self.close_connection = True
                return
            if action in ("429", "503", "500", "403"):
                self._send(int(action), b'{"error": "scripted fault"}', "application/json")
                return
            if action == "garbage":
                self._send(200, b"<html>not json{", "application/json")
                return
            answer = {"empty": "", "echo": q}.get(str(action), translate(q))
            self._answer(kind, answer)

        def _answer(self, kind: str, answer: str) -> None:
            if kind == "google":
                html = f'<html><body><div class="result-container">{escape(answer)}</div></body></html>'
                self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")
            elif kind == "mymemory":
                body = {"responseData": {"translatedText": answer}, "responseStatus": 200}
                self._send(200, json.dumps(body).encode("utf-8"), "application/json")
            else:
                body = {"translatedText": answer}
                self._send(200, json.dumps(body).encode("utf-8"), "application/json")

        def _send(self, status: int, payload: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler
