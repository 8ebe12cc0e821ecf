"""`reader prepare` as a user runs it: killed mid-way, interrupted, partial, wrong options."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fakes.articles import numbered_article
from fakes.libre_server import LibreServer
from lettore.cli import main
from lettore.paths import library_path
from lettore.store import Library
from tests.locations import REPO

SRC = REPO / "src"


@pytest.fixture
def home(tmp_path) -> Path:
    (tmp_path / "config.yaml").write_text("timeout: 0.5\nretries: 1\njobs: 2\n", encoding="utf-8")
    return tmp_path


def seed(home: Path, paragraphs: int = 12) -> int:
    library = Library.open(library_path(home))
    try:
        return library.add_article(numbered_article("Cronaca", paragraphs, 3))[0]
    finally:
        library.close()


def argv(home: Path, server: LibreServer, *extra: str) -> list[str]:
    return ["--home", str(home), "--config", str(home / "config.yaml"), "prepare",
            "--engine", "libre", "--engine-url", server.url, *extra]


def stored(home: Path) -> dict[tuple[int, int], str]:
    conn = sqlite3.connect(library_path(home))
    try:
        return {(b, s): t for b, s, t in conn.execute("SELECT block, sentence, text FROM translations")}
    finally:
        conn.close()


def start_and_stop(home: Path, server: LibreServer, sig: int) -> subprocess.CompletedProcess:
    """Run prepare in a child process and send it `sig` once some paragraphs are stored;
    the server holds every request after the 15th, so the child cannot finish first."""
    server.hold_after = 15
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen([sys.executable, "-m", "lettore", *argv(home, server)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90  # generous: on a loaded machine the child starts slowly
    while len(stored(home)) < 6 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    child.send_signal(sig)
    out, err = child.communicate(timeout=60)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_prepare_resumes_without_resending(home, sig):
    article_id = seed(home)
    with LibreServer(latency=0.1) as server:
        done = start_and_stop(home, server, sig)
        kept = stored(home)
        assert 6 <= len(kept) < 37, done.stderr
        if sig == signal.SIGINT:
            assert done.returncode == 130 and "Interrupted" in done.stdout
        library = Library.open(library_path(home))
        assert library.integrity_ok()
        library.close()
        server.release()
        before = server.count
        server.latency = 0.0
        assert main(argv(home, server)) == 0
        resent = set(server.texts()[before:]) & set(kept_sources(home, article_id, kept))
        assert resent == set()
    assert len(stored(home)) == 37


def kept_sources(home: Path, article_id: int, kept) -> list[str]:
    library = Library.open(library_path(home))
    try:
        article = library.get_article(article_id)
        return [s.text for b in article.blocks for s in b.sentences if (b.index, s.index) in kept]
    finally:
        library.close()


def test_partial_run_exits_3_and_summarises_failures(home, capsys):
    seed(home, paragraphs=2)
    with LibreServer() as server:
        server.rules = {"Frase 1 del paragrafo 0": "503"}
        assert main(argv(home, server)) == 3
        out = capsys.readouterr().out
        assert "6 translated" in out and "1 failed" in out
        assert "libre: server error (HTTP 503)" in out
        server.rules = {}
        assert main(argv(home, server)) == 0
        assert "1 translated" in capsys.readouterr().out


@pytest.mark.parametrize("extra", [["--engine", "babelfish"], ["--engine-url", "localhost:5000"],
                                   ["--jobs", "0"], ["999"]])
def test_bad_options_are_user_errors(home, extra, capsys):
    seed(home, paragraphs=1)
    with LibreServer() as server:
        assert main(argv(home, server, *extra)) == 2
    assert "reader: error:" in capsys.readouterr().err


def test_prepare_with_an_openai_compatible_server_from_the_command_line(home, capsys, monkeypatch):
    from fakes.openai_server import OpenAIServer, translate

    monkeypatch.setenv("LETTORE_OPENAI_KEY", "sk-never-shown-1234")
    article_id = seed(home, paragraphs=2)
    with OpenAIServer() as server:
        code = main(["--home", str(home), "--config", str(home / "config.yaml"), "prepare",
                     "--engine", "openai", "--engine-url", server.url, "--model", "tiny"])
        assert {body["model"] for body in server.requests} == {"tiny"}
    out = capsys.readouterr()
    assert code == 0, out
    assert "openai 7" in out.out
    assert "sk-never-shown" not in out.out + out.err
    library = Library.open(library_path(home))
    try:
        article = library.get_article(article_id)
        texts = {(b.index, s.index): s.text for b in article.blocks for s in b.sentences}
    finally:
        library.close()
    assert stored(home) == {key: translate(text) for key, text in texts.items()}


def test_prepare_with_openai_and_no_model_names_the_option(home, capsys):
    seed(home, paragraphs=1)
    code = main(["--home", str(home), "--config", str(home / "config.yaml"), "prepare",
                 "--engine", "openai", "--engine-url", "http://127.0.0.1:9/v1"])
    assert code == 3
    assert "--model" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs the apertium package")
def test_the_bar_and_the_summary_agree_when_the_online_engine_is_down(home, capsys):
    article_id = seed(home, paragraphs=1)
    code = main(["--home", str(home), "--config", str(home / "config.yaml"), "prepare",
                 "--engine", "libre", "--engine-url", "http://127.0.0.1:9/", "--engine", "apertium"])
    out = capsys.readouterr()
    assert code == 3
    said = "0 failed, 4 rough stand-ins pending"
    assert said in out.out and said in out.err
    assert "4 failed" not in out.err
    assert main(["--home", str(home), "list"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.strip().startswith(str(article_id))]
    assert "0% · 100% rough" in listed[0]


def test_two_prepare_runs_at_once_never_send_a_sentence_twice(home, capsys):
    """The second run finds the article claimed by the first (alive) and leaves it to it."""
    seed(home)
    (home / "config.yaml").write_text("timeout: 30\nretries: 1\njobs: 2\n", encoding="utf-8")  # outlasts the hold
    with LibreServer(latency=0.05) as server:
        server.hold_after = 2  # the first run stays mid-way until the second has looked
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        first = subprocess.Popen([sys.executable, "-m", "lettore", *argv(home, server)],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while server.count < 3 and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.02)
        second = main(argv(home, server))
        out = capsys.readouterr().out
        server.release()
        first.communicate(timeout=60)
        texts = server.texts()
    assert second == 0 and "being prepared by another run" in out
    assert len(texts) == len(set(texts)) == 37
    assert len(stored(home)) == 37
    library = Library.open(library_path(home))
    claims = library.conn.execute("SELECT COUNT(*) FROM app_state WHERE key LIKE 'prepare-claim:%'").fetchone()[0]
    library.close()
    assert claims == 0  # released when the run ended
