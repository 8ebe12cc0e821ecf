"""The one-line title bar over the article: title, date and source, centred.

Textual's Header composes an icon, a title and a clock space (four widgets to style and
lay out before the first screen); the reader needs one line of text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from lettore.text_clean import inert


class TitleBar(Widget):
    """Title and subtitle on one line; article text is shown as plain data, never markup,
    and any control character in it as an inert symbol."""

    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; background: $panel; color: $foreground; }
    """

    def __init__(self, title: str, subtitle: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.title_text, self.subtitle = title, subtitle

    def render(self) -> Text:
        """`title — subtitle`, centred, cut with an ellipsis when too long."""
        text = Text(inert(self.title_text), no_wrap=True, overflow="ellipsis", justify="center")
        if self.subtitle:
            text.append(" — ")
            text.append(inert(self.subtitle), style="dim")
        return text
