"""`o` and `c` in the reader: the article's web page opened in the browser (replaced at
the `webbrowser` boundary) or its URL copied; an article from a file says it has none."""

from __future__ import annotations

import webbrowser

import pytest

from lettore.config import Settings
from lettore.model import Article
from lettore.segment import make_block
from lettore.tui.app import make_app
from tests.tui.test_help import help_text


def add(library, title: str, url: str | None) -> int:
    blocks = (make_block(0, "heading", title), make_block(1, "paragraph", f"Il sindaco di {title} ha parlato."))
    return library.add_article(Article(title, blocks, content_hash=title, source_url=url), url, None)[0]


async def test_o_opens_the_page_of_the_article_being_read(library, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    article = add(library, "Carpi", "https://gazzetta.example/carpi?id=1")
    app = make_app(Settings(), library, article)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "o")
        assert opened == ["https://gazzetta.example/carpi?id=1"]
        assert any("opening https://gazzetta.example/carpi?id=1" in n.message for n in app._notifications)


async def test_c_copies_the_url_of_the_article_being_read(library, monkeypatch: pytest.MonkeyPatch) -> None:
    article = add(library, "Mirandola", "https://gazzetta.example/mirandola")
    app = make_app(Settings(), library, article)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("c")
        assert copied == ["https://gazzetta.example/mirandola"]


async def test_an_article_from_a_file_has_no_page_to_open(library, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    article = add(library, "Vignola", None)
    app = make_app(Settings(), library, article)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("o", "c")
        assert opened == [] and copied == []
        assert sum("no source URL" in n.message for n in app._notifications) == 2


async def test_the_keys_are_in_the_help(library) -> None:
    article = add(library, "Sassuolo", "https://gazzetta.example/sassuolo")
    app = make_app(Settings(), library, article)
    async with app.run_test(size=(120, 70)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = help_text(app)
        assert "Open source page" in shown and "Copy source URL" in shown
