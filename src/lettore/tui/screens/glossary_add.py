"""The popup adding a glossary term from the reader (`+`), imported when first opened."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class GlossaryAddScreen(ModalScreen[tuple[str, str] | None]):
    """Italian term and its English; Enter in the English field saves, Escape cancels."""

    DEFAULT_CSS = """
    GlossaryAddScreen { align: center middle; }
    GlossaryAddScreen > Vertical {
        width: 80%; max-width: 100; height: auto; border: round $accent; background: $panel; padding: 0 1;
    }
    GlossaryAddScreen Label { margin: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_glossary_add")]

    def __init__(self, italian: str, english: str) -> None:
        super().__init__()
        self.italian = italian
        self.english = english

    def compose(self) -> ComposeResult:
        """Two fields: the Italian as it appears, the English every engine must use."""
        with Vertical():
            yield Label("Italian word or name", markup=False)
            yield Input(self.italian, placeholder="carri armati", id="glossary-italian")
            yield Label("English to use", markup=False)
            yield Input(self.english, placeholder="tanks", id="glossary-english")
            yield Label("Enter adds it to the glossary · Escape cancels", markup=False)

    def on_mount(self) -> None:
        """Start in the English field when the Italian is already filled in."""
        self.query_one("#glossary-english" if self.italian else "#glossary-italian", Input).focus()

    @on(Input.Submitted, "#glossary-italian")
    def _next(self) -> None:
        """Enter on the Italian moves to the English."""
        self.query_one("#glossary-english", Input).focus()

    @on(Input.Submitted, "#glossary-english")
    def _save(self) -> None:
        """Return both terms (the caller checks and stores them)."""
        self.dismiss((self.query_one("#glossary-italian", Input).value,
                      self.query_one("#glossary-english", Input).value))

    def action_cancel(self) -> None:
        """Leave without adding."""
        self.dismiss(None)
