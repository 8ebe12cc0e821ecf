"""Popups for a sentence's translations (imported when first opened): the picker listing
every version (`U` in the reader), and the question an empty edit asks."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from lettore.store.versions import Version


def origin_label(source: str, rough: bool) -> str:
    """How a version's origin reads: `manual`, `memory`, `google`, `apertium (rough)`."""
    return f"{source} (rough)" if rough else source


class VersionPicker(ModalScreen[int | None]):
    """Every translation the sentence has had, newest last; Enter shows it, Escape leaves."""

    DEFAULT_CSS = """
    VersionPicker { align: center middle; }
    VersionPicker > Vertical {
        width: 90%; max-width: 120; height: auto; max-height: 80%; border: round $accent;
        background: $panel; padding: 0 1;
    }
    VersionPicker OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape,q", "cancel", "Close", id="versions_close")]

    def __init__(self, original: str, versions: list[Version], current: int | None) -> None:
        super().__init__()
        self.original = original
        self.versions = versions
        self.current = current

    def compose(self) -> ComposeResult:
        """The Italian sentence above one row per version."""
        options = []
        for number, version in enumerate(self.versions, start=1):
            t = version.translation
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(t.created)) if t.created else ""
            mark = "▶ " if version.seq == self.current else "  "
            prompt = Text.assemble(mark, (f"{number}. {origin_label(t.source, t.rough)}", "bold"),
                                   f"  {when}\n   ", t.text)
            options.append(Option(prompt, id=str(version.seq)))
        with Vertical():
            yield Label(self.original, markup=False)
            yield OptionList(*options, id="versions")
            yield Label("Enter shows that version · Escape closes", markup=False)

    def on_mount(self) -> None:
        """Start on the version shown now."""
        listing = self.query_one(OptionList)
        for index, version in enumerate(self.versions):
            if version.seq == self.current:
                listing.highlighted = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen version's number."""
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)


class ConfirmClearManual(ModalScreen[bool]):
    """An empty edit asks: y forgets the manual translation, n or Escape keeps it."""

    DEFAULT_CSS = """
    ConfirmClearManual { align: center middle; }
    ConfirmClearManual > Vertical {
        width: 70; height: auto; border: thick $warning; background: $panel; padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Clear", id="confirm_clear_manual"),
        Binding("n,escape", "answer(False)", "Keep", id="cancel_clear_manual"),
    ]

    def compose(self) -> ComposeResult:
        """The question."""
        with Vertical():
            yield Static(Text.assemble(
                "Clear your manual translation of this sentence?\n"
                "The engine or memory version before it is shown again.\n\n",
                ("y", "bold"), " clear · ", ("n", "bold"), " keep"), markup=False)

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)
