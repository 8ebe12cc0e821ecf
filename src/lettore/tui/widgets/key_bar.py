"""The footer: the screen's active key bindings drawn as one line of text.

Textual's Footer makes a widget per key and recomposes them whenever focus or bindings
change, the largest single cost of the reader's first screen. One line of Text shows the same
bindings, repaints in place, and a click on a key still runs its action.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widget import Widget

# Binding ids the bar shows even when their binding says show=False, most important first;
# when the line is too narrow for every key, these are kept before the rest.
PRIORITY = ("help", "search_next", "search_previous", "quit", "library", "search", "empty_quit", "empty_library")
# Shown only when there is room for everything else (the arrows say it already).
LEAST = ("cursor_down",)


class KeyBar(Widget):
    """Shown bindings of the focused chain, then the command palette key at the end; on a
    narrow terminal the keys of PRIORITY stay and the others go, instead of a cut line."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $footer-background; }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._targets: list[tuple[int, int, ActiveBinding]] = []

    def on_mount(self) -> None:
        """Redraw whenever the screen's bindings change (focus moved, a screen opened)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop listening."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        """Bindings changed: repaint this line only."""
        self.refresh()

    def _shown(self) -> list[ActiveBinding]:
        """One entry per action, in binding order, the palette key last."""
        seen: set[str] = set()
        shown: list[ActiveBinding] = []
        palette = None
        for key, active in self.screen.active_bindings.items():
            if key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = active
                continue
            wanted = active.binding.show or active.binding.id in PRIORITY
            if not wanted or not active.enabled or active.binding.action in seen:
                continue
            seen.add(active.binding.action)
            shown.append(active)
        return shown + ([palette] if palette is not None else [])

    def _label(self, active: ActiveBinding) -> tuple[str, str]:
        """The key and the description as drawn."""
        return f" {self.app.get_key_display(active.binding)} ", f"{active.binding.description} "

    def _fitting(self, shown: list[ActiveBinding], width: int) -> list[ActiveBinding]:
        """The entries that fit in `width` cells, drawn in their own order. Kept first: the
        palette key (last), help, the focused panel's keys, PRIORITY, the rest; LEAST last."""
        widths = [sum(cell_len(part) for part in self._label(active)) for active in shown]
        if sum(widths) <= width or not shown:
            return shown

        def rank(index: int) -> tuple[int, int]:
            active = shown[index]
            binding_id = active.binding.id
            if index == len(shown) - 1:
                return (-1, 0)  # the palette key, or the last key of a bar without one
            if binding_id == PRIORITY[0]:
                return (0, 0)
            if binding_id in LEAST:
                return (4, index)
            if active.node is not self.screen and active.node is not self.app:
                return (1, index)  # the focused panel's own keys
            if binding_id in PRIORITY:
                return (2, PRIORITY.index(binding_id))
            return (3, index)

        kept: set[int] = set()
        used = 0
        for index in sorted(range(len(shown)), key=rank):
            if used + widths[index] <= width:
                kept.add(index)
                used += widths[index]
        return [active for index, active in enumerate(shown) if index in kept]

    def render(self) -> Text:
        """Key and description pairs; remembers where each sits for clicks."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        self._targets = []
        for active in self._fitting(self._shown(), self.size.width):
            key, description = self._label(active)
            start = text.cell_len
            text.append(key, key_style)
            text.append(description, description_style)
            self._targets.append((start, text.cell_len, active))
        return text

    async def on_click(self, event: events.Click) -> None:
        """A click on a key runs its action, as pressing the key would."""
        for start, end, active in self._targets:
            if start <= event.x < end:
                await self.app.run_action(active.binding.action, active.node)
                return
