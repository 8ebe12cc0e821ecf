"""The one-line status bar under the article: redrawn on every cursor move, so it only
repaints itself and never asks the screen for a new layout (a Static would).

It is given pieces with a priority (0 first): when they do not fit the width, the least
important are shortened to their shorter forms, then dropped, so the cursor and the
translation's provenance are never the ones cut."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.text import Text
from textual.widget import Widget

SEPARATOR = " · "


class StatusPiece(NamedTuple):
    """One part of the status line: its priority (0 most important) and its forms,
    longest first (the last form is the shortest kept before dropping the piece)."""

    priority: int
    forms: tuple[Text, ...]


def piece(priority: int, *forms: Text | str) -> StatusPiece:
    """A piece from one or more forms (plain strings are text, never markup)."""
    return StatusPiece(priority, tuple(f if isinstance(f, Text) else Text(f) for f in forms))


def fit(pieces: Sequence[StatusPiece], width: int) -> Text:
    """The pieces joined in their order, shortened and dropped least important first
    (ties: the later piece first) until the line fits `width` cells."""
    chosen = [0] * len(pieces)  # index of the form used; len(forms) means dropped
    order = sorted(range(len(pieces)), key=lambda i: (-pieces[i].priority, -i))

    def line() -> Text:
        shown = [p.forms[c] for p, c in zip(pieces, chosen, strict=True) if c < len(p.forms)]
        return Text(SEPARATOR).join(shown)

    text = line()
    for index in order:
        while text.cell_len > width and chosen[index] < len(pieces[index].forms) and pieces[index].priority > 0:
            chosen[index] += 1
            text = line()
        if text.cell_len <= width:
            break
    return text


class StatusLine(Widget):
    """A fixed-height line of text set from code, fitted to its width when drawn."""

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.pieces: list[StatusPiece] = []

    @property
    def text(self) -> Text:
        """Everything the line holds, unfitted."""
        return fit(self.pieces, 10**6)

    def update(self, text: Text | str | Sequence[StatusPiece]) -> None:
        """Show new pieces (a plain text is one piece; strings are not parsed as markup)."""
        self.pieces = [piece(0, text)] if isinstance(text, (Text, str)) else list(text)
        self.refresh()

    def render(self) -> Text:
        """The pieces that fit the current width."""
        return fit(self.pieces, self.size.width or 10**6)
