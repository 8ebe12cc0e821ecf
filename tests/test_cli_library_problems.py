"""`reader` on a library it cannot use right now (full disk, held lock, newer schema,
damage inside): exit 2 with one line naming the cause, and the file untouched; only
damage moves it aside, on the next start, after saying so."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from lettore.cli import main
from lettore.paths import library_path
from lettore.store.schema import SCHEMA_VERSION

ITALIAN = "Il sindaco di Milano ha dichiarato che la città è pronta. Però non tutti sono d'accordo."


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stock(home: Path, tmp_path: Path) -> Path:
    article = tmp_path / "primo.txt"
    article.write_text("Primo articolo\n\nUn testo che deve restare nella biblioteca.", encoding="utf-8")
    assert main(["--home", str(home), "add", str(article)]) == 0
    return library_path(home)


def _titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, so the disk can really be filled; skipped where mounting is not allowed."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def test_full_disk_is_exit_2_and_the_library_survives(
    small_disk: Path, home: Path, tmp_path: Path, capsys
) -> None:
    library_home = small_disk / "home"
    path = _stock(library_home, tmp_path)
    before = _digest(path)
    filler = _fill(small_disk)
    big = tmp_path / "grande.txt"
    big.write_text((ITALIAN + "\n\n") * 3000, encoding="utf-8")
    capsys.readouterr()
    for args in (["list"], ["add", str(big)], ["list"]):
        code = main(["--home", str(library_home), *args])
        err = capsys.readouterr().err
        assert code == 2 and "is full" in err and len(err.strip().splitlines()) == 1, err
    assert not list(library_home.glob("*.broken-*"))
    assert _digest(path) == before or "Primo articolo" in _titles(path)
    filler.unlink()
    assert main(["--home", str(library_home), "list"]) == 0
    assert "Primo articolo" in capsys.readouterr().out


def test_locked_library_waits_visibly_then_exit_2(home: Path, tmp_path: Path, capsys) -> None:
    path = _stock(home, tmp_path)
    config = tmp_path / "config.yaml"
    config.write_text("lock_timeout: 0.3\n", encoding="utf-8")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE other_reader (x)")
    article = tmp_path / "secondo.txt"
    article.write_text(ITALIAN, encoding="utf-8")
    capsys.readouterr()
    try:
        for args in (["list"], ["add", str(article)]):
            assert main(["--config", str(config), *args]) == 2
            err = capsys.readouterr().err.splitlines()
            assert "locked by another reader; waiting" in err[0]
            assert err[1].startswith("reader: error: ") and "locked by another reader" in err[1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(path.parent.glob("*.broken-*")) and _titles(path)[-1] == "Primo articolo"
    assert "Primo articolo" not in _titles(path)[:-1]  # the add of secondo.txt stored nothing


def test_newer_schema_exit_2_file_untouched(home: Path, tmp_path: Path, capsys) -> None:
    path = _stock(home, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _digest(path)
    capsys.readouterr()
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert "made by a newer lettore" in err and "upgrade" in err
    assert _digest(path) == before and not list(path.parent.glob("*.broken-*"))


def test_interior_damage_is_reported_then_moved_aside_after_saying_so(
    home: Path, tmp_path: Path, capsys
) -> None:
    path = _stock(home, tmp_path)
    for n in range(30):
        article = tmp_path / f"articolo{n}.txt"
        article.write_text(f"Articolo {n}\n\n" + f"Frase numero {n} del testo. " * 300, encoding="utf-8")
        assert main(["add", str(article)]) == 0
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes((n * 131) % 256 for n in range(page))
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "moved aside" in err
    assert main(["list"]) == 0
    err = capsys.readouterr().err
    assert "moved it to" in err and "kept, not deleted" in err
    assert len(list(path.parent.glob("*.broken-*"))) == 1
