"""The import orchestration: a file, standard input, a web page or a feed item becomes an
article in the library with everything later stages need (stored text, translations the
memory already holds, the import-time analysis of `analyse.run`). `translate.prepare` is
the other orchestrator: it translates what is stored."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lettore.errors import UserError
from lettore.model import Article, Claim, Entity, SentenceKey, Translation
from lettore.store import Library
from lettore.translate.memory import fill_from_memory, import_tmx, memory_translations

if TYPE_CHECKING:
    from lettore.config import Settings
    from lettore.web.page import WebArticle


@dataclass(frozen=True)
class Analysed:
    """An article's import-time analysis, made before it is stored (here or in a worker
    process), with the memory translations it was made with: all stored together."""

    translations: dict[SentenceKey, Translation]
    entities: list[Entity]
    claims: list[Claim]


def import_article(library: Library, article: Article, fetched_url: str | None = None,
                   feed_id: int | None = None, analysed: Analysed | None = None) -> tuple[int, bool]:
    """Store `article` (deduplicated by content) with its memory translations and its
    analysis in one transaction, so it is in the library analysed or not at all; returns
    (id, created). `analysed` is an analysis made elsewhere; without one it is made here."""
    known = library.find_by_hash(article.content_hash)
    if known is not None:
        stored = library.get_article(known)
        fill_from_memory(library, stored)
        if not library.is_analysed(known):
            analyse_and_store(library, stored)
        return known, False
    if analysed is None:
        analysed = analyse_unstored(library, article)
    with library.transaction():
        article_id, created = library.add_article(article, fetched_url, feed_id)
        if created:
            library.set_translations(article_id, analysed.translations.items())
            library.set_analysis(article_id, analysed.entities, analysed.claims)
    return article_id, created


def analyse_unstored(library: Library, article: Article) -> Analysed:
    """The analysis of an article not stored yet, with the translations the memory has for it."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.analyse.run import analyse_article

    translations = memory_translations(library, article)
    return Analysed(translations, *analyse_article(article, translations))


def analyse_and_store(library: Library, article: Article) -> None:
    """Run the entity and claim analysis of a stored article and store it with the article."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.analyse.run import analyse_article

    assert article.id is not None
    entities, claims = analyse_article(article, library.translations(article.id))
    library.set_analysis(article.id, entities, claims)


MAX_ARTICLE_BYTES = 8_000_000


def import_path(library: Library, path: str) -> tuple[int, bool]:
    """Ingest a file (or "-" for stdin) and import it; refuse what no article can be."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.ingest import load_bytes, load_path

    if path == "-":

        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:

            raise UserError(
                f"standard input holds more than {MAX_ARTICLE_BYTES / 1e6:.0f} MB, too much for one"
                " article: split it into articles and add them one by one"
            )
        article = load_bytes(data, "<stdin>")
    else:
        try:
            size = Path(path).stat().st_size if Path(path).is_file() else 0
        except OSError:
            size = 0  # load_path reports missing or unreadable files with its own message
        _check_size(size, path)
        article = load_path(path)
    return import_article(library, article)


def _check_size(size: int, name: str) -> None:
    """Articles are at most a few MB; a bigger input is a mistake, refused before reading."""
    if size > MAX_ARTICLE_BYTES:

        raise UserError(
            f"{name} is {size / 1e6:.1f} MB, too large for one article (limit"
            f" {MAX_ARTICLE_BYTES / 1e6:.0f} MB): split it into articles and add them one by one"
        )


def ensure_seed(library: Library) -> int | None:
    """On a fresh library, import the shipped seed article and its reference translation."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.paths import seeds_dir

    if library.article_count():
        return None
    folder = seeds_dir()
    for tmx in sorted(folder.glob("*.tmx")):
        import_tmx(library, tmx)
    seed_id = None
    for text in sorted(folder.glob("*.it.txt")):
        seed_id, _ = import_path(library, str(text))
    return seed_id


def import_url(
    library: Library, url: str, settings: Settings | None = None, feed_id: int | None = None
) -> tuple[int, bool]:
    """Fetch, extract and import a page; a URL (or its canonical form) already stored is
    found again, not fetched. Nothing is stored unless the whole page could be read."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.page import limits_from, load_url

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.urls import check_url

    url = check_url(url)
    known = library.find_by_url(url)
    if known is not None:
        return known, False
    return store_web_article(library, load_url(url, limits_from(settings)), feed_id)


def store_web_article(
    library: Library, page: WebArticle, feed_id: int | None = None, analysed: Analysed | None = None
) -> tuple[int, bool]:
    """Import a fetched page unless its canonical URL or its content is already stored."""
    known = library.find_by_url(page.article.source_url, page.fetched_url)
    if known is not None:
        _remember_address(library, known, page)
        return known, False
    article_id, created = import_article(library, page.article, page.fetched_url, feed_id, analysed)
    _remember_address(library, article_id, page)
    return article_id, created


def _remember_address(library: Library, article_id: int, page: WebArticle) -> None:
    """Keep the addresses the page was asked for, fetched from and names as canonical, so
    each finds the article later (one that already finds an article is left alone)."""
    for url in dict.fromkeys((page.requested_url, page.fetched_url, page.article.source_url)):
        if url and library.find_by_url(url) is None:
            library.add_url_alias(article_id, url)


def import_source(library: Library, source: str, settings: Settings | None = None) -> tuple[int, bool]:
    """Import a URL, a file path, or "-" (standard input)."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.urls import looks_like_url

    if looks_like_url(source):
        return import_url(library, source, settings)
    return import_path(library, source)


def open_or_import(library: Library, id_or_path: str, settings: Settings | None = None) -> int:
    """Resolve an id, URL or path to an article id, importing one not yet in the library."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.web.urls import looks_like_url

    if looks_like_url(id_or_path):
        return import_url(library, id_or_path, settings)[0]
    article_id = library.resolve(id_or_path)
    if article_id is not None:
        return article_id
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.store.library import is_article_id

    if id_or_path.isascii() and id_or_path.isdigit() and not Path(id_or_path).exists():

        shown = id_or_path if is_article_id(id_or_path) else id_or_path[:18] + "…"
        raise UserError(f"no article with id {shown} in the library: see `reader list`")
    return import_path(library, id_or_path)[0]
