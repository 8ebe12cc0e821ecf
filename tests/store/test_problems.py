"""The library is moved aside only for real damage: a newer schema, a held lock, a full
disk or a permission problem is a UserError with the file untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from lettore.errors import UserError
from lettore.model import Article
from lettore.segment import make_block
from lettore.store import Library
from lettore.store.problems import library_error, problem_kind
from lettore.store.schema import SCHEMA_VERSION


def _article(text: str, hash_: str) -> Article:
    blocks = (make_block(0, "paragraph", text),)
    return Article(title="Titolo", blocks=blocks, content_hash=hash_, source_path="/tmp/a.txt")


def _stocked(path: Path) -> str:
    """A library file holding one article; returns its digest."""
    lib = Library.open(path)
    lib.add_article(_article("Un testo che deve restare.", "keep"))
    lib.close()
    return _digest(path)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _nothing_aside(folder: Path) -> bool:
    return not list(folder.glob("*.broken-*"))


def _hold_exclusive(path: Path) -> sqlite3.Connection:
    """A second connection holding the library exclusively (readers locked out)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE IF NOT EXISTS other_reader (x)")
    return holder


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _stocked(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = _digest(path)
    with pytest.raises(UserError, match=r"made by a newer lettore.*upgrade"):
        Library.open(path)
    assert _digest(path) == before and _nothing_aside(tmp_path)


def test_a_held_lock_is_waited_for_visibly_then_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _stocked(path)
    holder = _hold_exclusive(path)
    told: list[str] = []
    with pytest.raises(UserError, match="locked by another reader"):
        Library.open(path, lock_timeout=0.5, on_wait=told.append)
    holder.execute("ROLLBACK")
    holder.close()
    assert len(told) == 1 and "locked by another reader; waiting" in told[0]
    assert _nothing_aside(tmp_path)
    lib = Library.open(path)
    assert [a.title for a in lib.list_articles()] == ["Titolo"]
    lib.close()


def test_a_lock_released_while_waiting_lets_the_library_open(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _stocked(path)
    holder = _hold_exclusive(path)
    released = threading.Event()

    def release(message: str) -> None:
        holder.execute("ROLLBACK")
        holder.close()
        released.set()

    lib = Library.open(path, lock_timeout=60, on_wait=release)
    assert released.is_set() and [a.title for a in lib.list_articles()] == ["Titolo"]
    lib.close()


def test_a_writer_holding_the_lock_makes_a_write_wait_then_fail_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _stocked(path)
    told: list[str] = []
    lib = Library.open(path, lock_timeout=0.3, on_wait=told.append)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError) as caught:
        lib.add_article(_article("Un altro testo.", "other"))
    assert problem_kind(caught.value) == "locked" and told
    writer.execute("ROLLBACK")
    writer.close()
    assert [a.title for a in lib.list_articles()] == ["Titolo"]
    lib.close()


def test_full_database_is_a_full_disk_error_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _stocked(path)
    lib = Library.open(path)
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.DatabaseError) as caught:
        lib.add_article(_article("Parola. " * 20_000, "big"))
    assert problem_kind(caught.value) == "full"
    message = str(library_error(path, caught.value))
    assert "is full" in message and str(path) in message and "left as it is" in message
    assert [a.title for a in lib.list_articles()] == ["Titolo"]
    lib.close()
    assert _nothing_aside(tmp_path)


def test_read_only_errors_are_permission_problems(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _stocked(path)
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        read_only.execute("DELETE FROM articles")
    read_only.close()
    assert problem_kind(caught.value) == "access"
    assert "read-only" in str(library_error(path, caught.value))


def test_damage_kinds() -> None:
    assert problem_kind(sqlite3.DatabaseError("file is not a database")) == "damaged"
    assert problem_kind(sqlite3.DatabaseError("database disk image is malformed")) == "damaged"
    assert problem_kind(sqlite3.OperationalError("Could not decode to UTF-8 column 'text'")) == "damaged"
    assert problem_kind(sqlite3.OperationalError("no such table: x")) == "other"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the permissions")
def test_read_only_folder_is_exit_2_naming_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "lib.sqlite3"
    _stocked(path)
    before = _digest(path)
    folder.chmod(0o555)
    path.chmod(0o444)
    try:
        with pytest.raises(UserError, match=str(path)):
            Library.open(path)
    finally:
        folder.chmod(0o755)
    assert _digest(path) == before and _nothing_aside(folder)


def test_interior_damage_is_found_by_verify(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library.open(path)
    for n in range(40):
        lib.add_article(_article(f"Paragrafo numero {n}. " * 200, f"h{n}"))
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes((n * 131) % 256 for n in range(page))
    path.write_bytes(bytes(data))
    damaged = Library.open(path)  # the catalogue is intact: opening cannot tell
    with pytest.raises(sqlite3.DatabaseError) as caught:
        damaged.verify()
    damaged.close()
    assert problem_kind(caught.value) == "damaged"


def test_a_library_deleted_while_in_use_is_said(tmp_path: Path, capsys) -> None:
    from lettore.commands.open import warn_if_library_gone

    path = tmp_path / "lib.sqlite3"
    lib = Library.open(path)
    lib.add_article(_article("Un testo.", "one"))
    assert lib.still_on_disk() and not warn_if_library_gone(lib)
    path.unlink()
    assert not lib.still_on_disk()
    assert warn_if_library_gone(lib)
    assert "was deleted or replaced while the reader ran" in capsys.readouterr().err
    replaced = Library.open(path)  # a new file at the same path is not the one in use
    assert not lib.still_on_disk()
    replaced.close()
    lib.close()
