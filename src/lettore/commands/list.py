"""`reader list`: the library as a table (id, title, date, blocks, % translated), or as JSON."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lettore.cli import Context


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `list`."""
    parser = subparsers.add_parser(
        "list", help="list the articles in the library",
        description="Print every article: id, title, date, blocks and the share translated.",
    )
    parser.add_argument("--json", action="store_true",
                        help="a JSON array, one object per article with the same fields, for scripts")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print one line per article; an empty library says so."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.pipeline import ensure_seed

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.text_clean import inert, json_safe

    library = ctx.library()
    library.verify()  # a damaged interior page would silently drop rows from the counts
    ensure_seed(library)
    rows = library.list_articles()
    if args.json:
        print(json_safe(json.dumps([article_json(row) for row in rows], ensure_ascii=False, indent=2)))
        return 0
    print(f"{'id':>4}  {'date':<10}  {'blocks':>6}  {'transl.':>15}  title")
    for row in rows:
        shown = f"{row.id:>4}  {(row.date or '-'):<10}  {row.blocks:>6}  {row.translated_share:>15}"
        print(f"{shown}  {inert(row.title)}")
    return 0


def article_json(row) -> dict[str, object]:
    """The fields of a `list` line, by name (the shares as numbers, 0-100: translated
    counts only translations that are not rough MT, rough counts those apart)."""
    return {
        "id": row.id,
        "title": row.title,
        "date": row.date,
        "blocks": row.blocks,
        "sentences": row.sentences,
        "translated_sentences": row.translated,
        "percent_translated": round(row.percent_translated, 1),
        "rough_sentences": row.rough,
        "percent_rough": round(row.percent_rough, 1),
    }
