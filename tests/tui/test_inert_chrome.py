"""The reader's chrome (title bar, library screen, claims and entity panels) draws control
characters from an old library as inert symbols, like the article view does: opening a
panel can never retitle or clear the terminal."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import DataTable

from lettore.config import Settings
from lettore.model import Translation
from lettore.tui.app import make_app
from lettore.tui.screens.library import LibraryScreen
from lettore.tui.widgets.claims_panel import ClaimsPanel
from lettore.tui.widgets.entity_panel import EntityPanel
from lettore.tui.widgets.title_bar import TitleBar
from tests.tui.seed_app import seed_library
from tests.tui.test_entities_panel import seed_claims, seed_entities

HOSTILE = "\x1b]0;PWN\x07\x1b[2J\x9b\u202e"
CONTROLS = "\x1b\x07\x9b\u202e"


def no_controls(text: Text | str) -> bool:
    plain = text.plain if isinstance(text, Text) else text
    return not any(char in plain for char in CONTROLS) and "PWN" in plain


def hostile_app(path: Path):
    """The seed with a title, a speaker, an entity and translations carrying controls,
    as a library written before the cleaner existed may hold them."""
    library, article_id = seed_library(path)
    claims = [claim._replace(attributed_to=HOSTILE + "Putin") for claim in seed_claims()]
    entities = seed_entities(library, article_id)
    entities[0] = entities[0]._replace(text=HOSTILE + entities[0].text)
    library.set_analysis(article_id, entities, claims)
    keys = [(claim.block, claim.sentence) for claim in claims]
    library.set_translations(article_id, [(key, Translation(HOSTILE + " gist", "libre")) for key in keys])
    library.conn.execute("UPDATE articles SET title = ? WHERE id = ?", (HOSTILE + "Titolo", article_id))
    library.conn.commit()
    return make_app(Settings(), library, article_id)


async def test_title_bar_and_claims_panel_draw_controls_inert(tmp_path: Path) -> None:
    app = hostile_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        assert no_controls(app.screen.query_one(TitleBar).render())
        await pilot.press("C")
        panel = app.screen.query_one(ClaimsPanel)
        prompts = [panel.option_list.get_option_at_index(i).prompt for i in range(panel.option_list.option_count)]
        assert prompts and all(no_controls(prompt) for prompt in prompts)
        await pilot.press("a")  # filter by the hostile speaker: it shows in the header
        assert no_controls(panel.header())


async def test_entity_panel_and_library_screen_draw_controls_inert(tmp_path: Path) -> None:
    app = hostile_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        panel = app.screen.query_one(EntityPanel)
        prompts = [str(panel.option_list.get_option_at_index(i).prompt) for i in range(panel.option_list.option_count)]
        assert any("PWN" in prompt for prompt in prompts)
        assert not any(char in prompt for prompt in prompts for char in CONTROLS)
        app.push_screen(LibraryScreen())
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cells = [cell for index in range(table.row_count) for cell in table.get_row_at(index)]
        assert any(no_controls(cell) for cell in cells if isinstance(cell, Text))
        assert not any(char in cell.plain for cell in cells if isinstance(cell, Text) for char in CONTROLS)
