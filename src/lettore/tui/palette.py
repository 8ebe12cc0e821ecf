"""Command palette provider (ctrl+p): every action bound on the current screen, found by
its description, plus one command per built-in theme. Commands only run app actions, so
the palette can never drift from the keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    """The screen's bindings and the themes as palette commands."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """(name, help, callback) for each command offered on this screen."""
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            key_id = binding.id or binding.action
            if not binding.description or key_id in seen or not active.enabled:
                continue
            if binding.action in ("command_palette", "app.command_palette"):
                continue
            seen.add(key_id)
            key = self.app.get_key_display(binding)
            yield (binding.description, f"key {key} · id {key_id}",
                   partial(self.app.run_action, binding.action, active.node))
        for name in sorted(self.app.available_themes):
            if name != self.app.theme:
                yield (f"Theme: {name}", "switch to this theme (kept for the next start)",
                       partial(self._set_theme, name))

    def _set_theme(self, name: str) -> None:
        """Switch theme now."""
        self.app.theme = name
        self.app.notify(f"theme: {name} (kept for the next start)", timeout=3)

    async def discover(self) -> Hits:
        """Every action of the screen, before anything is typed (themes only when searched)."""
        for name, help_text, callback in self._commands():
            if not name.startswith("Theme: "):
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the typed text against command names."""
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
