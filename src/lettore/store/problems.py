"""What a SQLite error means for the library: real damage (the file may be moved aside)
versus a lock, a full disk, a permission problem or an I/O error (exit 2, file untouched).

The distinction matters because moving a library aside on a full disk or a held lock
replaces a healthy library with an empty one; only damage justifies that."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lettore.errors import UserError

T = TypeVar("T")

# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _AUTH, _NOTADB = (
    3, 5, 6, 8, 10, 11, 13, 14, 23, 26,
)
# How long one attempt waits inside SQLite before we get control back to tell the user.
_PROBE_SECONDS = 0.2


def problem_kind(exc: BaseException) -> str:
    """"damaged", "locked", "full", "access", "io" or "other" for a SQLite error."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text or (
        "could not decode to utf-8" in text
    ):
        return "damaged"
    if primary in (_BUSY, _LOCKED) or "database is locked" in text or "table is locked" in text:
        return "locked"
    if primary == _FULL or "disk is full" in text:
        return "full"
    if primary in (_PERM, _READONLY, _CANTOPEN, _AUTH) or "readonly" in text or "unable to open" in text:
        return "access"
    if primary == _IOERR or "disk i/o error" in text:
        return "io"
    return "other"


def library_error(path: Path, exc: BaseException, lock_timeout: float | None = None) -> UserError:
    """The one-line exit-2 message for a non-damage problem with the library file."""
    kind = problem_kind(exc)
    if kind == "io" and _nearly_full(path):
        kind = "full"  # SQLite reports a failed write of its lock (-shm) file as an I/O error
    untouched = "the library was left as it is"
    if kind == "locked":
        waited = f" (waited {lock_timeout:g} s)" if lock_timeout is not None else ""
        return UserError(
            f"the library {path} is locked by another reader{waited}; close the other `reader`"
            f" or try again later (lock_timeout in the config sets the wait); {untouched}"
        )
    if kind == "full":
        return UserError(
            f"the disk holding the library {path} is full; free some space and run again; {untouched}"
        )
    if kind == "access":
        return UserError(
            f"cannot write the library {path} ({exc}): the file or its folder is read-only or not"
            f" yours; fix its permissions or use --home DIR; {untouched}"
        )
    if kind == "io":
        return UserError(f"cannot read or write the library {path} ({exc}): check the disk; {untouched}")
    return UserError(f"the library {path} failed: {exc}; {untouched}")


def _nearly_full(path: Path) -> bool:
    """Less than 1 MiB free for the library's folder."""
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 1 << 20


def newer_schema_error(path: Path, version: int, ours: int) -> UserError:
    """A library written by a newer lettore is refused, never moved aside or downgraded."""
    return UserError(
        f"the library {path} was made by a newer lettore (schema {version}, this one knows"
        f" {ours}); upgrade lettore to read it; the file was left untouched"
    )


def waiting_for_lock(
    conn: sqlite3.Connection,
    attempt: Callable[[], T],
    lock_timeout: float,
    on_wait: Callable[[str], None] | None,
    path: Path,
) -> T:
    """Run `attempt` (cheap to repeat), waiting up to `lock_timeout` s for another
    connection's lock and saying so once through `on_wait`; then the lock error propagates."""
    deadline = time.monotonic() + lock_timeout
    told = False
    conn.execute(f"PRAGMA busy_timeout = {int(min(lock_timeout, _PROBE_SECONDS) * 1000)}")
    try:
        while True:
            try:
                return attempt()
            except sqlite3.OperationalError as exc:
                if problem_kind(exc) != "locked" or time.monotonic() >= deadline:
                    raise
                if not told and on_wait is not None:
                    on_wait(f"the library {path} is locked by another reader; waiting up to {lock_timeout:g} s…")
                told = True
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
