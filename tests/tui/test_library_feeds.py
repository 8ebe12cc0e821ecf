"""The library screen for news from the web: newest first, unread marks until opened, a
filter by feed (f), the source URL opened in the browser (o) or copied (c)."""

from __future__ import annotations

import webbrowser

import pytest

from lettore.config import Settings
from lettore.feeds.store import add_feed
from lettore.model import Article
from lettore.segment import make_block
from lettore.tui.app import make_app


def add(library, title: str, date: str, url: str | None = None, feed: int | None = None) -> int:
    blocks = (make_block(0, "heading", title), make_block(1, "paragraph", f"Testo di {title}."))
    article = Article(title, blocks, date=date, content_hash=title, source_url=url)
    return library.add_article(article, url, feed)[0]


def rows(app) -> list[tuple[str, str]]:
    """(id cell, title) of each table row, top to bottom."""
    table = app.screen.query_one("DataTable")
    return [(str(table.get_row_at(i)[0]), str(table.get_row_at(i)[1])) for i in range(table.row_count)]


@pytest.fixture
def news(library):
    """Two feeds and a file article: ids 1 (file), 2 and 3 (feed A), 4 (feed B)."""
    first = add_feed(library.conn, "alfa", "http://127.0.0.1:9/a.xml")
    second = add_feed(library.conn, "beta", "http://127.0.0.1:9/b.xml")
    add(library, "Dal file", "2024-01-05")
    add(library, "Alfa vecchia", "2024-03-01", "https://alfa.example/1", first)
    add(library, "Alfa nuova", "2024-05-20", "https://alfa.example/2", first)
    add(library, "Beta", "2024-04-10", "https://beta.example/1", second)
    return library


async def test_newest_first_with_unread_marks_until_opened(news) -> None:
    app = make_app(Settings(), news, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("L")
        assert rows(app) == [("● 3", "Alfa nuova"), ("● 4", "Beta"), ("● 2", "Alfa vecchia"), ("● 1", "Dal file")]
        await pilot.press("enter")
        assert app.screen.article.title == "Alfa nuova"
        await pilot.press("L")
        assert rows(app)[0] == ("3", "Alfa nuova") and rows(app)[1] == ("● 4", "Beta")


async def test_f_filters_by_feed_and_comes_back_to_all(news) -> None:
    app = make_app(Settings(), news, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("L", "f")
        assert [title for _, title in rows(app)] == ["Alfa nuova", "Alfa vecchia"]
        assert "feed: alfa" in app.screen.sub_title
        await pilot.press("f")
        assert [title for _, title in rows(app)] == ["Beta"]
        await pilot.press("f")
        assert len(rows(app)) == 4


async def test_o_opens_the_source_url_in_the_browser(news, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = make_app(Settings(), news, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("L", "down", "o")
        assert opened == ["https://beta.example/1"]
        await pilot.press("down", "down", "o")  # the file article has no URL: nothing opened, a notice instead
        assert opened == ["https://beta.example/1"]
        assert any("no source URL" in n.message for n in app._notifications)


async def test_c_copies_the_source_url(news, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(Settings(), news, None)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("L", "c")
        assert copied == ["https://alfa.example/2"]


async def test_i_imports_a_page_by_url(library) -> None:
    from fakes.web_server import WebServer
    from locations import FIXTURES

    with WebServer() as site:
        url = site.add("/live", (FIXTURES / "pages" / "liveblog-maltempo.html").read_bytes())
        app = make_app(Settings(), library, None)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("L", "i")
            await pilot.press(*url, "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert rows(app)[0][1].startswith("Maltempo in Emilia")


async def test_the_title_bar_shows_site_and_date(library) -> None:
    blocks = (make_block(0, "heading", "Piena del Secchia"), make_block(1, "paragraph", "Il fiume sale."))
    article = Article("Piena del Secchia", blocks, date="2024-05-16", content_hash="x",
                      source_url="https://gazzetta.example/a", site_name="Gazzetta della Bassa")
    article_id = library.add_article(article)[0]
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 30)):
        bar = app.screen.query_one("TitleBar")
        assert "Gazzetta della Bassa · 2024-05-16" in str(bar.render())
