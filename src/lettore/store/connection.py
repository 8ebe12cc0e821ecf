"""Opening the library file: connect, check it is a usable library, migrate it; a damaged
file is moved aside under a timestamped name, never deleted."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from lettore.errors import UserError
from lettore.store.problems import library_error, newer_schema_error, problem_kind, waiting_for_lock
from lettore.store.schema import SCHEMA_VERSION, migrate


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file, None when it is not there."""
    try:
        stats = path.stat()
    except OSError:
        return None
    return stats.st_dev, stats.st_ino


class DamagedLibrary(Exception):
    """The file is damaged (not a database, malformed, or marked damaged on its last use)."""


def connect(
    path: Path, lock_timeout: float, on_wait: Callable[[str], None] | None
) -> sqlite3.Connection:
    """Connect, check the file is a usable library, and migrate it to the current schema."""
    try:
        conn = sqlite3.connect(path, timeout=lock_timeout, check_same_thread=False)
    except sqlite3.Error as exc:
        raise library_error(path, exc) from None
    try:
        if damage_marker(path).exists():
            if path.exists():
                raise DamagedLibrary("was found damaged on its last use")
            damage_marker(path).unlink()
        version = waiting_for_lock(
            conn, lambda: conn.execute("PRAGMA user_version").fetchone()[0], lock_timeout, on_wait, path
        )
        if version > SCHEMA_VERSION:
            raise newer_schema_error(path, version, SCHEMA_VERSION)
        waiting_for_lock(conn, lambda: prepare(conn), lock_timeout, on_wait, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if problem_kind(exc) == "damaged":
            raise DamagedLibrary(f"is damaged ({exc})") from None
        raise library_error(path, exc, lock_timeout) from None
    except BaseException:
        conn.close()
        raise
    return conn


def prepare(conn: sqlite3.Connection) -> None:
    """Read the catalogue, set the connection's modes and migrate (safe to repeat)."""
    # Reading the schema touches the header and the catalogue pages: cheap at any size,
    # unlike quick_check, which scans the whole file.
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)


def damage_marker(path: Path) -> Path:
    """A file saying the library hit a damaged page, so the next start moves it aside."""
    return path.with_name(path.name + ".damaged")


def move_aside(path: Path) -> Path:
    """Rename a damaged library (and its WAL files) to a timestamped name; never delete it."""
    try:
        aside = rename_aside(path)
    except OSError as exc:
        raise UserError(
            f"the library {path} is damaged but could not be moved aside ({exc.strerror});"
            " make its folder writable, or move it away yourself"
        ) from None
    damage_marker(path).unlink(missing_ok=True)
    return aside


def rename_aside(path: Path) -> Path:
    """The renaming itself: library, then its -wal and -shm files."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.broken-{stamp}-{n}")
        n += 1
    shutil.move(str(path), str(aside))
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            shutil.move(str(extra), str(aside) + suffix)
    return aside
