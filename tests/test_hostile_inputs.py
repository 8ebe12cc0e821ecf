"""Hostile inputs: each is either a sensible article (escapes and markup kept as inert
text) or exit code 2 with a one-line message; never a traceback or a hang, and the
library stays intact with everything it held before."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from lettore.cli import main
from lettore.paths import library_path

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
ITALIAN = "Il sindaco di Milano ha dichiarato che la città è pronta. Però non tutti sono d'accordo."
ESC = "\x1b"


def _write(data: bytes | str, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    return make


def _nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + f"<p>{ITALIAN}</p>" + "</div>" * depth + "</body></html>").encode()


def _directory(folder: Path) -> Path:
    path = folder / "cartella"
    path.mkdir()
    return path


def _broken_link(folder: Path) -> Path:
    path = folder / "link.txt"
    path.symlink_to(folder / "does-not-exist.txt")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _big(size: int, line: bool) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / ("riga.txt" if line else "enorme.txt")
        unit = (ITALIAN + (" " if line else "\n\n")).encode()
        with path.open("wb") as handle:
            handle.write(unit * (size // len(unit) + 1))
        return path

    return make


REJECTED: dict[str, Callable[[Path], Path]] = {
    "empty": _write(b"", "vuoto.txt"),
    "whitespace": _write(" \n\t\n   \r\n", "spazi.txt"),
    "png": _write(PNG, "immagine.txt"),
    "nul-bytes": _write(b"\x00" * 4096, "nul.txt"),
    "nul-inside-text": _write(ITALIAN.encode() + b"\x00\x00\x00" * 200 + ITALIAN.encode(), "misto.txt"),
    "random-binary": _write(bytes((i * 7919) % 256 for i in range(20000)), "casuale.bin"),
    "50mb": _big(50_000_000, line=False),
    "directory": _directory,
    "missing": lambda folder: folder / "non-esiste.txt",
    "broken-symlink": _broken_link,
    "fifo": _fifo,
    "html-only-script": _write(b"<html><script>alert(1)</script><style>p{}</style></html>", "script.html"),
}

ACCEPTED: dict[str, tuple[Callable[[Path], Path], str]] = {
    "latin-1": (_write("Città e perché: è così.\n\nUn paragrafo in più.".encode("latin-1"), "l1.txt"), "perché"),
    "cp1252": (_write("“Costa 5 €” – disse l’uomo. È vero.".encode("cp1252"), "w.txt"), "€"),
    "utf-16-le": (_write("\ufeff".encode("utf-16-le") + ITALIAN.encode("utf-16-le"), "u16.txt"), "sindaco"),
    "utf-16-be": (_write("\ufeff".encode("utf-16-be") + ITALIAN.encode("utf-16-be"), "u16be.txt"), "Milano"),
    "utf-8-bom": (_write(b"\xef\xbb\xbf" + ITALIAN.encode(), "bom.txt"), "sindaco"),
    "mixed-line-endings": (_write("Titolo\r\n\r\nPrima riga.\rSeconda riga.\n\nAltro.\r\n", "eol.txt"), "Prima riga."),
    "ansi-escapes": (_write(f"{ESC}[31mRosso{ESC}[0m e {ESC}[1mgrassetto{ESC}[0m. {ITALIAN}", "ansi.txt"), "Rosso"),
    "osc8-link": (
        _write(f"{ESC}]8;;http://evil.example{ESC}\\clicca{ESC}]8;;{ESC}\\ qui. {ITALIAN}", "osc.txt"), "clicca"),
    "terminal-title": (_write(f"{ESC}]0;pwned\x07Titolo normale. {ITALIAN}", "title.txt"), "Titolo normale"),
    "rich-markup": (
        _write(f"[bold red]Allarme[/bold red] e [link=http://x.y]link[/link]. {ITALIAN}", "markup.txt"),
        "[bold red]Allarme[/bold red]"),
    "bidi-controls": (_write(f"Testo \u202eovitteffe\u202c normale. {ITALIAN}", "bidi.txt"), "normale"),
    "zero-width": (_write(f"Pa\u200brola\u200d nascosta\ufeff. {ITALIAN}", "zw.txt"), "Parola nascosta"),
    "c1-controls": (_write(f"Uno\x85due\x9btre. {ITALIAN}", "c1.txt"), "sindaco"),
    "html-hostile": (_write(
        f"<html><head><style>p{{color:red}}</style><script>var x='SEGRETO';</script></head><body>"
        f"<nav>Menu Home</nav><iframe src='x'>cornice</iframe><h1>Notizia</h1><p>{ITALIAN}</p></body></html>",
        "ostile.html"), "Notizia"),
    "deeply-nested-html": (_write(_nested_html(20_000), "nested.html"), "sindaco"),
    "english-article": (_write("The mayor said the city is ready. Not everyone agrees.", "en.txt"), "mayor"),
    "chinese-article": (_write("北京市长表示，城市已经准备好了。并非所有人都同意。", "zh.txt"), "北京"),
    "emoji-and-combining": (_write("Che bello 😀👍🏽! Cafe\u0301 e nai\u0308ve. " + ITALIAN, "emoji.txt"), "bello"),
    "one-huge-word": (_write("x" * 100_000 + " fine.", "parola.txt"), "fine"),
    "markdown-odd": (
        _write("# Titolo\n\n![img](a.png)\n\n```\ncodice\n```\n\n* voce *enfasi* [link](http://x)\n", "odd.md"),
        "Titolo"),
    "invalid-utf8-bytes": (_write(ITALIAN.encode() + b" \xff\xfe\xfa " + ITALIAN.encode(), "rotto.txt"), "sindaco"),
    "one-mb-line": (_big(1_000_000, line=True), "sindaco"),
    "html-references": (_write(
        f"<html><body><h1>Notizia</h1><p>Testo &#x202e;ovitteffe&#x202c; e pa&#x200b;rola &#27;[31m"
        f"rossa &#7; normale. {ITALIAN}</p></body></html>", "riferimenti.html"), "normale"),
}


@pytest.fixture
def stocked(home: Path, tmp_path: Path) -> Path:
    """A library that already holds one article, which must survive every hostile input."""
    first = tmp_path / "primo.txt"
    first.write_text("Primo articolo\n\nUn testo che deve restare nella biblioteca.", encoding="utf-8")
    assert main(["add", str(first)]) == 0  # a fresh library's first add brings the seed too
    assert _library_intact(home) == STOCKED
    return home


STOCKED = ["Di recente Kim Jong Un è apparso in alcune foto diffuse dai media statali…", "Primo articolo"]


def _library_intact(home: Path) -> list[str]:
    conn = sqlite3.connect(library_path(home))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected_with_one_line_and_exit_2(name: str, stocked: Path, tmp_path: Path, capsys) -> None:
    path = REJECTED[name](tmp_path)
    capsys.readouterr()
    assert main(["add", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: error: ") and len(err.strip().splitlines()) == 1
    assert _library_intact(stocked) == STOCKED


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_exit_2(stocked: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "segreto.txt"
    path.write_text(ITALIAN, encoding="utf-8")
    path.chmod(0)
    assert main(["add", str(path)]) == 2
    assert _library_intact(stocked) == STOCKED


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_as_inert_text(name: str, stocked: Path, tmp_path: Path, capsys) -> None:
    make, expected = ACCEPTED[name]
    path = make(tmp_path)
    assert main(["add", str(path)]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "--format", "json"]) == 0
    import json

    document = json.loads(capsys.readouterr().out)
    text = "\n".join(block["text"] for block in document["blocks"])
    assert expected in text
    assert ESC not in text and "\x07" not in text and "\u202e" not in text and "\u200b" not in text
    assert "SEGRETO" not in text and "Menu Home" not in text
    titles = _library_intact(stocked)
    assert titles[:2] == STOCKED and len(titles) == 3


def test_markup_and_escapes_render_as_literal_text() -> None:
    from rich.style import Style

    from lettore.model import Translation
    from lettore.segment import make_block
    from lettore.tui.columns import BlockText, render_block

    block = make_block(0, "paragraph", f"[bold red]Allarme[/bold red] {ESC}[31m rosso\x07.")
    text = BlockText.build(block, {(0, 0): Translation("[link=http://x]Alarm[/link]", "manual")})
    lines = render_block(text, "side-by-side", 120, {"article--original": Style()}, [], [])
    shown = "".join(segment.text for line in lines for segment in line)
    assert "[bold red]Allarme[/bold red]" in shown and "[link=http://x]Alarm[/link]" in shown
    assert ESC not in shown and "\x07" not in shown

CONTROLS = "\x1b\x07\x9b\u202e\u200b"


def _shown(capsys) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_controls_in_a_file_name_reach_no_output(stocked: Path, tmp_path: Path, capsys) -> None:
    """Titles come from file names: `\\e]0;PWN\\a` in one must not set the terminal title."""
    path = tmp_path / "\x1b]0;PWN\x07nome\u202e.txt"
    path.write_text("2024 — 1234.\n\n5678.", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", str(path)]) == 0
    assert main(["list"]) == 0
    for fmt in ("json", "md", "html", "csv"):
        assert main(["export", str(path), "--format", fmt]) == 0
    shown = _shown(capsys)
    assert "nome" in shown and not any(char in shown for char in CONTROLS)
    assert not any(char in title for title in _library_intact(stocked) for char in CONTROLS)


def test_a_file_name_that_is_not_utf8_is_added_and_found_again(stocked: Path, tmp_path: Path, capsys) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        path = tmp_path / name
        path.write_text(ITALIAN, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this filesystem does not take non-UTF-8 names")
    assert main(["add", str(path)]) == 0
    assert main(["add", str(path)]) == 0  # found again: no second copy
    assert main(["export", str(path), "--format", "md"]) == 0
    assert "caf\\xe9" in capsys.readouterr().out
    assert len(_library_intact(stocked)) == len(STOCKED) + 1


@pytest.mark.parametrize("word", ["99999999999999999999999", "²", "١", "١٢", "-0", "1e3"])
@pytest.mark.parametrize("command", ["open", "export"])
def test_odd_ids_are_exit_2_never_another_article(command: str, word: str, stocked: Path, capsys) -> None:
    capsys.readouterr()
    assert main([command, word]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: error: ") and len(err.strip().splitlines()) == 1


def test_a_symlink_loop_is_exit_2(stocked: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    for command in ("add", "open", "export"):
        assert main([command, str(tmp_path / "a.txt")]) == 2
    assert _library_intact(stocked) == STOCKED


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_output_to_a_full_device_is_exit_2(stocked: Path) -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "lettore", "list"], stdout=full, stderr=subprocess.PIPE,
                              text=True, check=False, env={**os.environ, "LETTORE_HOME": str(stocked)})
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == "reader: error: cannot write the output: No space left on device"


def test_stdin_over_the_limit_says_so_plainly(stocked: Path, monkeypatch, capsys) -> None:
    import io

    from lettore.pipeline import MAX_ARTICLE_BYTES

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"a" * (MAX_ARTICLE_BYTES + 10))))
    capsys.readouterr()
    assert main(["add", "-"]) == 2
    err = capsys.readouterr().err
    assert "more than 8 MB" in err and "is 8 MB" not in err


def test_export_to_a_fifo_is_refused_at_once(stocked: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "uscita"
    os.mkfifo(fifo)
    capsys.readouterr()
    assert main(["export", "1", "--format", "md", "-o", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert main(["export-words", "-o", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_markdown_export_passes_no_raw_html(stocked: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "html.txt"
    path.write_text("<script>alert(1)</script> Il sindaco <b>parla</b> & tace. " + ITALIAN, encoding="utf-8")
    assert main(["add", str(path)]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "<script>" not in out and "<b>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
