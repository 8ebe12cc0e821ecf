"""What every fake remote service shares: an HTTP server on 127.0.0.1 at a free port, served
from a background thread, that releases handlers left hanging when it stops."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


class _Server(ThreadingHTTPServer):
    """Handler threads die with the test; a deep accept queue for concurrency benchmarks."""

    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up on purpose (a timeout, a size cap) is part of the test:
        no traceback for it; anything else is still printed."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class LocalServer:
    """`with Subclass(...) as server:`; subclasses build their handler class and call
    `super().__init__(handler)` once their own state exists."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.lock = threading.Lock()
        self.stopping = threading.Event()  # set on stop: handlers that hang on purpose return
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self.httpd.server_address[1])

    def start(self) -> Self:
        """Serve on the background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Release hanging handlers and shut the server down."""
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
