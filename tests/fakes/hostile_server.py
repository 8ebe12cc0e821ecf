"""A LibreTranslate-speaking server on 127.0.0.1 that misbehaves on purpose: answers with
terminal controls, answers far too much, trickles its answer a byte at a time, or
redirects elsewhere. It records each request's headers and body, so a test can assert
what a second server was (not) sent."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any

from fakes.local_server import LocalServer


class HostileServer(LocalServer):
    """`with HostileServer(mode) as server:`; modes: "answer" (translatedText = `answer`),
    "huge" (`size` bytes of JSON, its length declared or not), "trickle" (one byte every `pause` s), "redirect"
    (HTTP `status` to `location`)."""

    def __init__(
        self,
        mode: str = "answer",
        *,
        answer: str = "The answer.",
        size: int = 20_000_000,
        pause: float = 1.0,
        location: str = "",
        status: int = 307,
        declare: bool = True,
    ) -> None:
        self.mode, self.answer, self.size, self.pause = mode, answer, size, pause
        self.location, self.status, self.declare = location, status, declare
        self.requests: list[tuple[dict[str, str], bytes]] = []
        super().__init__(_handler(self))

    @property
    def url(self) -> str:
        """Base URL with a trailing slash."""
        return f"http://127.0.0.1:{self.port}/"


def _handler(server: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with server.lock:
                server.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
            getattr(self, f"_{server.mode}")()

        do_GET = do_POST

        def _answer(self) -> None:
            self._send(json.dumps({"translatedText": server.answer}).encode("utf-8"))

        def _huge(self) -> None:
            payload = json.dumps({"translatedText": "x" * server.size}).encode("utf-8")
            if server.declare:
                self._send(payload)
                return
            self.send_response(200)  # no Content-Length: the answer ends when the connection does
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                self.wfile.write(payload)
            except OSError:
                return

        def _trickle(self) -> None:
            payload = json.dumps({"translatedText": "Slow answer."}).encode("utf-8") * 100
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            try:
                for byte in payload:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if server.stopping.wait(server.pause):
                        return
            except OSError:
                return

        def _redirect(self) -> None:
            self.send_response(server.status)
            self.send_header("Location", server.location + self.path.lstrip("/"))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, payload: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            try:
                self.wfile.write(payload)
            except OSError:
                return

    return Handler
