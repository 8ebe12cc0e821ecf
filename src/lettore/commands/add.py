"""`reader add FILE|URL|-`: import an article (text, Markdown, HTML, a web page) into the library."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lettore.cli import Context


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `add`."""
    parser = subparsers.add_parser(
        "add", help="import an article (.txt, .md, .html, a web page's URL, or - for stdin)",
        description="Import an article into the library: segment it, fill translations from"
        " the memory, and analyse entities and claims. Adding the same text twice stores it once.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE_OR_URL", help="article file, http(s) URL of a news page, or - for stdin"
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Import each file or URL and print its id (a fresh library gets the seed first, as `list` and `open` do)."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.pipeline import ensure_seed, import_source

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.text_clean import inert

    library = ctx.library()
    ensure_seed(library)
    for path in args.files:
        article_id, created = import_source(library, path, ctx.settings)
        title = library.get_article(article_id).title
        verb = "added" if created else "already in the library as"
        print(f"{verb} {article_id}: {inert(title)}")
    return 0
