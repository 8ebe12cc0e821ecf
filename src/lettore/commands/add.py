"""`reader add FILE|-`: import an article (text, Markdown, HTML) into the library."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lettore.cli import Context


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `add`."""
    parser = subparsers.add_parser(
        "add", help="import an article (.txt, .md, .html, or - for stdin)",
        description="Import an article into the library: segment it, fill translations from"
        " the memory, and analyse entities and claims. Adding the same text twice stores it once.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article file, or - for standard input")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Import each file and print its id."""
    from lettore.pipeline import import_path

    library = ctx.library()
    for path in args.files:
        article_id, created = import_path(library, path)
        title = library.get_article(article_id).title
        verb = "added" if created else "already in the library as"
        print(f"{verb} {article_id}: {title}")
    return 0
