"""The translation memory on top of the library: exact matches on normalised source text,
shared across articles, filled from TMX files and from every good engine result."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from lettore.model import Article, Translation
from lettore.store import Library
from lettore.translate.normalise import normalise_key

MEMORY_SOURCE = "memory"


def is_storable(source: str, target: str) -> bool:
    """Never remember an empty, failed or echoed-back translation.

    A short name-like source ("Asia Times") may legitimately come back unchanged.
    """
    target = target.strip()
    if not target:
        return False
    echoed = normalise_key(target).casefold() == normalise_key(source).casefold()
    return not echoed or len(source.split()) <= 3


def remember(
    library: Library,
    pairs: Iterable[tuple[str, str, str, bool]],
    source_lang: str = "it",
    target_lang: str = "en",
) -> int:
    """Add (source, target, origin, rough) pairs to the memory, skipping unstorable ones."""
    units = [
        (normalise_key(source), source, target.strip(), origin, rough)
        for source, target, origin, rough in pairs
        if is_storable(source, target)
    ]
    return library.tm_add(units, source_lang, target_lang)


def fill_from_memory(library: Library, article: Article, overwrite_rough: bool = True) -> int:
    """Give every untranslated (or roughly translated) sentence its memory hit; returns count."""
    assert article.id is not None
    existing = library.translations(article.id)
    wanted: dict[str, list[tuple[int, int]]] = {}
    for block in article.blocks:
        for sentence in block.sentences:
            key = (block.index, sentence.index)
            current = existing.get(key)
            if current is None or (overwrite_rough and current.rough):
                wanted.setdefault(normalise_key(sentence.text), []).append(key)
    if not wanted:
        return 0
    hits = library.tm_lookup(wanted, article.source_lang, article.target_lang)
    now = time.time()
    items = []
    for norm, (target, origin, rough) in hits.items():
        for key in wanted[norm]:
            current = existing.get(key)
            if current is not None and rough and current.rough:
                continue
            items.append((key, Translation(target, MEMORY_SOURCE if origin != "manual" else "manual", now, rough)))
    return library.set_translations(article.id, items)


def import_tmx(library: Library, path: Path, source_lang: str = "it", target_lang: str = "en") -> int:
    """Load a TMX file's units for this language pair into the memory; returns units added."""
    from lettore.translate.tmx import read_tmx

    units = [
        (u.source, u.target, u.origin or f"tmx:{path.name}", False)
        for u in read_tmx(path)
        if u.source_lang.split("-")[0].lower() == source_lang
        and u.target_lang.split("-")[0].lower() == target_lang
    ]
    return remember(library, units, source_lang, target_lang)
