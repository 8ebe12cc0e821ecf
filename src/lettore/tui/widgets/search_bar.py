"""The reader's search input, mounted the first time `/` is pressed."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """The one-line search input shown under the article while searching."""

    DEFAULT_CSS = """
    SearchBar { display: none; height: 3; border: tall $accent; }
    SearchBar.-visible { display: block; }
    """
    BINDINGS = [Binding("escape", "close", "Clear search", id="search_close")]

    class QueryChanged(Message):
        """The text in the bar changed (search as you type)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class QuerySubmitted(Message):
        """Enter: go to the first match and give the keys back to the article."""

    class Closed(Message):
        """Escape: clear the search."""

    def on_input_changed(self, event: Input.Changed) -> None:
        """Forward edits as a search message."""
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Forward Enter."""
        event.stop()
        self.post_message(self.QuerySubmitted())

    def action_close(self) -> None:
        """Escape in the bar clears the search."""
        self.post_message(self.Closed())
