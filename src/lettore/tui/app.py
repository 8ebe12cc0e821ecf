"""The Textual application: opens one article from the library and reads only the store.

`make_app` serves the CLI and the tests alike; every slow job (translation, analysis)
belongs to workers that post messages back, never to the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from lettore.config import Settings
from lettore.model import Article, ReadingState
from lettore.store import Library


class EmptyLibraryMessage(Static):
    """Shown when there is nothing to read yet."""


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
        super().__init__()
        self.settings = settings
        self.library = library
        self.article_id = article_id
        self.after_first_screen: Callable[[], None] | None = None  # called once it is drawn

    def on_mount(self) -> None:
        """Apply theme and key map, then open the article (or say the library is empty)."""
        if self.settings.theme not in self.available_themes:
            self.notify(f"unknown theme {self.settings.theme!r}; using {self.theme}", severity="warning")
        elif self.settings.theme != self.theme:  # the same theme again would restyle all for nothing
            self.theme = self.settings.theme
        if self.settings.keys:
            self.set_keymap(dict(self.settings.keys))
        if self.article_id is not None:
            self.open_article(self.article_id)
        elif self.library.article_count():
            self.action_show_library()
        if self.after_first_screen is not None:
            self.call_after_refresh(self.after_first_screen)

    def compose(self) -> ComposeResult:
        """The default screen only holds the empty-library hint; articles open as
        ReaderScreens. With an article to open it stays bare: every widget styled here
        delays the first screen."""
        if self.article_id is None:
            yield _empty_hint()

    def _show_empty_hint(self) -> None:
        """The hint on the default screen, once the last article has gone."""
        if not self.screen_stack[0].query(EmptyLibraryMessage):
            self.screen_stack[0].mount(_empty_hint())

    def open_article(self, article_id: int) -> None:
        """Load an article and its translations from the store and show it."""
        from lettore.tui.screens.reader import ReaderScreen

        article = self.library.get_article(article_id)
        state = self.library.reading_state(article_id) or ReadingState(layout=self.settings.layout)
        self.push_screen(ReaderScreen(article, self.library.translations(article_id), state))

    def action_show_library(self) -> None:
        """The library screen: open, delete or import articles."""
        from lettore.tui.screens.library import LibraryScreen

        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(), self._library_closed)

    def _library_closed(self, result) -> None:
        """Open the chosen article; leave a deleted one's reader; nothing under the library: quit."""
        from lettore.tui.screens.reader import ReaderScreen

        reading = self.screen if isinstance(self.screen, ReaderScreen) else None
        if reading is not None and (reading.article.id in result.deleted or result.open_id is not None):
            self.pop_screen()
        if result.open_id is not None:
            self.open_article(result.open_id)
        elif not isinstance(self.screen, ReaderScreen) and self.library.article_count():
            if reading is not None:
                self.action_show_library()
            else:
                self.exit()
        elif not isinstance(self.screen, ReaderScreen):
            self._show_empty_hint()

    def remember_position(self, article: Article, state: ReadingState) -> None:
        """Persist the cursor, layout and panels of the article being read."""
        if article.id is not None:
            self.library.save_reading_state(article.id, state)


def _empty_hint() -> EmptyLibraryMessage:
    """What the default screen says when there is nothing to read."""
    return EmptyLibraryMessage(
        "The library is empty. Import an article with `reader add FILE`, then run `reader`.", id="empty"
    )


def _reader_commands():
    """The palette provider, imported when the palette first opens."""
    from lettore.tui.palette import ReaderCommands

    return ReaderCommands


def make_app(settings: Settings, library: Library, article_id: int | None) -> LettoreApp:
    """Build the app for the CLI or a test."""
    return LettoreApp(settings, library, article_id)
