"""What the app shows when the library holds nothing to read: how to import an article,
and a key bar; q or Escape quits, L opens the library (where i imports a file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from lettore.tui.widgets.key_bar import KeyBar

HINT = (
    "The library is empty. Press L for the library, then i to import a .txt, .md or .html file;"
    " or run `reader add FILE` in a shell, then `reader`."
)


class EmptyLibraryScreen(Screen[None]):
    """The hint to import an article, with keys to leave or to import."""

    BINDINGS = [
        Binding("L", "app.show_library", "Library", id="empty_library"),
        Binding("q,escape", "app.quit", "Quit", id="empty_quit"),
    ]

    def compose(self) -> ComposeResult:
        """The hint, and the key bar at the bottom."""
        yield Static(HINT, id="empty", markup=False)
        yield KeyBar()
