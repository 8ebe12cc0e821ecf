"""`reader glossary add ITALIAN ENGLISH`, `list`, `remove ITALIAN`: terms every engine must use."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `glossary add/list/remove`."""
    parser = subparsers.add_parser(
        "glossary", help="terms every translation engine must use",
        description="The glossary holds Italian terms with the English to use for them, kept in"
        " glossary.tsv in the library folder (and glossary: in config.yaml). Apertium and the"
        " openai engine apply them; other engines' output is checked for them.",
    )
    actions = parser.add_subparsers(dest="glossary_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add or change a term")
    add.add_argument("italian", metavar="ITALIAN")
    add.add_argument("english", metavar="ENGLISH")
    actions.add_parser("list", help="print every term")
    remove = actions.add_parser("remove", help="forget a term")
    remove.add_argument("italian", metavar="ITALIAN")


def run(args: argparse.Namespace, ctx: Any) -> int:
    """Change or print the library folder's glossary."""
    from lettore.errors import UserError
    from lettore.translate.glossary import (
        checked_term,
        glossary_path,
        merged_glossary,
        read_glossary,
        write_glossary,
    )

    path = glossary_path(ctx.home)
    if args.glossary_action == "list":
        terms = merged_glossary(ctx.settings, ctx.home)
        if not terms:
            print("The glossary is empty: add a term with reader glossary add \"carri armati\" \"tanks\".")
        for italian, english in sorted(terms.items(), key=lambda kv: kv[0].casefold()):
            print(f"{italian}\t{english}")
        return 0
    terms = read_glossary(path)
    italian = checked_term(args.italian, "Italian")
    if args.glossary_action == "add":
        english = checked_term(args.english, "English")
        before = terms.get(italian)
        terms[italian] = english
        write_glossary(path, terms)
        verb = "Added" if before is None else f"Changed (was {before!r})"
        print(f"{verb}: {italian} → {english}")
        return 0
    if italian not in terms:
        configured = italian in (getattr(ctx.settings, "glossary", {}) or {})
        where = "; it comes from config.yaml: remove it there" if configured else ""
        raise UserError(f"{italian!r} is not in the glossary{where}")
    del terms[italian]
    write_glossary(path, terms)
    print(f"Removed: {italian}")
    return 0
