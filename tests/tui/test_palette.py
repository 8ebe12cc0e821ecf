"""Command palette (ctrl+p): every reader action is there and runs; themes switch from it;
keys are remapped by binding id from config.yaml; a configured theme is applied."""

from __future__ import annotations

from dataclasses import replace

from lettore.config import Settings, parse_settings
from lettore.tui.app import make_app
from lettore.tui.palette import ReaderCommands
from lettore.tui.parts.search import SearchPart
from tests.tui.test_library import add


async def palette_names(app) -> list[str]:
    """Names the provider offers on the current screen."""
    provider = ReaderCommands(app.screen)
    return [name for name, _, _ in provider._commands()]


async def test_palette_lists_reader_actions_and_runs_one(library) -> None:
    """The reader's actions (search, lookup, library, layout...) are offered; choosing runs it."""
    article = add(library, "Primo", "Il governo parla.")
    app = make_app(Settings(), library, article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        names = await palette_names(app)
        for wanted in ("Search", "Look up", "Vocabulary", "Library", "Layout", "Help"):
            assert wanted in names
        assert any(name.startswith("Theme: ") for name in names)
        await pilot.press("ctrl+p")
        await pilot.press(*"Library")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryScreen"


async def test_palette_theme_command_switches_theme(library) -> None:
    """A "Theme: nord" command changes the theme at once."""
    app = make_app(Settings(), library, add(library, "Primo", "Il governo parla."))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = {name: run for name, _, run in ReaderCommands(app.screen)._commands()}
        commands["Theme: nord"]()
        await pilot.pause()
        assert app.theme == "nord"


async def test_theme_and_keys_come_from_config(library) -> None:
    """`theme` and `keys` in config.yaml: the theme is applied and ctrl+f opens the search."""
    settings = parse_settings("theme: gruvbox\nkeys: {search: ctrl+f}\n")
    app = make_app(replace(settings), library, add(library, "Primo", "Il governo parla."))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        await pilot.press("ctrl+f", *"governo")
        await pilot.pause()
        assert len(app.screen.part(SearchPart).matches) == 1
