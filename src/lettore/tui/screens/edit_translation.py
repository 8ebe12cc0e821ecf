"""The hand-editing popup for one sentence's translation (`e` in the reader), imported
when first opened."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class EditTranslationScreen(ModalScreen[str | None]):
    """A one-line editor for a sentence's translation; Enter saves, Escape cancels."""

    DEFAULT_CSS = """
    EditTranslationScreen { align: center middle; }
    EditTranslationScreen > Vertical {
        width: 90%; max-width: 120; height: auto; border: round $accent;
        background: $panel; padding: 0 1;
    }
    EditTranslationScreen Label { margin: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_edit")]

    def __init__(self, original: str, translation: str) -> None:
        super().__init__()
        self.original = original
        self.translation = translation

    def compose(self) -> ComposeResult:
        """The Italian sentence above an input holding its translation."""
        with Vertical():
            yield Label(self.original, markup=False)
            yield Input(self.translation, placeholder="English translation", id="edit-translation")
            yield Label("Enter saves as your translation · Escape cancels", markup=False)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        """Return the edited text."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)
