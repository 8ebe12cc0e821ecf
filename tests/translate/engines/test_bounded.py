"""An engine's server cannot hold a request past its deadline, make us store a huge answer,
get a credential sent to another origin, or put terminal controls in the library."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fakes.articles import numbered_article
from fakes.hostile_server import HostileServer
from lettore.cli import main
from lettore.paths import library_path
from lettore.store import Library
from lettore.translate.engines import (
    EngineBadResponse,
    EngineTimeout,
    HttpClient,
    LibreEngine,
    RetryPolicy,
    build_engine,
)

SECRET = "sk-very-secret-4242"
HOSTILE = "\x1b]0;PWN\x07The \x1b[2Jcouncil\x9b met \u202eyesterday\u200b. &#x202e;&#x200b;Fine."


def libre(url: str, *, api_key: str | None = None, deadline: float = 60.0, max_bytes: int = 1_000_000,
          timeout: float = 5.0) -> LibreEngine:
    client = HttpClient("libre", timeout=timeout, deadline=deadline, max_bytes=max_bytes,
                        policy=RetryPolicy(0, 0.01, 0.05), secrets=(api_key,) if api_key else ())
    return LibreEngine(client, url=url, jobs=1, api_key=api_key)


def one(engine, text: str = "Il consiglio si è riunito ieri sera.") -> object:
    return dict(engine.translate_stream([text], "it", "en"))[0]


def test_cross_origin_redirect_never_resends_the_libre_key() -> None:
    with HostileServer("answer") as second, HostileServer("redirect", location=second.url) as first:
        result = one(libre(first.url, api_key=SECRET))
    assert isinstance(result, EngineBadResponse) and "another server" in str(result)
    assert SECRET.encode() in first.requests[0][1]
    assert not any(SECRET in str(headers) or SECRET.encode() in body for headers, body in second.requests)


def test_cross_origin_redirect_never_resends_the_microsoft_header() -> None:
    with HostileServer("answer") as second, HostileServer("redirect", location=second.url) as first:
        engine = build_engine("microsoft", url=first.url, keys={"microsoft": SECRET}, retries=0)
        result = one(engine)
    assert isinstance(result, EngineBadResponse)
    assert first.requests[0][0]["ocp-apim-subscription-key"] == SECRET
    assert not any(SECRET in str(headers) for headers, _ in second.requests)


def test_a_redirect_without_credentials_is_followed() -> None:
    with HostileServer("answer", answer="The council met.") as second, HostileServer(
        "redirect", location=second.url
    ) as first:
        assert one(libre(first.url)) == "The council met."
    assert len(second.requests) == 1


def test_a_trickling_server_cannot_outlive_the_deadline() -> None:
    """The trickle would take 40 minutes; the request gives up at its 0.5 s deadline,
    though every byte arrives well within the per-read timeout."""
    with HostileServer("trickle", pause=0.5) as server:
        result = one(libre(server.url, deadline=0.5, timeout=2.0))
    assert isinstance(result, EngineTimeout) and "in all" in str(result)


@pytest.mark.parametrize("declare", [True, False], ids=["declared", "undeclared"])
def test_a_20_mb_answer_is_refused(declare: bool) -> None:
    with HostileServer("huge", size=20_000_000, declare=declare) as server:
        result = one(libre(server.url, max_bytes=1_000_000))
    assert isinstance(result, EngineBadResponse) and "1,000,000" in str(result)


def test_controls_in_an_answer_never_reach_the_library(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    library = Library.open(library_path(home))
    article_id = library.add_article(numbered_article("Cronaca", 1, 1))[0]
    library.close()
    with HostileServer("answer", answer=HOSTILE) as server:
        code = main(["--home", str(home), "prepare", "--engine", "libre", "--engine-url", server.url])
    assert code == 0
    conn = sqlite3.connect(library_path(home))
    stored = [row[0] for row in conn.execute("SELECT text FROM translations WHERE article_id = ?", (article_id,))]
    memory = [row[0] for row in conn.execute("SELECT target FROM tm")]
    conn.close()
    assert stored and memory
    for text in stored + memory:
        assert text == "The council met yesterday. Fine."
    capsys.readouterr()
    assert main(["--home", str(home), "export", str(article_id), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["blocks"][0]["sentences"][0]["translation"] == (
        "The council met yesterday. Fine."
    )


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_exports_of_an_old_library_holding_controls_carry_none(tmp_path: Path, fmt: str, capsys) -> None:
    """A library written before answers were cleaned may hold controls: exports escape them."""
    home = tmp_path / "home"
    library = Library.open(library_path(home))
    article_id = library.add_article(numbered_article("Cronaca", 1, 1))[0]
    library.conn.execute(
        "INSERT INTO translations VALUES (?, 0, 0, ?, 'libre', 0, 0)", (article_id, HOSTILE)
    )
    library.conn.execute("UPDATE articles SET title = ? WHERE id = ?", ("\x1b]0;PWN\x07Titolo\u202e", article_id))
    library.conn.commit()
    library.close()
    capsys.readouterr()
    assert main(["--home", str(home), "export", str(article_id), "--format", fmt]) == 0
    assert main(["--home", str(home), "list"]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in "\x1b\x07\x9b\u202e\u200b")
