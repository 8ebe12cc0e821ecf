"""The connections a requests session opens, kept so that a watchdog can shut their
sockets: the only way to end a read that a server keeps alive by trickling bytes, in its
headers as in its body (no read timeout ever fires)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

if TYPE_CHECKING:
    import requests


class _WatchedHTTPPool(HTTPConnectionPool):
    """An http pool that remembers every connection it made."""

    def _new_conn(self) -> Any:
        connection = super()._new_conn()
        self.__dict__.setdefault("opened", []).append(connection)
        return connection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    """An https pool that remembers every connection it made."""

    def _new_conn(self) -> Any:
        connection = super()._new_conn()
        self.__dict__.setdefault("opened", []).append(connection)
        return connection


def watch_connections(session: requests.Session) -> None:
    """Make the session's pools remember their connections."""
    for adapter in session.adapters.values():
        manager = adapter.poolmanager  # type: ignore[attr-defined]
        manager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


def opened_sockets(session: requests.Session) -> Iterator[socket.socket]:
    """The sockets of every connection the session opened that are still open."""
    for adapter in list(session.adapters.values()):
        pools = adapter.poolmanager.pools  # type: ignore[attr-defined]
        for key in list(pools.keys()):
            pool = pools.get(key)
            for connection in getattr(pool, "opened", ()):
                sock = getattr(connection, "sock", None)
                if sock is not None:
                    yield sock
