"""Pilot tests for the claims panel (`C`): selection moves the cursor and lights up cue and
figures in both languages, the cursor selects the claim of its sentence, sort and filters,
the entity panel narrowing the claims, and the number check flagging a changed figure."""

from __future__ import annotations

from pathlib import Path

from lettore.config import Settings
from lettore.model import Translation
from lettore.tui.app import make_app
from lettore.tui.columns import BlockText
from lettore.tui.widgets.article_view import Position
from lettore.tui.widgets.claims_panel import ClaimsPanel
from lettore.tui.widgets.entity_panel import EntityPanel
from tests.tui.seed_app import seed_library
from tests.tui.test_entities_panel import analysed_app, seed_claims, seed_entities, styled


def shown_ids(panel: ClaimsPanel) -> list[str]:
    """Claim ids in the panel, top to bottom."""
    return [row.claim.id for row in panel.shown]


async def test_choosing_a_claim_moves_cursor_and_marks_cue_and_figures(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("C")
        panel = screen.query_one(ClaimsPanel)
        assert panel.display and panel.option_list.has_focus
        assert shown_ids(panel) == ["c3", "c4", "c2", "c1"]  # opens by score, highest first
        await pilot.press("enter")
        assert screen.view.current == Position(6, 0)
        block = screen.article.blocks[6]
        english = BlockText.build(block, screen.view.translations).translation.text
        original, translation = screen._feature_highlights(6)
        assert "scriveva" in styled(original, "article--claim-cue", block.text)
        assert "20 miliardi di dollari" in styled(original, "article--claim-number", block.text)
        assert "wrote" in styled(translation, "article--claim-cue", english)
        assert "20 billion" in styled(translation, "article--claim-number", english)
        assert "statistic" in str(screen.query_one("#status").render())


async def test_cursor_on_a_claim_sentence_selects_it_in_the_panel(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3", panels={"claims": True})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        panel = screen.query_one(ClaimsPanel)
        assert panel.display  # remembered from the last session
        screen.view.focus()
        await pilot.press("J", "J")
        assert screen.view.current == Position(2, 0)
        assert panel.highlighted_claim().id == "c2"
        await pilot.press("G", "K", "K")
        assert screen.view.current == Position(8, 0)
        assert panel.highlighted_claim().id == "c4"
        original, _ = screen._feature_highlights(8)
        assert "2.000" in styled(original, "article--claim-number", screen.article.blocks[8].text)


async def test_sort_kind_and_speaker_filters(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        panel = app.screen.query_one(ClaimsPanel)
        assert shown_ids(panel) == ["c3", "c4", "c2", "c1"]  # highest score first
        await pilot.press("s")
        assert shown_ids(panel) == ["c1", "c2", "c3", "c4"]  # by position
        await pilot.press("f")
        assert shown_ids(panel) == ["c1"]  # kinds in turn: quote first
        await pilot.press("f", "f")
        assert shown_ids(panel) == ["c3", "c4"]  # statistic
        await pilot.press("a")
        assert shown_ids(panel) == ["c3"]  # speakers of statistics in turn: Newsweek, unattributed
        await pilot.press("a")
        assert shown_ids(panel) == ["c4"]
        assert "speaker: unattributed" in panel.header().plain
        await pilot.press("x")
        assert shown_ids(panel) == ["c1", "c2", "c3", "c4"]


async def test_choosing_an_entity_narrows_the_claims(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("C", "E")
        entities = screen.query_one(EntityPanel)
        entities.highlight_group(next(g for g in entities.groups if g.name == "Newsweek"))
        await pilot.press("enter")
        panel = screen.query_one(ClaimsPanel)
        assert shown_ids(panel) == ["c3"]
        assert "Newsweek" in panel.header().plain


async def test_number_check_flags_a_changed_figure(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    library.set_analysis(article_id, seed_entities(library, article_id), seed_claims())
    wrong = library.translations(article_id)[(6, 0)].text.replace("$20 billion", "$2 billion")
    library.set_translation(article_id, (6, 0), Translation(wrong, "google"))
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()  # the number check runs off the UI thread
        await pilot.pause()
        screen = app.screen
        block = screen.article.blocks[6]
        original, _ = screen._feature_highlights(6)
        flagged = styled(original, "article--number-mismatch", block.text)
        assert any("20 miliardi" in text for text in flagged)
        assert not styled(screen._feature_highlights(8)[0], "article--number-mismatch", "")  # 2.000 = 2,000
        screen.view.move_to(Position(6, 0))
        await pilot.pause()
        assert "not in translation" in str(screen.query_one("#status").render())
        await pilot.press("C")
        row = next(r for r in screen.query_one(ClaimsPanel).rows if r.claim.id == "c3")
        assert row.flagged


async def test_panel_opens_on_claims_worth_checking_and_e_shows_every_claim(tmp_path: Path) -> None:
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    claims = [c._replace(score=0.2) if c.id == "c2" else c for c in seed_claims()]
    claims[2] = claims[2]._replace(why="raised by a sum of money (20 miliardi di dollari)")
    library.set_analysis(article_id, seed_entities(library, article_id), claims)
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        panel = app.screen.query_one(ClaimsPanel)
        assert shown_ids(panel) == ["c3", "c4", "c1"]  # c2 scores under the threshold
        assert "3/4 claims" in panel.header().plain and "worth checking" in panel.header().plain
        assert "sum of money" in str(panel.query_one("#claims-why").render())
        await pilot.press("e")
        assert shown_ids(panel) == ["c3", "c4", "c1", "c2"]
        assert "every claim" in panel.header().plain
        await pilot.press("e")
        assert shown_ids(panel) == ["c3", "c4", "c1"]
