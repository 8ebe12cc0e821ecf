"""The one-line status bar under the article: redrawn on every cursor move, so it only
repaints itself and never asks the screen for a new layout (a Static would)."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    """A fixed-height line of text set from code."""

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = Text()

    def update(self, text: Text | str) -> None:
        """Show new text (plain strings are not parsed as markup)."""
        self.text = text if isinstance(text, Text) else Text(text)
        self.refresh()

    def render(self) -> Text:
        """The current text."""
        return self.text
