"""The `?` help: every key binding of ours, generated from the bindings themselves so it
can never drift from what the keys do. Textual's own (scrolling, focus, copy) have no id
and are left out; keys that do nothing right now (n/N without a search) are listed dimmed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def listed_bindings(
    active: Iterable[tuple[Binding, bool]], declared: Iterable[Binding], keymap: Mapping[str, str]
) -> list[tuple[Binding, bool]]:
    """Our active bindings, then those declared but not active now (disabled), keys remapped."""
    listed = [(binding, enabled) for binding, enabled in active if binding.id]
    ids = {binding.id for binding, _ in listed}
    for binding in declared:
        if binding.id and binding.id not in ids:
            ids.add(binding.id)
            listed.append((replace(binding, key=keymap.get(binding.id, binding.key)), False))
    return listed


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
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 and stack[-1] is self else stack[-1]
        declared = [*type(below).BINDINGS, *type(self.app).BINDINGS]
        keymap = dict(getattr(getattr(self.app, "settings", None), "keys", None) or {})
        rows = listed_bindings(self._listed_bindings, (b for b in declared if isinstance(b, Binding)), keymap)
        with VerticalScroll():
            yield Static(Text("Keys", style="bold"))
            yield Static(bindings_table(rows, self.app.get_key_display))

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
