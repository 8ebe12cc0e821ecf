"""`reader export ID|PATH --format json|md|html|csv`: write the bilingual article, or its
report with the claims table (md, html), or its claims one per row (csv)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lettore.export import FORMATS

if TYPE_CHECKING:
    from lettore.cli import Context



def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `export`."""
    parser = subparsers.add_parser(
        "export", help="write an article with its translation and claims (json, md, html, csv)",
        description="Export an article with its sentence-aligned translation, entities and"
        " claims. A path not in the library is imported first.",
    )
    parser.add_argument("article", metavar="ID_OR_PATH")
    parser.add_argument("--format", "-f", choices=FORMATS, default="json")
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Render the article in the asked format."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.export.formats import safe_render as render

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.pipeline import ensure_seed, open_or_import

    library = ctx.library()
    ensure_seed(library)
    article_id = open_or_import(library, args.article, ctx.settings)
    text = render(library, article_id, args.format)
    if args.output:
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.userfiles import write_user_text

        write_user_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0
