"""`reader list`: the library as a table (id, title, date, blocks, % translated)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lettore.cli import Context


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `list`."""
    subparsers.add_parser(
        "list", help="list the articles in the library",
        description="Print every article: id, title, date, blocks and the share translated.",
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print one line per article; an empty library says so."""
    from lettore.pipeline import ensure_seed

    library = ctx.library()
    ensure_seed(library)
    rows = library.list_articles()
    print(f"{'id':>4}  {'date':<10}  {'blocks':>6}  {'transl.':>7}  title")
    for row in rows:
        print(
            f"{row.id:>4}  {(row.date or '-'):<10}  {row.blocks:>6}  {row.percent_translated:>6.0f}%  {row.title}"
        )
    return 0
