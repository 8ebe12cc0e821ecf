"""`reader tm import FILE.tmx` and `reader tm export FILE.tmx [--article ID]`.

The translation memory is standard TMX, shared across articles. Rough (gist) units are
left out of exports unless `--rough` asks for them, and then their origin says so.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lettore.cli import Context


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `tm import` and `tm export`."""
    parser = subparsers.add_parser(
        "tm", help="import or export the translation memory (TMX)",
        description="The translation memory holds sentence pairs shared by every article.",
    )
    actions = parser.add_subparsers(dest="tm_action", metavar="ACTION", required=True)
    load = actions.add_parser("import", help="add the units of a TMX file to the memory")
    load.add_argument("file", metavar="FILE.tmx")
    dump = actions.add_parser("export", help="write the memory (or one article) as TMX")
    dump.add_argument("file", metavar="FILE.tmx")
    dump.add_argument("--article", metavar="ID_OR_PATH",
                      help="export only this article's translated sentences")
    dump.add_argument("--rough", action="store_true",
                      help="include rough (gist) translations, marked in their origin")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Dispatch to import or export."""
    if args.tm_action == "import":
        return run_import(Path(args.file), ctx)
    return run_export(Path(args.file), ctx, args.article, args.rough)


def run_import(path: Path, ctx: Context) -> int:
    """Load a TMX file into the memory and say how many units it added."""
    from lettore.errors import UserError
    from lettore.translate.memory import import_tmx

    if not path.is_file():
        raise UserError(f"{path} not found: give the path of a .tmx file")
    library = ctx.library()
    settings = ctx.settings
    before = library.tm_size()
    read = import_tmx(library, path, settings.source_lang, settings.target_lang)
    added = library.tm_size() - before
    print(f"Imported {read} units from {path} ({added} new); the memory holds {library.tm_size()}.")
    return 0


def run_export(path: Path, ctx: Context, article: str | None, rough: bool) -> int:
    """Write the whole memory, or one article's sentence pairs, as TMX."""
    from lettore.errors import UserError
    from lettore.translate.tmx import write_tmx

    library = ctx.library()
    settings = ctx.settings
    if article is not None:
        article_id = library.resolve(article)
        if article_id is None:
            raise UserError(f"no article {article!r} in the library: see `reader list`")
        units = article_units(library, article_id, rough)
    else:
        units = memory_units(library, settings.source_lang, settings.target_lang, rough)
    try:
        write_tmx(path, units, srclang=settings.source_lang)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from None
    print(f"Exported {len(units)} units to {path}.")
    return 0


def memory_units(library: Any, src: str, tgt: str, rough: bool) -> list[Any]:
    """Every memory unit of the language pair as a TmxUnit."""
    from lettore.translate.tmx import TmxUnit

    return [
        TmxUnit(source, target, src, tgt, _origin(origin, is_rough))
        for source, target, origin, is_rough in library.tm_units(src, tgt)
        if rough or not is_rough
    ]


def article_units(library: Any, article_id: int, rough: bool) -> list[Any]:
    """One article's sentences with their stored translations, in reading order."""
    from lettore.translate.tmx import TmxUnit

    article = library.get_article(article_id)
    translations = library.translations(article_id)
    units = []
    for block in article.blocks:
        for sentence in block.sentences:
            found = translations.get((block.index, sentence.index))
            if found is None or not found.text.strip() or (found.rough and not rough):
                continue
            units.append(TmxUnit(sentence.text, found.text, article.source_lang,
                                 article.target_lang, _origin(found.source, found.rough)))
    return units


def _origin(origin: str | None, rough: bool) -> str | None:
    """The origin written to TMX; rough units say so."""
    if rough:
        return f"{origin or 'machine'} (rough)"
    return origin
