"""Which `reader prepare` run is translating which article, kept in the library so two
runs at once never send the same sentences twice: each claims its articles (atomically,
under the write lock) before sending, skips those another live run holds, and releases
its own when it ends. A claim left by a run that died is taken over."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterable
from typing import Any

_PREFIX = "prepare-claim:"


def claim_articles(library: Any, article_ids: Iterable[int]) -> tuple[list[int], dict[int, int]]:
    """Claim the articles for this process: (claimed ids, {busy id: pid of the run holding it})."""
    me = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
    mine: list[int] = []
    busy: dict[int, int] = {}
    with library.transaction() as conn:
        for article_id in article_ids:
            key = f"{_PREFIX}{article_id}"
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
            holder = _holder(row[0]) if row else None
            if holder is not None and holder.get("pid") != me["pid"] and _alive(holder):
                busy[article_id] = int(holder["pid"])
                continue
            conn.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", (key, json.dumps(me)))
            mine.append(article_id)
    return mine, busy


def release_articles(library: Any, article_ids: Iterable[int]) -> None:
    """Drop this process's claims on the articles."""
    ids = list(article_ids)
    if not ids:
        return
    with library.transaction() as conn:
        for article_id in ids:
            key = f"{_PREFIX}{article_id}"
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
            holder = _holder(row[0]) if row else None
            if holder is None or holder.get("pid") == os.getpid():
                conn.execute("DELETE FROM app_state WHERE key = ?", (key,))


def _holder(value: str) -> dict[str, Any] | None:
    """The stored claim, or None when it is unreadable."""
    try:
        holder = json.loads(value)
    except ValueError:
        return None
    return holder if isinstance(holder, dict) and isinstance(holder.get("pid"), int) else None


def _alive(holder: dict[str, Any]) -> bool:
    """Whether the claiming process still runs (a claim from another machine is trusted)."""
    if holder.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(holder["pid"]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True
