"""The library screen (`L`): every article with its date, size, how much is translated and
analysed, and when it was last read; open one, delete one (after confirming), or import a
file by typing its path."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Static

from lettore.errors import UserError
from lettore.store.library import ArticleSummary
from lettore.text_clean import inert
from lettore.tui.library_view import LibraryView
from lettore.tui.screens.library_feeds import FeedFilter, feed_names, id_label
from lettore.tui.source_link import copy_source, open_source
from lettore.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from lettore.tui.app import LettoreApp


@dataclass
class LibraryResult:
    """What the library screen hands back: an article to open, and what was deleted."""

    open_id: int | None = None
    deleted: set[int] = field(default_factory=set)


def size_label(row: ArticleSummary) -> str:
    """Sentences and characters, e.g. `42 sent. · 6.1k chars`."""
    chars = f"{row.size / 1000:.1f}k" if row.size >= 1000 else str(row.size)
    return f"{row.sentences} sent. · {chars} chars"


def when_label(stamp: float | None, now: float | None = None) -> str:
    """`never`, `today 14:02`, or a date."""
    if not stamp:
        return "never"
    now = now or time.time()
    if time.strftime("%Y-%m-%d", time.localtime(stamp)) == time.strftime("%Y-%m-%d", time.localtime(now)):
        return time.strftime("today %H:%M", time.localtime(stamp))
    return time.strftime("%Y-%m-%d", time.localtime(stamp))


class ConfirmDelete(ModalScreen[bool]):
    """Asks before deleting an article; y deletes, n or Escape keeps it."""

    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; }
    ConfirmDelete > Vertical {
        width: 70; height: auto; border: thick $error; background: $panel; padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Delete", id="confirm_delete"),
        Binding("n,escape", "answer(False)", "Keep", id="cancel_delete"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.article_title = title

    def compose(self) -> ComposeResult:
        """The question, naming the article."""
        with Vertical():
            yield Static(
                Text.assemble("Delete ", (inert(self.article_title), "bold"), " and its translations and analysis?\n"
                              "The translation memory and saved words stay.\n\n", ("y", "bold"),
                              " delete · ", ("n", "bold"), " keep"),
                markup=False,
            )

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)


class ImportFinished(Message):
    """A file import ended: the new article's id, or what went wrong."""

    def __init__(self, article_id: int | None, created: bool, error: str | None) -> None:
        super().__init__()
        self.article_id, self.created, self.error = article_id, created, error


_KEYS_HINT = "enter open · x delete · i import · / search · s sort · f feed · o source · esc back"


