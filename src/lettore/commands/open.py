"""`reader open ID|PATH` and bare `reader`: show an article in the terminal reader."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from lettore.tui.frame_rate import use_reader_frame_rate

if TYPE_CHECKING:  # a bare `reader` comes here without ever building a parser
    import argparse
    from types import SimpleNamespace

    from lettore.cli import Context


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `open`."""
    parser = subparsers.add_parser(
        "open", help="open an article in the reader (importing a path first)",
        description="Open an article by library id or by path; a path not in the library"
        " is imported first, with its translations from memory and its analysis.",
    )
    parser.add_argument("article", metavar="ID_OR_PATH", help="library id (see `reader list`) or a file path")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Open the given article."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.pipeline import ensure_seed, open_or_import

    library = ctx.library()
    ensure_seed(library)
    return _read(ctx, open_or_import(library, args.article, ctx.settings))


def run_default(args: argparse.Namespace | SimpleNamespace, ctx: Context) -> int:
    """Bare `reader`: the seed on a fresh library, else the last article read, else the
    library screen when there are several articles to choose from."""
    library = ctx.library()
    article_id = None
    if not library.article_count():  # only a fresh library needs the import pipeline
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.pipeline import ensure_seed

        article_id = ensure_seed(library)
    article_id = article_id or library.last_read_article()
    if article_id is None and library.article_count() == 1:
        article_id = library.list_articles()[0].id
    return _read(ctx, article_id)


def _read(ctx: Context, article_id: int | None) -> int:
    """Run the Textual app on the article until the user quits.

    The garbage collector is paused from here to the first screen: importing and starting
    Textual allocates hundreds of thousands of long-lived objects, and the collections
    they trigger find nothing to free. Once the screen is up, those objects are
    frozen out of later collections and collection resumes.
    """
    use_reader_frame_rate()  # before Textual is imported: it reads the cap then
    gc.disable()
    try:
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.app import make_app

        app = make_app(ctx.settings, ctx.library(), article_id)
        app.after_first_screen = _resume_collection
        app.run()
    finally:
        gc.enable()
    warn_if_library_gone(ctx.library())
    return app.return_code or 0


def warn_if_library_gone(library) -> bool:
    """Say on stderr when the library file was deleted or replaced while the reader ran:
    the reading position and anything saved since went to a file that is gone."""
    if library.still_on_disk():
        return False
    import sys

    print(
        f"reader: the library {library.path} was deleted or replaced while the reader ran;"
        " the reading position and anything saved in this session were not kept",
        file=sys.stderr,
    )
    return True


def _resume_collection() -> None:
    """Start-up objects out of the collector's way, then collection as usual."""
    gc.freeze()
    gc.enable()
