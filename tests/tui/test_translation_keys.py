"""Pilot tests: `e` stores a manual translation that wins; `t` re-translates in a worker."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lettore.config import Settings
from lettore.translate.normalise import normalise_key
from lettore.tui.app import make_app
from tests.fakes.libre_server import LibreServer
from tests.tui.seed_app import seed_library


async def test_e_edits_the_translation_as_manual(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen.query_one("#edit-translation")
        editor.value = "Kim Jong Un was recently photographed in state media."
        await pilot.press("enter")
        await pilot.pause()
        stored = library.translations(article_id)[(0, 0)]
        assert stored.source == "manual" and stored.text.startswith("Kim Jong Un was recently")
        assert "your edit" in str(app.screen.query_one("#status").render())
        first = library.get_article(article_id).blocks[0].sentences[0].text
        assert library.tm_lookup([normalise_key(first)])[normalise_key(first)][1] == "manual"


async def test_an_empty_edit_says_it_changed_nothing(tmp_path: Path) -> None:
    """`e`, clear the line, Enter: the translation stays, and a message says so."""
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    before = library.translations(article_id)[(0, 0)]
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#edit-translation").value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert library.translations(article_id)[(0, 0)] == before
        said = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "empty" in said and "unchanged" in said


async def test_t_retranslates_with_the_next_engine_without_blocking(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3", translated=False)
    with LibreServer() as server:
        settings = replace(Settings(), engines=("libre",), engine_urls={"libre": server.url}, timeout=5.0)
        app = make_app(settings, library, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("j", "t")
            await app.workers.wait_for_complete()
            await pilot.pause()
            translation = app.screen.view.translations.get((0, 1))
            assert translation is not None and translation.source == "libre"
            assert server.count >= 1
            assert (0, 0) not in app.screen.view.translations


async def test_t_with_a_failing_engine_says_so_and_keeps_the_reader(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3", translated=False)
    with LibreServer(default="503") as server:
        settings = replace(Settings(), engines=("libre",), engine_urls={"libre": server.url},
                           timeout=2.0, retries=0)
        app = make_app(settings, library, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("t")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert (0, 0) not in app.screen.view.translations
            assert any(n.severity == "error" for n in app._notifications)
            assert library.pending(article_id)  # the next `reader prepare` retries it
            await pilot.press("j")
            assert app.screen.view.current.sentence == 1
