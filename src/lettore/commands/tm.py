"""`reader tm import FILE.tmx` and `reader tm export FILE.tmx [--article ID]`.

The translation memory is standard TMX, shared across articles. An article's export
writes each sentence's chosen translation. Rough (gist) machine translations are left
out unless `--include-rough` asks for them, and then their origin says so; the summary
says how many were left out and why.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lettore.errors import UserError

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
    dump.add_argument("--include-rough", "--rough", action="store_true", dest="rough",
                      help="include rough machine (gist) translations, marked in their origin")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Dispatch to import or export."""
    if args.tm_action == "import":
        return run_import(Path(args.file), ctx)
    return run_export(Path(args.file), ctx, args.article, args.rough)


def run_import(path: Path, ctx: Context) -> int:
    """Load a TMX file into the memory and say how many units it added."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.memory import import_tmx

    if path.is_dir():
        raise UserError(f"{path} is a directory: give the path of a .tmx file")
    if not path.is_file():
        raise UserError(f"{path} not found: give the path of a .tmx file")
    library = ctx.library()
    settings = ctx.settings
    counts = import_tmx(library, path, settings.source_lang, settings.target_lang)
    kept = (f", {counts.kept} kept as they were (the memory's unit is better than the file's)"
            if counts.kept else "")
    print(f"Imported {counts.read} units from {path}: {counts.new} new, {counts.updated} updated,"
          f" {counts.unchanged} unchanged{kept}; the memory holds {library.tm_size()}.")
    return 0


def run_export(path: Path, ctx: Context, article: str | None, rough: bool) -> int:
    """Write the whole memory, or one article's sentence pairs, as TMX."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.tmx import write_tmx

    library = ctx.library()
    settings = ctx.settings
    if article is not None:
        article_id = library.resolve(article)
        if article_id is None:
            raise UserError(f"no article {article!r} in the library: see `reader list`")
        units, left_out = article_units(library, article_id, rough)
    else:
        units, left_out = memory_units(library, settings.source_lang, settings.target_lang, rough)
    try:
        write_tmx(path, units, srclang=settings.source_lang)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from None
    print(f"Exported {len(units)} units to {path}." + left_out_note(left_out))
    return 0


def left_out_note(left_out: dict[str, int]) -> str:
    """The summary's second sentence: what was left out and why, or nothing."""
    parts = []
    if left_out.get("rough"):
        parts.append(f"{left_out['rough']} rough machine translation"
                     f"{'s' * (left_out['rough'] != 1)} (add --include-rough to export them)")
    if left_out.get("untranslated"):
        parts.append(f"{left_out['untranslated']} untranslated sentence"
                     f"{'s' * (left_out['untranslated'] != 1)}")
    return f" Left out: {'; '.join(parts)}." if parts else ""


def memory_units(library: Any, src: str, tgt: str, rough: bool) -> tuple[list[Any], dict[str, int]]:
    """Every memory unit of the language pair as a TmxUnit, and how many were left out."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.tmx import TmxUnit

    units, left_out = [], {"rough": 0}
    for source, target, origin, is_rough in library.tm_units(src, tgt):
        if is_rough and not rough:
            left_out["rough"] += 1
            continue
        units.append(TmxUnit(source, target, src, tgt, _origin(origin, is_rough)))
    return units, left_out


def article_units(library: Any, article_id: int, rough: bool) -> tuple[list[Any], dict[str, int]]:
    """One article's sentences with their chosen translations, in reading order."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.tmx import TmxUnit

    article = library.get_article(article_id)
    translations = library.translations(article_id)
    units, left_out = [], {"rough": 0, "untranslated": 0}
    for block in article.blocks:
        for sentence in block.sentences:
            found = translations.get((block.index, sentence.index))
            if found is None or not found.text.strip():
                left_out["untranslated"] += bool(sentence.text.strip())
                continue
            if found.rough and not rough:
                left_out["rough"] += 1
                continue
            units.append(TmxUnit(sentence.text, found.text, article.source_lang,
                                 article.target_lang, _origin(found.source, found.rough)))
    return units, left_out


def _origin(origin: str | None, rough: bool) -> str | None:
    """The origin written to TMX; rough units say so."""
    if rough:
        return f"{origin or 'machine'} (rough)"
    return origin
