"""The footer: the screen's active key bindings drawn as one line of text.

Textual's Footer makes a widget per key and recomposes them whenever focus or bindings
change, the largest single cost of the reader's first screen. One line of Text shows the same bindings, repaints in place, and
a click on a key still runs its action.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """Shown bindings of the focused chain, then the command palette key at the end."""

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
            if not active.binding.show or not active.enabled or active.binding.action in seen:
                continue
            seen.add(active.binding.action)
            shown.append(active)
        return shown + ([palette] if palette is not None else [])

    def render(self) -> Text:
        """Key and description pairs; remembers where each sits for clicks."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        self._targets = []
        for active in self._shown():
            start = text.cell_len
            text.append(f" {self.app.get_key_display(active.binding)} ", key_style)
            text.append(f"{active.binding.description} ", description_style)
            self._targets.append((start, text.cell_len, active))
        return text

    async def on_click(self, event: events.Click) -> None:
        """A click on a key runs its action, as pressing the key would."""
        for start, end, active in self._targets:
            if start <= event.x < end:
                await self.app.run_action(active.binding.action, active.node)
                return
