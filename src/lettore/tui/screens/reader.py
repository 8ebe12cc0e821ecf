"""The reading screen: header, the bilingual article view, a status line, the side area
reserved for panels (entities, claims), and the footer of active bindings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget

from lettore.model import Article, ReadingState, Translation
from lettore.tui.columns import LAYOUTS, Highlight
from lettore.tui.features import FEATURES
from lettore.tui.widgets.article_view import ArticleView, Position
from lettore.tui.widgets.key_bar import KeyBar
from lettore.tui.widgets.status_line import StatusLine
from lettore.tui.widgets.title_bar import TitleBar

PanelT = TypeVar("PanelT", bound=Widget)

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


class ReaderScreen(*FEATURES, Screen[None]):  # type: ignore[misc]
    """One article, read with a sentence cursor shared by original and translation."""

    BINDINGS = [*CORE_BINDINGS, *(b for feature in FEATURES for b in feature.FEATURE_BINDINGS)]

    def __init__(self, article: Article, translations: dict[tuple[int, int], Translation],
                 state: ReadingState) -> None:
        super().__init__()
        self.article = article
        self.state = state
        self.view = ArticleView(article, translations, layout=state.layout, id="article")
        self.view.highlights = self._feature_highlights
        self.view.cursor_listener = self.cursor_moved

    def _pop_result_callback(self) -> None:
        """Textual gives the first screen no result callback, yet `switch_screen` pops
        one: a reader opened at start-up is the first screen, and the library swaps it
        for the next article it opens."""
        if self._result_callbacks:
            super()._pop_result_callback()

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

    def _feature_highlights(self, block: int) -> tuple[list[Highlight], list[Highlight]]:
        """Every feature's highlight ranges for a block, merged."""
        original: list[Highlight] = []
        translation: list[Highlight] = []
        for feature in FEATURES:
            source = getattr(feature, "feature_highlights", None)
            if source is not None:
                extra_original, extra_translation = source(self, block)
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

    def set_side_visible(self, visible: bool) -> None:
        """Show or hide the side area that holds the panels."""
        self.query_one("#side").set_class(visible, "-visible")

    def on_mount(self) -> None:
        """Cursor back where the reader left it; features start their loads."""
        self.view.focus()
        for feature in FEATURES:
            mount = getattr(feature, "feature_mount", None)
            if mount is not None:
                mount(self)
        # after the features: the status line of the first frame shows their part too
        self._remember_moves = False  # the first write to the library costs ms: after the paint
        self.view.start_at(self.view.index_of(Position(self.state.block, self.state.sentence)) or 0)
        self._remember_moves = True
        self.call_after_refresh(self.app.remember_position, self.article, self.state)

    def cursor_moved(self, position: Position) -> None:
        """Update the status line and remember the position (called by the view, in the
        same frame as the cursor's own repaint)."""
        self.state.block, self.state.sentence = position.block, position.sentence
        self.update_status()
        if getattr(self, "_remember_moves", True):
            self.app.remember_position(self.article, self.state)
        for feature in FEATURES:
            moved = getattr(feature, "feature_cursor_moved", None)
            if moved is not None:
                moved(self, position)

    def update_status(self) -> None:
        """Sentence number, layout, and where the focused translation came from."""
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
        layout = self.view.shown_layout
        if layout != self.view.reading_layout:
            layout = f"{layout} (too narrow for {self.view.reading_layout})"
        status = Text.assemble(
            (f"sentence {self.view.cursor + 1}/{len(self.view.positions)}", "bold"),
            f" · ¶ {position.block + 1}/{len(self.article.blocks)}",
            f" · {layout} · translation: ",
            (origin, "italic"),
        )
        for feature in FEATURES:
            extra = getattr(feature, "feature_status", None)
            piece = extra(self, position) if extra is not None else None
            if piece:
                status.append(" · ")
                status.append(piece)
        self.query_one("#status", StatusLine).update(status)

    def action_cycle_layout(self) -> None:
        """Side by side → interleaved → original only → translation only → ..."""
        current = LAYOUTS.index(self.view.reading_layout) if self.view.reading_layout in LAYOUTS else 0
        self.state.layout = LAYOUTS[(current + 1) % len(LAYOUTS)]
        self.view.set_layout(self.state.layout)
        self.update_status()
        self.app.remember_position(self.article, self.state)
        self.notify(f"layout: {self.state.layout}", timeout=1.5)

    def action_help(self) -> None:
        """Show every active binding."""
        from lettore.tui.screens.help import HelpScreen

        bindings = [(active.binding, active.enabled) for active in self.active_bindings.values()]
        self.app.push_screen(HelpScreen(bindings))

    async def action_quit(self) -> None:
        """Save the position and leave."""
        self.app.remember_position(self.article, self.state)
        self.app.exit()


def _short_source(path: str | None) -> str:
    """The file name an article came from, for the header."""
    if not path:
        return ""
    return path.rsplit("/", 1)[-1]
