"""The Textual application: opens one article from the library and reads only the store.

`make_app` serves the CLI and the tests alike; every slow job (translation, analysis)
belongs to workers that post messages back, never to the UI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from lettore.config import Settings
from lettore.model import Article, ReadingState
from lettore.store import Library

if TYPE_CHECKING:  # imported with the first reader, not with the app
    from lettore.tui.screens.reader import ReaderScreen


class LettoreApp(App[int]):
    """The reader: one ReaderScreen per open article."""

    CSS_PATH = "lettore.tcss"
    TITLE = "lettore"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, id="app_quit"),
        Binding("L", "show_library", "Library", show=False, id="library"),
    ]
    COMMANDS = App.COMMANDS | {lambda: _reader_commands()}

    def __init__(self, settings: Settings, library: Library, article_id: int | None) -> None:
        """The reader keeps its theme's colours under NO_COLOR: Textual would turn the whole
        screen monochrome, and the highlights (entities, the cursor, rough MT) are colour.
        NO_COLOR is meant for what programs print, which the CLI honours."""
        no_color = os.environ.pop("NO_COLOR", None)
        try:
            super().__init__()
        finally:
            if no_color is not None:
                os.environ["NO_COLOR"] = no_color
        self.settings = settings
        self.library = library
        self.article_id = article_id
        self.after_first_screen: Callable[[], None] | None = None  # called once it is drawn
        self._modes_made = 0  # modes opened by _replace_top, for unique names

    def get_default_screen(self) -> Screen:
        """The article's reader is the first screen, when one is to be opened: pushing it
        over a default screen would style, lay out and paint that one first."""
        if self.article_id is None:
            if not self.library.article_count():
                # lazy: kept off the start-up path of `reader` and its first screen
                from lettore.tui.screens.empty_library import EmptyLibraryScreen

                return EmptyLibraryScreen()
            return super().get_default_screen()
        return self._reader_screen(self.article_id)

    def on_mount(self) -> None:
        """Apply theme (the one last picked, else config's) and key map; with no article
        given, the library (or the hint that it is empty)."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.themes import apply_theme

        apply_theme(self)
        if self.settings.keys:
            self.set_keymap(dict(self.settings.keys))
        if self.article_id is None and self.library.article_count():
            self.action_show_library()
        if self.after_first_screen is not None:
            self.call_after_refresh(self.after_first_screen)

    def _show_empty_hint(self) -> None:
        """The empty-library screen (its hint and keys), once the last article has gone."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.empty_library import EmptyLibraryScreen

        if not isinstance(self.screen, EmptyLibraryScreen):
            self.push_screen(EmptyLibraryScreen())

    def _reader_screen(self, article_id: int) -> ReaderScreen:
        """A reader for an article and its translations, loaded from the store."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.reader import ReaderScreen

        article = self.library.get_article(article_id)
        state = self.library.reading_state(article_id) or ReadingState(layout=self.settings.layout)
        return ReaderScreen(article, self.library.translations(article_id), state)

    def _close_reader(self) -> None:
        """Take the reader on top away: popped when a screen that is no reader lies below,
        otherwise replaced (or, being the first screen, covered) by a bare screen."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.reader import ReaderScreen

        below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
        if below is not None and not isinstance(below, ReaderScreen):
            self.pop_screen()
        else:
            self._replace_top(Screen())

    def _replace_top(self, screen: Screen) -> None:
        """Put `screen` in place of the one on top. A screen at the bottom of its stack
        (the reader the app started on is one) cannot be switched out, as Textual gave it
        no result callback to hand over: it becomes the first screen of a new mode, and
        the mode it leaves is removed (the start-up mode cannot be; it stays suspended)."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
            return
        leaving = self.current_mode
        self._modes_made += 1
        mode = f"reader-{self._modes_made}"
        self.add_mode(mode, lambda: screen)
        self.switch_mode(mode)
        if leaving != "_default":
            self.remove_mode(leaving)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`L` is not offered on the library screen itself."""
        if action == "show_library" and type(self.screen).__name__ == "LibraryScreen":
            return None
        return True

    def action_show_library(self) -> None:
        """The library screen: open, delete or import articles."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.library import LibraryScreen
        from lettore.tui.screens.reader import ReaderScreen

        if not isinstance(self.screen, LibraryScreen):
            reading = self.screen.article.id if isinstance(self.screen, ReaderScreen) else None
            self.push_screen(LibraryScreen(reading), self._library_closed)

    def _library_closed(self, result) -> None:
        """Open the chosen article in place of the one being read; leave a deleted one's
        reader for the library again; with nothing to read and nothing chosen: quit."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.reader import ReaderScreen

        reading = self.screen if isinstance(self.screen, ReaderScreen) else None
        if result.open_id is not None:
            chosen = self._reader_screen(result.open_id)
            if reading is not None:
                self._replace_top(chosen)
            else:
                self.push_screen(chosen)
            return
        closed = reading is not None and reading.article.id in result.deleted
        if closed:
            self._close_reader()
        if reading is not None and not closed:
            return
        if not self.library.article_count():
            self._show_empty_hint()
        elif closed:
            self.action_show_library()
        else:
            self.exit()

    def remember_position(self, article: Article, state: ReadingState) -> None:
        """Persist the cursor, layout and panels of the article being read."""
        if article.id is not None:
            self.library.save_reading_state(article.id, state)


def _reader_commands():
    """The palette provider, imported when the palette first opens."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.tui.palette import ReaderCommands

    return ReaderCommands


def make_app(settings: Settings, library: Library, article_id: int | None) -> LettoreApp:
    """Build the app for the CLI or a test."""
    return LettoreApp(settings, library, article_id)
