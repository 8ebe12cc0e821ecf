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


async def test_theme_picked_in_the_palette_is_kept_for_the_next_start(library) -> None:
    """"Theme: nord" in one session; the next session starts in nord (the config says textual-dark)."""
    article = add(library, "Primo", "Il governo parla.")
    app = make_app(Settings(), library, article)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        commands = {name: run for name, _, run in ReaderCommands(app.screen)._commands()}
        commands["Theme: nord"]()
        await pilot.pause()
        said = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "theme: nord" in said and "config.yaml" not in said
    again = make_app(Settings(), library, article)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_saved_theme_that_no_longer_exists_falls_back_to_the_config(library) -> None:
    """An unknown saved theme is not an error: the configured one is used."""
    from lettore.store.app_state import set_value

    set_value(library, "theme", "gone-theme")
    app = make_app(replace(Settings(), theme="gruvbox"), library, add(library, "Primo", "Il governo parla."))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"


async def test_the_configured_theme_is_not_saved_and_a_config_edit_beats_an_old_pick(library) -> None:
    """Starting in config's gruvbox saves nothing; after a pick (nord), editing config.yaml to
    dracula starts in dracula."""
    from lettore.store.app_state import get_value

    article = add(library, "Primo", "Il governo parla.")
    app = make_app(replace(Settings(), theme="gruvbox"), library, article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert get_value(library, "theme") is None
        app.theme = "nord"
        await pilot.pause()
    again = make_app(replace(Settings(), theme="gruvbox"), library, article)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    edited = make_app(replace(Settings(), theme="dracula"), library, article)
    async with edited.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert edited.theme == "dracula"
