"""Pilot tests for entity highlighting and the entity panel (`E`, `n`/`N`, `h`, label toggles),
on the seed article with a stored analysis made here (the reader itself never tags)."""

from __future__ import annotations

import re
from pathlib import Path

from lettore.config import Settings
from lettore.model import Claim, ClaimNumber, Entity
from lettore.store import Library
from lettore.tui.app import LettoreApp, make_app
from lettore.tui.columns import BlockText
from lettore.tui.widgets.article_view import Position
from lettore.tui.widgets.entity_panel import EntityPanel
from tests.tui.seed_app import seed_library

NAMES = (
    ("Kim Jong Un", "PER", None),
    ("Vladimir Putin", "PER", None),
    ("Kim", "PER", None),
    ("Korean Central News Agency", "ORG", None),
    ("Newsweek", "ORG", None),
    ("Asia Times", "ORG", None),
    ("Corea del Nord", "LOC", "North Korea"),
    ("Pyongyang", "LOC", "Pyongyang"),
    ("Mosca", "LOC", "Moscow"),
    ("Ucraina", "LOC", "Ukraine"),
    ("aprile 2025", "DATE", None),
)


def seed_entities(library: Library, article_id: int) -> list[Entity]:
    """Every occurrence of NAMES in the seed, longest names first, no overlaps."""
    article = library.get_article(article_id)
    found: list[Entity] = []
    for block in article.blocks:
        for sentence in block.sentences:
            taken: list[tuple[int, int]] = []
            here: list[Entity] = []
            for name, label, english in NAMES:
                for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence.text):
                    if any(m.start() < e and s < m.end() for s, e in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    here.append(Entity(name, label, block.index, sentence.index, m.start(), m.end(), None, english))
            found += sorted(here, key=lambda e: e.start)
    return found


def seed_claims() -> list[Claim]:
    """Four claims of the seed: a quote, a report, two statistics."""
    return [
        Claim("c1", 0, 3, "Sono stato lieto ...", "quote", attributed_to="Vladimir Putin",
              cue="dichiarato", score=0.55, entities=("Vladimir Putin", "Mosca")),
        Claim("c2", 2, 0, "Secondo quanto riportato ...", "reported", attributed_to="Korean Central News Agency",
              cue="Secondo quanto riportato", score=0.6, entities=("Korean Central News Agency", "Kim")),
        Claim("c3", 6, 0, "la Corea del Nord aveva guadagnato circa 20 miliardi di dollari", "statistic",
              attributed_to="Newsweek", cue="scriveva", score=0.9,
              numbers=(ClaimNumber("20 miliardi di dollari", 20_000_000_000, "USD", "circa"),),
              entities=("Newsweek", "Corea del Nord")),
        Claim("c4", 8, 0, "linee di produzione attive con almeno 2.000 unità", "statistic", score=0.7,
              numbers=(ClaimNumber("2.000", 2000, "units", "almeno"),), entities=("Pyongyang",)),
    ]


def analysed_app(path: Path, panels: dict[str, bool] | None = None) -> LettoreApp:
    """The reader on the seed with stored entities and claims."""
    library, article_id = seed_library(path)
    library.set_analysis(article_id, seed_entities(library, article_id), seed_claims())
    if panels:
        from lettore.model import ReadingState

        library.save_reading_state(article_id, ReadingState(panels=panels))
    return make_app(Settings(), library, article_id)


def styled(highlights, style: str, text: str) -> set[str]:
    """The substrings of `text` carrying `style`."""
    return {text[h.start:h.end] for h in highlights if h.style == style}


async def test_entities_are_coloured_in_both_languages_and_h_toggles(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        block = screen.article.blocks[6]
        text = BlockText.build(block, screen.view.translations)
        original, translation = screen._feature_highlights(6)
        found = styled(original, "article--entity-LOC", block.text) | styled(
            original, "article--entity-ORG", block.text)
        assert {"Newsweek", "Corea del Nord", "Ucraina"} <= found
        assert "aprile 2025" in styled(original, "article--entity-DATE", block.text)
        english = text.translation.text
        assert "Newsweek" in styled(translation, "article--entity-ORG", english)
        assert {"North Korea", "Ukraine"} <= styled(translation, "article--entity-LOC", english)
        await pilot.press("h")
        off_original, off_translation = screen._feature_highlights(6)
        assert not [h for h in off_original + off_translation if h.style.startswith("article--entity")]
        await pilot.press("h")
        assert "Newsweek" in styled(screen._feature_highlights(6)[0], "article--entity-ORG", block.text)


async def test_panel_groups_entities_and_n_walks_mentions(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        view = screen.view
        await pilot.press("E")
        panel = screen.query_one(EntityPanel)
        assert panel.display and panel.option_list.has_focus
        labels = [g.label for g in panel.groups]
        assert labels == sorted(labels, key=lambda label: ["PER", "ORG", "LOC", "MISC", "DATE"].index(label))
        kim = next(g for g in panel.groups if g.name.startswith("Kim"))
        panel.highlight_group(kim)
        await pilot.press("enter")
        mentions = sorted({(m.block, m.sentence) for m in kim.mentions})
        assert view.current == Position(*mentions[0])
        await pilot.press("n")
        assert view.current == Position(*mentions[1])
        await pilot.press("N", "N")
        assert view.current == Position(*mentions[-1])  # wraps round to the last mention
        assert panel.option_list.has_focus  # n/N stayed in the panel
        await pilot.press("escape")
        assert view.has_focus


async def test_label_toggle_hides_only_that_label_and_is_remembered(tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("E")
        panel = screen.query_one(EntityPanel)
        place = next(g for g in panel.groups if g.label == "LOC")
        panel.highlight_group(place)
        await pilot.press("t")
        original, translation = screen._feature_highlights(6)
        styles = {h.style for h in original + translation}
        assert "article--entity-LOC" not in styles and "article--entity-ORG" in styles
        assert screen.state.panels.get("entity-hidden:LOC") is True
        stored = app.library.reading_state(screen.article.id)
        assert stored is not None and stored.panels.get("entities") is True
