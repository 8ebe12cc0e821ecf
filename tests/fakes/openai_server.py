"""An OpenAI-compatible chat server on 127.0.0.1 that translates by rule and injects faults.

`POST /v1/chat/completions` reads the last user message's `{"sentences": [...]}` and
answers `{"translations": ["[en] " + s, ...]}` as the message content. Actions, taken
from `script` (per request, in order), then `rules` (a substring of any sentence ->
action), then `default`: "ok", "short" (one translation too few), "wrapped" (prose and a
code fence around the JSON), "prose" (no JSON at all), "429", "503", "401", a number
(answer after that many seconds). `refuse_schema` answers 400 to any request carrying
`response_format`, as some servers do.
"""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from fakes.scripted_server import Action, ScriptedServer


def translate(sentence: str) -> str:
    """The fake translation every test can predict."""
    return f"[en] {sentence}"


class OpenAIServer(ScriptedServer):
    """Start with `with OpenAIServer() as server:`; `server.url` ends in /v1."""

    def __init__(self, latency: float = 0.0, default: Action = "ok") -> None:
        self.refuse_schema = False
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        super().__init__(_handler(self), latency, default)

    @property
    def url(self) -> str:
        """The base URL clients are configured with."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def count(self) -> int:
        """Requests received so far."""
        with self.lock:
            return len(self.requests)

    def payloads(self) -> list[dict[str, Any]]:
        """The JSON objects of every request's last user message."""
        with self.lock:
            bodies = list(self.requests)
        return [json.loads(body["messages"][-1]["content"]) for body in bodies]


def _handler(server: OpenAIServer) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one server's script and counters."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            """Stay quiet in test output."""

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length).decode("utf-8") or "{}")
            with server.lock:
                server.requests.append(body)
                server.headers.append(dict(self.headers))
            with server.serving():
                self._serve(body)

        def _serve(self, body: dict[str, Any]) -> None:
            if not self.path.endswith("/v1/chat/completions"):
                self._send(404, {"error": "not found"})
                return
            if server.refuse_schema and "response_format" in body:
                self._send(400, {"error": {"message": "response_format not supported"}})
                return
            sentences = json.loads(body["messages"][-1]["content"])["sentences"]
            action = server.action_for(sentences)
            if server.latency:
                time.sleep(server.latency)
            if isinstance(action, (int, float)):
                if server.stopping.wait(float(action)):
                    return
                action = "ok"
            if action in ("429", "503", "401"):
                self._send(int(action), {"error": {"message": "scripted fault"}})
                return
            translations = [translate(s) for s in sentences]
            if action == "short":
                translations = translations[:-1]
            content = json.dumps({"translations": translations}, ensure_ascii=False)
            if action == "wrapped":
                content = f"Sure! Here is the translation:\n```json\n{content}\n```\nHope it helps."
            if action == "prose":
                content = "I am sorry, I cannot translate that."
            self._send(200, {"choices": [{"message": {"role": "assistant", "content": content}}]})

        def _send(self, status: int, data: dict[str, Any]) -> None:
            payload = json.dumps(data).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler
