"""The `?` help: every active key binding, generated from the bindings themselves so it
can never drift from what the keys do."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def bindings_table(bindings: list[tuple[Binding, bool]], describe_key) -> Table:
    """A table of keys, what they do, and the binding id (for remapping in config.yaml)."""
    table = Table(box=None, expand=True, show_header=True, header_style="bold")
    table.add_column("key", no_wrap=True)
    table.add_column("does")
    table.add_column("id (config: keys)", style="dim", no_wrap=True)
    rows: dict[str, tuple[list[str], str, bool]] = {}
    for binding, enabled in bindings:
        if not binding.description:
            continue
        key_id = binding.id or binding.action
        keys, _, was_enabled = rows.get(key_id, ([], binding.description, False))
        for key in binding.key.split(","):
            shown = describe_key(Binding(key.strip(), ""))
            if shown not in keys:
                keys.append(shown)
        rows[key_id] = (keys, binding.description, was_enabled or enabled)
    for key_id, (keys, description, enabled) in rows.items():
        table.add_row(Text(", ".join(keys)), Text(description, style="" if enabled else "dim"), Text(key_id))
    return table


class HelpScreen(ModalScreen[None]):
    """A modal listing the bindings; any of escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 80%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="close_help")]

    def __init__(self, bindings: list[tuple[Binding, bool]]) -> None:
        super().__init__()
        self._listed_bindings = bindings

    def compose(self) -> ComposeResult:
        """The bindings table in a scrollable box."""
        with VerticalScroll():
            yield Static(Text("Keys", style="bold"))
            yield Static(bindings_table(self._listed_bindings, self.app.get_key_display))

    def action_dismiss(self) -> None:
        """Close the help."""
        self.dismiss(None)
