"""The interface every reader part implements: its keys, the actions they run, and typed
hooks the screen calls (mounted, highlights, cursor moved, status piece).

A part is a plain object owned by the ReaderScreen, not a widget: it costs nothing on the
first screen, and mounts its own widgets (a panel, a bar) on first use. Parts never reach
into each other; they talk through Textual messages the screen hands them
(`ReaderScreen.listen`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import actions
from textual.binding import Binding

from lettore.tui.columns import Highlight

if TYPE_CHECKING:  # the screen imports the parts; they only name it in annotations
    from lettore.tui.app import LettoreApp
    from lettore.tui.screens.reader import ReaderScreen
    from lettore.tui.widgets.article_view import ArticleView, Position

Highlights = tuple[list[Highlight], list[Highlight]]
Action = Callable[..., Awaitable[None] | None]


class ReaderPart:
    """One feature of the reader screen, with its own state and bindings."""

    NAME: ClassVar[str]
    """Names the part in the screen's binding actions (`part('search', 'search_next')`)."""
    BINDINGS: ClassVar[list[Binding]] = []
    """The part's keys; each action names an entry of `actions()`, each Binding has an id
    (help, palette and the user's key map in config.yaml use it)."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen

    @property
    def app(self) -> LettoreApp:
        """The running reader app (its library and settings)."""
        return cast("LettoreApp", self.screen.app)

    @property
    def view(self) -> ArticleView:
        """The article view the part draws into."""
        return self.screen.view

    def actions(self) -> Mapping[str, Action]:
        """The part's actions by the name its bindings use."""
        return {}

    def check_action(self, action: str) -> bool | None:
        """Whether an action applies now (False hides it from the footer, help and palette)."""
        return True

    def mount(self) -> None:
        """The screen is mounted: start loads, restore remembered panels."""

    def highlights(self, block: int) -> Highlights:
        """Styled ranges for a block's original and translation text."""
        return [], []

    def cursor_moved(self, position: Position) -> None:
        """The sentence cursor moved to `position`."""

    def status(self, position: Position) -> str | Text | None:
        """The part's piece of the status line, if it has one now."""
        return None


def screen_binding(part: type[ReaderPart], binding: Binding) -> Binding:
    """A part's binding as the screen holds it: the same keys, id and description, its
    action routed to the part through the screen's `part` action."""
    _, name, params = actions.parse(binding.action)
    routed = ", ".join(repr(value) for value in (part.NAME, name, *params))
    return replace(binding, action=f"part({routed})")
