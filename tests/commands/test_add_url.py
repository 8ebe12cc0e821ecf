"""`reader add URL` / `reader export URL`: a news page fetched, extracted and stored once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fakes.web_server import Page, WebServer
from lettore.cli import main
from locations import FIXTURES

PAGE = (FIXTURES / "pages" / "liveblog-maltempo.html").read_bytes()
CANONICAL = "https://www.gazzettadellabassa.example/live/maltempo-emilia"


@pytest.fixture
def site():
    with WebServer() as server:
        yield server


def articles(home: Path) -> list[object]:
    from lettore.paths import library_path
    from lettore.store import Library

    library = Library.open(library_path(home))
    try:
        return list(library.list_articles())
    finally:
        library.close()


def test_a_page_is_added_with_its_metadata_and_exported(home: Path, site: WebServer, capsys) -> None:
    url = site.add("/live", PAGE)
    assert main(["--home", str(home), "add", url]) == 0
    assert re.search(r"^added \d+: Maltempo in Emilia, la diretta", capsys.readouterr().out, re.M)
    assert main(["--home", str(home), "export", url]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["source_url"] == CANONICAL
    assert document["site_name"] == "Gazzetta della Bassa"
    assert document["author"] == "Giulia Ferrari"
    assert document["date"] == "2024-05-16"
    texts = " ".join(block["text"] for block in document["blocks"])
    assert "Protezione civile" in texts and "Commenta" not in texts and "cookie" not in texts
    assert len(site.hits("/live")) == 1  # export found the page again without fetching it


def test_the_same_page_under_another_url_is_not_imported_twice(home: Path, site: WebServer, capsys) -> None:
    site.add("/live", PAGE)
    site.add("/amp/live", PAGE)
    site.redirect("/short", "/live")
    assert main(["--home", str(home), "add", site.url("/live")]) == 0
    added = re.search(r"^added (\d+):", capsys.readouterr().out, re.M)
    assert added is not None
    assert main(["--home", str(home), "add", site.url("/short"), site.url("/amp/live")]) == 0
    out = capsys.readouterr().out
    assert out.count(f"already in the library as {added[1]}:") == 2
    assert main(["--home", str(home), "export", added[1], "--format", "md"]) == 0
    assert CANONICAL in capsys.readouterr().out


@pytest.mark.parametrize(
    ("page", "words"),
    [
        (Page(b"gone", status=404), "not found (HTTP 404)"),
        (Page(b"oops", status=500), "server failed (HTTP 500)"),
        (Page(b"%PDF-1.4", content_type="application/pdf"), "not a web page or feed"),
        (Page(b"<rss version='2.0'><channel></channel></rss>", content_type="application/rss+xml"), "reader feed add"),
        (Page(b"<html><body><nav>Prima pagina</nav><script>x()</script></body></html>"), "no readable text"),
    ],
)
def test_a_bad_answer_is_exit_2_naming_the_url_and_nothing_is_stored(
    home: Path, site: WebServer, capsys, page: Page, words: str
) -> None:
    url = site.add("/bad", page)
    assert main(["--home", str(home), "add", url]) == 2
    error = capsys.readouterr().err
    assert url in error and words in error
    assert all(article.source_url is None for article in articles(home))  # at most the seed
    assert len(articles(home)) <= 1


def test_a_collapsed_url_and_other_schemes_are_refused_clearly(home: Path, capsys) -> None:
    for url in ("https:/www.example.org/a", "ftp://example.org/a", "javascript:alert(1)"):
        assert main(["--home", str(home), "add", url]) == 2
        assert "http" in capsys.readouterr().err


def test_a_page_whose_declared_charset_is_wrong_is_read_right(home: Path, site: WebServer, capsys) -> None:
    text = (FIXTURES / "pages" / "handmade-breve-incendio.html").read_text(encoding="utf-8")
    url = site.add("/cp1252", Page(text.encode("cp1252"), content_type="text/html; charset=utf-8"))
    assert main(["--home", str(home), "add", url]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "export", url]) == 0
    document = json.loads(capsys.readouterr().out)
    assert "è scoppiato poco dopo le due di notte" in document["blocks"][1]["text"]


def test_html_and_csv_exports_carry_the_page_metadata(home: Path, site: WebServer, capsys) -> None:
    url = site.add("/live", PAGE)
    assert main(["--home", str(home), "add", url]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "export", url, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "Gazzetta della Bassa · Giulia Ferrari · 2024-05-16 · " + CANONICAL in page
    assert main(["--home", str(home), "export", url, "--format", "csv"]) == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(
        (row["source_url"], row["author"], row["site_name"]) == (CANONICAL, "Giulia Ferrari", "Gazzetta della Bassa")
        for row in rows
    )