class LibraryScreen(Screen[LibraryResult]):
    """The articles in the library as a table."""

    DEFAULT_CSS = """
    LibraryScreen DataTable { height: 1fr; }
    LibraryScreen #import-path { display: none; }
    LibraryScreen #import-path.-visible { display: block; }
    LibraryScreen #library-empty { padding: 1 2; color: $foreground 70%; }
    LibraryScreen #library-view { height: 1; padding: 0 1; color: $foreground 70%; }
    LibraryScreen #library-search { display: none; }
    LibraryScreen #library-search.-visible { display: block; }
    """
    BINDINGS = [
        Binding("enter", "open_article", "Open", id="library_open"),
        Binding("x,delete", "delete_article", "Delete", id="library_delete"),
        Binding("i", "import_file", "Import file", id="library_import"),
        Binding("f", "next_feed", "Feed", id="library_feed"),
        Binding("o", "open_source", "Open source", id="library_open_source"),
        Binding("c", "copy_source", "Copy URL", id="library_copy_source"),
        Binding("slash", "search_titles", "Search", id="library_search"),
        Binding("s", "cycle_sort", "Sort", id="library_sort"),
        Binding("t", "cycle_share", "Translated", id="library_share"),
        Binding("escape,q", "close", "Back", id="library_close"),
    ]

    def __init__(self, reading: int | None = None) -> None:
        """`reading`: the article open under this screen, where the cursor starts."""
        super().__init__()
        self.reading = reading
        self.result = LibraryResult()
        self.rows: list[ArticleSummary] = []
        self.feed_filter = FeedFilter([])
        self.view = LibraryView()

    @property
    def reader_app(self) -> LettoreApp:
        """The running reader app, with its library and settings."""
        return cast("LettoreApp", self.app)

    def compose(self) -> ComposeResult:
        """Header, the order and filter line, the table, the (hidden) inputs, footer."""
        yield Header()
        yield Static(id="library-view", markup=False)
        yield Input(placeholder="search titles (accents and case ignored; Enter keeps, Esc clears)",
                    id="library-search")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="articles")
        yield Static(id="library-empty", markup=False)
        yield Input(placeholder="a .txt, .md or .html file, or a page's URL, to import (Enter imports, Esc cancels)",
                    id="import-path")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the table; the cursor starts on the article being read, else the last read
        (the reader writes its position after its first frame, so the store may not know yet)."""
        self.title = "Library"
        self.sub_title = _KEYS_HINT
        table = self.query_one(DataTable)
        table.add_columns("id", "title", "date", "size", "translated", "analysed", "last read")
        self.feed_filter = FeedFilter(feed_names(self.reader_app.library.conn))
        self.refresh_rows()
        last = self.reading if self.reading is not None else self.reader_app.library.last_read_article()
        if last is not None:
            self._select(last)
        table.focus()

    def refresh_rows(self) -> None:
        """Read the articles again and redraw the table."""
        table = self.query_one(DataTable)
        everything = self.reader_app.library.list_articles()
        self.rows = self.feed_filter.keep(self.view.arrange(everything))
        self.query_one("#library-view", Static).update(self.view.describe())
        table.clear()
        for row in self.rows:
            table.add_row(
                Text(id_label(row), justify="right"),
                Text(inert(row.title)),
                Text(inert(row.date or "—")),
                Text(size_label(row)),
                Text(row.translated_share, justify="right"),
                Text("yes" if row.analysed else "no"),
                Text(when_label(row.last_read_at)),
                key=str(row.id),
            )
        empty = self.query_one("#library-empty", Static)
        if self.rows:
            empty.update("")
        elif everything:
            empty.update(f"No article of {len(everything)} matches: Escape clears the search, t changes the filter.")
        else:
            empty.update("The library is empty: press i to import a file.")

    def _select(self, article_id: int) -> None:
        """Put the table cursor on an article."""
        for i, row in enumerate(self.rows):
            if row.id == article_id:
                self.query_one(DataTable).move_cursor(row=i)

    def _chosen(self) -> ArticleSummary | None:
        """The article under the table cursor."""
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open and delete need an article."""
        return not (action in ("open_article", "delete_article") and not self.rows)

    # ---- actions -------------------------------------------------------------------

    def action_open_article(self) -> None:
        """Read the chosen article."""
        chosen = self._chosen()
        if chosen is not None:
            self.result.open_id = chosen.id
            self.dismiss(self.result)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on a row opens it."""
        event.stop()
        self.action_open_article()

    def action_delete_article(self) -> None:
        """Ask, then delete the chosen article (and nothing else)."""
        chosen = self._chosen()
        if chosen is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.reader_app.library.delete_article(chosen.id)
                self.result.deleted.add(chosen.id)
                self.refresh_rows()
                self.notify(f"deleted {inert(chosen.title)}", timeout=2, markup=False)

        self.app.push_screen(ConfirmDelete(chosen.title), answered)

    def action_next_feed(self) -> None:
        """Show the next feed's articles only (after the last feed: all of them)."""
        if not self.feed_filter.feeds:
            self.notify("no feeds: subscribe with `reader feed add URL`", timeout=3)
            return
        self.feed_filter.step()
        shown = self.feed_filter.name
        self.sub_title = _KEYS_HINT + (f" · feed: {inert(shown)}" if shown else " · all feeds")
        self.refresh_rows()

    def action_open_source(self) -> None:
        """Open the chosen article's page in the browser."""
        chosen = self._chosen()
        if chosen is not None:
            open_source(self.app, chosen.source_url)

    def action_copy_source(self) -> None:
        """Copy the chosen article's source URL to the clipboard."""
        chosen = self._chosen()
        if chosen is not None:
            copy_source(self.app, chosen.source_url)

    def action_import_file(self) -> None:
        """Show the path input."""
        path = self.query_one("#import-path", Input)
        path.add_class("-visible")
        path.focus()

    def action_close(self) -> None:
        """Leave the library (Escape in the path input only hides the input; in the
        search, or with a search kept, it clears the search)."""
        path = self.query_one("#import-path", Input)
        if path.has_class("-visible"):
            path.remove_class("-visible")
            self.query_one(DataTable).focus()
            return
        search = self.query_one("#library-search", Input)
        if search.has_class("-visible") or self.view.query:
            search.remove_class("-visible")
            search.value = ""
            self.view.query = ""
            self.refresh_rows()
            self.query_one(DataTable).focus()
            return
        self.dismiss(self.result)

    # ---- search, sort, filter ------------------------------------------------------

    def action_search_titles(self) -> None:
        """Show the title search; the table narrows as you type."""
        search = self.query_one("#library-search", Input)
        search.add_class("-visible")
        search.focus()

    @on(Input.Changed, "#library-search")
    def _search_changed(self, event: Input.Changed) -> None:
        """Narrow the table to the titles holding the text."""
        event.stop()
        self.view.query = event.value
        self.refresh_rows()

    @on(Input.Submitted, "#library-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter: keep the search, back to the table."""
        event.stop()
        event.input.remove_class("-visible")
        self.query_one(DataTable).focus()

    def action_cycle_sort(self) -> None:
        """Order by date (newest first), id (as added), title, translated share."""
        self._rearrange(self.view.next_sort)

    def action_cycle_share(self) -> None:
        """All articles, untranslated, partly translated, translated."""
        self._rearrange(self.view.next_share)

    def _rearrange(self, change: Callable[[], None]) -> None:
        """Apply a change of order or filter, keeping the chosen article under the cursor."""
        chosen = self._chosen()
        change()
        self.refresh_rows()
        if chosen is not None:
            self._select(chosen.id)

    # ---- import --------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        """Import the typed path in a worker."""
        path = event.value.strip()
        if not path:
            return
        event.input.value = ""
        event.input.remove_class("-visible")
        self.query_one(DataTable).focus()
        self.notify(f"importing {inert(str(path))}…", timeout=2, markup=False)
        self._import(path)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: str) -> None:
        """Ingest, store, fill from memory and analyse, off the UI thread."""
        from lettore.pipeline import import_source

        try:
            article_id, created = import_source(self.reader_app.library, path, self.reader_app.settings)
        except UserError as error:
            self.post_message(ImportFinished(None, False, str(error)))
        else:
            self.post_message(ImportFinished(article_id, created, None))

    def on_import_finished(self, message: ImportFinished) -> None:
        """Show the new article in the table, or the problem."""
        if message.error is not None:
            self.notify(inert(message.error), severity="error", timeout=6, markup=False)
            return
        self.refresh_rows()
        if message.article_id is not None:
            self._select(message.article_id)
        self.notify("imported" if message.created else "already in the library", timeout=2)
