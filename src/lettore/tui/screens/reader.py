"""The reading screen: header, the bilingual article view, a status line, the side area
reserved for panels (entities, claims), and the footer of active bindings.

The features (translation, entities, claims, search, lookup) are parts (`tui/parts/`),
assembled in PARTS: adding one is a new module and one line there."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from lettore.config import LAYOUTS
from lettore.model import Article, ReadingState, Translation
from lettore.tui.columns import Highlight
from lettore.tui.parts.base import Highlights, ReaderPart, screen_binding
from lettore.tui.parts.claims import ClaimsPart
from lettore.tui.parts.entities import EntitiesPart
from lettore.tui.parts.lookup import LookupPart
from lettore.tui.parts.search import SearchPart
from lettore.tui.parts.source import SourcePart
from lettore.tui.parts.translation import TranslationPart
from lettore.tui.widgets.article_view import ArticleView, Position
from lettore.tui.widgets.key_bar import KeyBar
from lettore.tui.widgets.status_line import StatusLine, piece
from lettore.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from lettore.tui.app import LettoreApp

PanelT = TypeVar("PanelT", bound=Widget)
PartT = TypeVar("PartT", bound=ReaderPart)
MessageT = TypeVar("MessageT", bound=Message)

# The reader's features, in the order their highlights, status pieces and keys are merged.
PARTS: tuple[type[ReaderPart], ...] = (
    TranslationPart, EntitiesPart, ClaimsPart, SearchPart, LookupPart, SourcePart,
)
# Panels go below the article on terminals narrower than this.
NARROW_WIDTH = 120

SOURCE_LABELS = {
    "memory": "translation memory",
    "manual": "your edit",
    "apertium": "rough offline MT (Apertium)",
}


CORE_BINDINGS = [
    Binding("l", "cycle_layout", "Layout", id="cycle_layout"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]


class ReaderScreen(Screen[None]):
    """One article, read with a sentence cursor shared by original and translation."""

    BINDINGS = [*CORE_BINDINGS, *(screen_binding(part, b) for part in PARTS for b in part.BINDINGS)]

    def __init__(self, article: Article, translations: dict[tuple[int, int], Translation],
                 state: ReadingState) -> None:
        super().__init__()
        self.article = article
        self.state = state
        self.view = ArticleView(article, translations, layout=state.layout, id="article")
        self.view.highlights = self._feature_highlights
        self.view.cursor_listener = self.cursor_moved
        self.view.resize_listener = self._view_resized
        self._remember_moves = True
        self._listeners: dict[type[Message], list[Callable[[Any], None]]] = {}
        self.parts: tuple[ReaderPart, ...] = tuple(part(self) for part in PARTS)
        self._parts_by_name = {part.NAME: part for part in self.parts}

    @property
    def reader_app(self) -> LettoreApp:
        """The running reader app, with its library and settings."""
        return cast("LettoreApp", self.app)

    def part(self, part_type: type[PartT]) -> PartT:
        """The screen's part of this type."""
        for part in self.parts:
            if isinstance(part, part_type):
                return part
        raise LookupError(f"the reader has no {part_type.__name__}")

    def listen(self, message_type: type[MessageT], handler: Callable[[MessageT], None]) -> None:
        """Have `handler` called with every message of this type that reaches the screen
        (how a part hears its own widgets, and the other parts)."""
        self._listeners.setdefault(message_type, []).append(handler)

    @on(Message)
    def _deliver_to_parts(self, message: Message) -> None:
        """Hand a message to the parts that listen for its type."""
        for handler in self._listeners.get(type(message), ()):
            handler(message)

    async def action_part(self, name: str, action: str, *params: object) -> None:
        """Run one of a part's actions (the parts' bindings are routed here)."""
        result = self._parts_by_name[name].actions()[action](*params)
        if inspect.isawaitable(result):
            await result

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A part's action is enabled when the part says so."""
        if action == "part" and len(parameters) >= 2:
            return self._parts_by_name[str(parameters[0])].check_action(str(parameters[1]))
        return super().check_action(action, parameters)

    def compose(self) -> ComposeResult:
        """Title bar, article and side area, status line, footer."""
        yield TitleBar(self.article.title, self._subtitle())
        with Horizontal(id="body"):
            yield self.view
            yield Vertical(id="side")
        yield StatusLine(id="status")
        yield KeyBar()

    def _subtitle(self) -> str:
        """Site, date and source file, for the title bar."""
        parts = [self.article.site_name, self.article.date or "undated", _short_source(self.article.source_path)]
        return " · ".join(p for p in parts if p)

    def _feature_highlights(self, block: int) -> Highlights:
        """Every part's highlight ranges for a block, merged."""
        original: list[Highlight] = []
        translation: list[Highlight] = []
        for part in self.parts:
            extra_original, extra_translation = part.highlights(block)
            original += extra_original
            translation += extra_translation
        return original, translation

    def side_panel(self, panel_type: type[PanelT], make: Callable[[], PanelT]) -> PanelT:
        """The side area's panel of this type, made and mounted (hidden) on first use: a
        panel nobody opens costs nothing at start-up."""
        side = self.query_one("#side")
        for child in side.children:
            if isinstance(child, panel_type):
                return child
        panel = make()
        panel.display = False
        side.mount(panel)
        return panel

    def focus_panel(self, widget: Widget) -> None:
        """Focus a panel's widget, waiting for its mount when the panel was just made."""
        if widget.is_mounted:
            widget.focus()
        else:
            self.call_after_refresh(widget.focus)

    def show_panel(self, panel: Widget, visible: bool) -> None:
        """Show or hide a side panel; the side area stays while any panel is open."""
        panel.display = visible
        self.place_side(self.size.width)
        side = self.query_one("#side")
        side.set_class(any(child.display for child in side.children), "-visible")

    def place_side(self, width: int) -> None:
        """Panels beside the article when wide, below it (full width) when narrow."""
        body, side = self.query_one("#body"), self.query_one("#side")
        if width >= NARROW_WIDTH:
            body.styles.clear_rule("layout")
            for rule in ("width", "max_width", "height", "border_left", "border_top"):
                side.styles.clear_rule(rule)
            return
        edge = side.styles.border_top if side.styles.border_top[0] else side.styles.border_left
        body.styles.layout = "vertical"
        side.styles.width = "100%"
        side.styles.max_width = "100%"
        side.styles.height = "45%"
        side.styles.border_left = ("none", edge[1])
        side.styles.border_top = edge

    def on_resize(self, event: Resize) -> None:
        """Panels go below the article on narrow terminals."""
        self.place_side(self.size.width)

    def on_mount(self) -> None:
        """Cursor back where the reader left it; parts start their loads."""
        self.view.focus()
        for part in self.parts:
            part.mount()
        # after the parts: the status line of the first frame shows their pieces too
        self._remember_moves = False  # the first write to the library costs ms: after the paint
        self.view.start_at(self.view.index_of(Position(self.state.block, self.state.sentence)) or 0)
        self._remember_moves = True
        self.call_after_refresh(self.reader_app.remember_position, self.article, self.state)

    def cursor_moved(self, position: Position) -> None:
        """Update the status line and remember the position (called by the view, in the
        same frame as the cursor's own repaint)."""
        self.state.block, self.state.sentence = position.block, position.sentence
        self.update_status()
        if self._remember_moves:
            self.reader_app.remember_position(self.article, self.state)
        for part in self.parts:
            part.cursor_moved(position)

    def update_status(self) -> None:
        """Sentence number, where the focused translation came from, the parts' pieces,
        paragraph and layout: in that order of importance, the line drops from the end."""
        position = self.view.current
        if position is None:
            self.query_one("#status", StatusLine).update(Text("This article has no text.", style="italic"))
            return
        translation = self.view.translations.get((position.block, position.sentence))
        if translation is None:
            origin = "not translated yet (reader prepare translates it)"
        else:
            origin = SOURCE_LABELS.get(translation.source, translation.source)
            if translation.rough and "rough" not in origin:
                origin = f"rough MT ({origin})"
        shown = self.view.shown_layout
        layouts = [shown] if shown == self.view.reading_layout else [
            f"{shown} (too narrow for {self.view.reading_layout})", shown]
        pieces = [
            piece(0, Text(f"sentence {self.view.cursor + 1}/{len(self.view.positions)}", style="bold")),
            piece(1, Text.assemble("translation: ", (origin, "italic")), Text(origin, style="italic")),
        ]
        for part in self.parts:
            extra = part.status(position)
            if extra:
                pieces.append(piece(2, extra))
        pieces += [piece(3, f"¶ {position.block + 1}/{len(self.article.blocks)}"), piece(4, *layouts)]
        self.query_one("#status", StatusLine).update(pieces)

    def _view_resized(self) -> None:
        """The article's width changed (terminal resized, a panel opened or closed): the
        layout it draws may have changed with it."""
        if self.is_mounted:
            self.update_status()

    def action_cycle_layout(self) -> None:
        """Side by side → interleaved → original only → translation only → ..."""
        current = LAYOUTS.index(self.view.reading_layout) if self.view.reading_layout in LAYOUTS else 0
        self.state.layout = LAYOUTS[(current + 1) % len(LAYOUTS)]
        self.view.set_layout(self.state.layout)
        self.update_status()
        self.reader_app.remember_position(self.article, self.state)
        self.notify(f"layout: {self.state.layout}", timeout=1.5)

    def action_help(self) -> None:
        """Show every active binding."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.help import HelpScreen

        bindings = [(active.binding, active.enabled) for active in self.active_bindings.values()]
        self.app.push_screen(HelpScreen(bindings))

    async def action_quit(self) -> None:
        """Save the position and leave."""
        self.reader_app.remember_position(self.article, self.state)
        self.app.exit()


def _short_source(path: str | None) -> str:
    """The file name an article came from, for the header."""
    if not path:
        return ""
    return path.rsplit("/", 1)[-1]
