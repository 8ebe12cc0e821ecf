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


def _first_sentence(library, article_id) -> str:
    return library.get_article(article_id).blocks[0].sentences[0].text


async def test_t_then_u_brings_the_reference_back_and_the_memory_keeps_it(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    reference = library.translations(article_id)[(0, 0)].text
    first = _first_sentence(library, article_id)
    with LibreServer() as server:
        # google stands for a failing engine: nothing listens on port 9
        settings = replace(Settings(), engines=("memory", "google", "libre"), timeout=2.0, retries=0,
                           engine_urls={"libre": server.url, "google": "http://127.0.0.1:9/m"})
        app = make_app(settings, library, article_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("t")
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = app.screen.view.translations[(0, 0)]
            assert shown.source == "libre" and shown.text == f"[en] {first}"
            toast = [n.message for n in app._notifications if "translated" in n.message][-1]
            assert "libre" in toast and "google" not in toast.split(";")[0]
            await pilot.press("u")
            await pilot.pause()
            assert app.screen.view.translations[(0, 0)].text == reference
    assert library.tm_lookup([normalise_key(first)])[normalise_key(first)][0] == reference


async def test_the_version_picker_lists_every_translation_and_picks_one(tmp_path: Path) -> None:
    from lettore.model import Translation

    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    library.set_translation(article_id, (0, 0), Translation("A rough one.", "apertium", rough=True))
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("U")
        await pilot.pause()
        listing = app.screen.query_one("#versions")
        assert listing.option_count == 2
        assert "apertium (rough)" in str(listing.get_option_at_index(1).prompt)
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.screen.view.translations[(0, 0)].source == "memory"


async def test_an_empty_edit_asks_before_clearing_the_manual_translation(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    reference = library.translations(article_id)[(0, 0)].text
    first = _first_sentence(library, article_id)
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#edit-translation").value = "My own version."
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#edit-translation").value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert "Clear your manual translation" in str(app.screen.query_one("Static").render())
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.view.translations[(0, 0)].text == reference
    assert library.tm_lookup([normalise_key(first)])[normalise_key(first)][0] == reference


async def test_the_status_line_flags_a_name_the_translation_lost(tmp_path: Path) -> None:
    from lettore.model import Entity, Translation

    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    first = _first_sentence(library, article_id)
    start = first.index("Kim Jong Un")
    library.set_analysis(article_id, [Entity("Kim Jong Un", "PER", 0, 0, start, start + 11)], [])
    library.set_translation(article_id, (0, 0), Translation("Recently Kim Jong An appeared.", "apertium", rough=True))
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "name not in translation: Kim Jong Un" in str(app.screen.query_one("#status").render())


def test_a_claim_row_says_when_its_translation_lost_a_name() -> None:
    from lettore.model import Claim
    from lettore.tui.widgets.claims_panel import ClaimRow, claim_row_text

    claim = Claim("c1", 0, 0, "Kim Jong Un ha detto", "quote")
    assert "⚠ names" in claim_row_text(ClaimRow(claim, "Kim Jong An said", names_missing=True)).plain
    assert "⚠ names" not in claim_row_text(ClaimRow(claim, "Kim Jong Un said")).plain


async def test_plus_adds_a_glossary_term_and_the_status_line_says_it_is_applied(tmp_path: Path) -> None:
    from lettore.translate.glossary import glossary_path, read_glossary

    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    first = _first_sentence(library, article_id)
    english = library.translations(article_id)[(0, 0)].text
    assert "carri armati" in first and "tank" in english
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        app.screen.query_one("#glossary-italian").value = "carri armati"
        app.screen.query_one("#glossary-english").value = "tank"
        app.screen.query_one("#glossary-english").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "glossary: carri armati → tank" in str(app.screen.query_one("#status").render())
    assert read_glossary(glossary_path(library.path.parent)) == {"carri armati": "tank"}
