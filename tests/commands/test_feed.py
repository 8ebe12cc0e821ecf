"""`reader feed ...`: subscribing, updating against a local news site, OPML in and out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakes.news_site import publish
from fakes.web_server import Page, WebServer
from lettore.cli import main


@pytest.fixture
def site():
    with WebServer() as server:
        yield server


def reader(home: Path, *words: str) -> int:
    return main(["--home", str(home), *words])


def feed_rows(home: Path, capsys) -> dict[str, dict]:
    capsys.readouterr()
    assert reader(home, "feed", "list", "--json") == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_rss2_rss1_and_atom_feeds_import_their_items_once(home: Path, site: WebServer, capsys) -> None:
    for number, kind in enumerate(("rss2", "rss1", "atom")):
        url = publish(site, number, range(3), kind)
        assert reader(home, "feed", "add", url) == 0
    assert "subscribed to Gazzetta 2" in capsys.readouterr().out
    assert reader(home, "feed", "update") == 0
    out = capsys.readouterr().out
    assert "9 new, 0 already there, 0 failed" in out
    rows = feed_rows(home, capsys)
    assert [rows[f"Gazzetta {n}"]["articles"] for n in range(3)] == [3, 3, 3]
    assert rows["Gazzetta 0"]["unread"] == 3 and rows["Gazzetta 0"]["last_error"] is None
    assert reader(home, "feed", "update") == 0
    assert "0 new, 0 already there, 0 failed, 3 unchanged" in capsys.readouterr().out
    assert all(len(site.hits(f"/f{n}/a0")) == 1 for n in range(3))  # no page fetched twice
    assert all(site.hits(f"/f{n}.xml")[-1].headers.get("if-none-match") for n in range(3))


def test_items_repeated_across_updates_and_feeds_are_not_imported_again(home: Path, site: WebServer, capsys) -> None:
    url = publish(site, 0, range(3))
    reader(home, "feed", "add", url, "--name", "zero")
    reader(home, "feed", "update")
    publish(site, 0, range(1, 5))  # two old items, two new
    capsys.readouterr()
    assert reader(home, "feed", "update", "zero") == 0
    assert "2 new, 2 already there, 0 failed" in capsys.readouterr().out
    assert feed_rows(home, capsys)["zero"]["articles"] == 5


def test_failures_are_listed_do_not_stop_the_others_and_are_retried(home: Path, site: WebServer, capsys) -> None:
    good = publish(site, 0, range(2))
    bad_item = publish(site, 1, range(2))
    site.add("/f1/a1", Page(b"oops", status=500))
    reader(home, "feed", "add", good, "--name", "good")
    reader(home, "feed", "add", bad_item, "--name", "flaky")
    reader(home, "feed", "add", site.url("/missing.xml"), "--name", "gone")
    capsys.readouterr()
    assert reader(home, "feed", "update") == 0
    out = capsys.readouterr().out
    assert "3 new, 0 already there, 2 failed" in out
    assert "/f1/a1: the server failed (HTTP 500)" in out and "/missing.xml: not found (HTTP 404)" in out
    assert "not found" in feed_rows(home, capsys)["gone"]["last_error"]
    publish(site, 1, range(2))  # the page is back; the feed itself is unchanged (304)
    capsys.readouterr()
    assert reader(home, "feed", "update", "flaky") == 0
    assert "1 new, 0 already there, 0 failed, 1 unchanged" in capsys.readouterr().out


def test_a_malformed_feed_imports_what_it_can_and_says_so(home: Path, site: WebServer, capsys) -> None:
    url = publish(site, 0, range(2))
    broken = site.routes["/f0.xml"].body.replace(b"</channel></rss>", b"<item><title>rotto &amp")
    site.add("/f0.xml", Page(broken, content_type="application/rss+xml"))
    reader(home, "feed", "add", url, "--name", "rotto")
    capsys.readouterr()
    assert reader(home, "feed", "update") == 0
    out = capsys.readouterr().out
    assert "2 new" in out and "malformed feed" in out


def test_not_a_feed_is_refused_at_add(home: Path, site: WebServer, capsys) -> None:
    url = site.add("/page", "<html><body><p>Una pagina qualunque.</p></body></html>")
    assert reader(home, "feed", "add", url) == 2
    assert url in capsys.readouterr().err


def test_a_site_page_is_followed_to_the_first_feed_it_names(home: Path, site: WebServer, capsys) -> None:
    first = publish(site, 0, range(1))
    second = publish(site, 1, range(1), "atom")
    page = site.add("/cronaca/", '<html><head><link rel="alternate" type="application/rss+xml" href="../f0.xml">'
                    f'<link rel="alternate" type="application/atom+xml" href="{second}"></head><body></body></html>')
    assert reader(home, "feed", "add", page) == 0
    out = capsys.readouterr().out
    assert f"names 2 feeds; subscribing to the first: {first}" in out and f"also named: {second}" in out
    assert feed_rows(home, capsys)["Gazzetta 0"]["url"] == first


def test_a_page_naming_no_feed_is_refused_with_what_to_do(home: Path, site: WebServer, capsys) -> None:
    page = site.add("/home", "<html><head><title>Gazzetta</title></head><body><p>Notizie.</p></body></html>")
    assert reader(home, "feed", "add", page) == 2
    err = capsys.readouterr().err
    assert f"{page}: a web page that names no RSS or Atom feed" in err and "give the feed's own address" in err
    assert feed_rows(home, capsys) == {}


def test_opml_round_trip_and_remove(home: Path, site: WebServer, tmp_path: Path, capsys) -> None:
    reader(home, "feed", "add", publish(site, 0, range(1)), "--name", "uno")
    reader(home, "feed", "add", publish(site, 1, range(1)), "--name", "due")
    opml = tmp_path / "feeds.opml"
    assert reader(home, "feed", "export", str(opml)) == 0
    other = tmp_path / "other-home"
    assert reader(other, "feed", "import", str(opml)) == 0
    assert set(feed_rows(other, capsys)) == {"uno", "due"}
    assert reader(other, "feed", "remove", "uno") == 0
    assert set(feed_rows(other, capsys)) == {"due"}
    assert reader(other, "feed", "remove", "uno") == 2


def test_an_opml_entity_bomb_is_refused(home: Path, tmp_path: Path, capsys) -> None:
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                    '<opml><body><outline xmlUrl="http://x/&b;"/></body></opml>')
    assert reader(home, "feed", "import", str(bomb)) == 2
    assert "not a readable OPML file" in capsys.readouterr().err


def test_update_prepare_translates_the_new_articles_through_the_engine_chain(
    home: Path, site: WebServer, tmp_path: Path, capsys
) -> None:
    import sqlite3

    from fakes.libre_server import LibreServer
    from lettore.paths import library_path

    with LibreServer() as libre:
        config = tmp_path / "config.yaml"
        config.write_text(f"engines: [memory, libre]\nengine_urls: {{libre: '{libre.url}'}}\nretries: 0\n")
        reader(home, "feed", "add", publish(site, 0, range(2)), "--name", "zero")
        capsys.readouterr()
        assert main(["--home", str(home), "--config", str(config), "feed", "update", "--prepare"]) == 0
        out = capsys.readouterr().out
        assert "2 new" in out and "translated" in out
        assert libre.count > 0
    conn = sqlite3.connect(library_path(home))
    try:
        texts = [row[0] for row in conn.execute("SELECT text FROM translations t JOIN articles a"
                                                " ON a.id = t.article_id WHERE a.feed_id IS NOT NULL")]
    finally:
        conn.close()
    assert texts and all(text.startswith("[en] ") for text in texts)


def test_feed_list_names_url_counts_and_last_error(home: Path, site: WebServer, capsys) -> None:
    reader(home, "feed", "add", site.url("/gone.xml"), "--name", "persa")
    reader(home, "feed", "update")
    capsys.readouterr()
    assert reader(home, "feed", "list") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"persa  {site.url('/gone.xml')}  0 articles, 0 unread,")
    assert "error:" in line and "HTTP 404" in line


def test_an_item_whose_link_redirects_is_not_fetched_again(home: Path, site: WebServer, capsys) -> None:
    from fakes.news_site import article_html, rss2

    site.add("/page", article_html(0, 0, site.url("/page")))
    site.redirect("/track?id=1", "/page")
    feed = site.add("/r.xml", Page(rss2("Rinvii", [site.url("/track?id=1")]), content_type="application/rss+xml"))
    reader(home, "feed", "add", feed, "--name", "rinvii")
    assert reader(home, "feed", "update") == 0
    assert reader(home, "feed", "update") == 0  # no ETag: the feed is fetched again, the page is not
    assert "0 new, 1 already there" in capsys.readouterr().out
    assert len(site.hits("/track?id=1")) == 1 and len(site.hits("/page")) == 1
