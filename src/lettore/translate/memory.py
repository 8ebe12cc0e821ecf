"""The translation memory on top of the library: exact matches on normalised source text,
shared across articles, filled from TMX files and from every good engine result."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lettore.model import Article, Translation
from lettore.store import Library
from lettore.translate.normalise import normalise_key

MEMORY_SOURCE = "memory"
# Origins of machine translations: these never replace a human unit (manual, TMX, reference).
MACHINE_ORIGINS = frozenset({"google", "mymemory", "libre", "deepl", "microsoft", "openai", "apertium"})


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
    """Add (source, target, origin, rough) pairs to the memory, skipping unstorable ones.

    An engine's translation never replaces a human unit (a manual edit, a TMX reference).
    """
    units = [
        (normalise_key(source), source, target.strip(), origin, rough)
        for source, target, origin, rough in pairs
        if is_storable(source, target)
    ]
    return library.tm_add(units, source_lang, target_lang, MACHINE_ORIGINS)


def forget_manual(
    library: Library, source: str, instead: Translation | None, source_lang: str = "it",
    target_lang: str = "en",
) -> None:
    """Drop the memory's manual unit for `source`; the version shown instead, if any, takes its place."""
    library.tm_remove(normalise_key(source), source_lang, target_lang, origin="manual")
    if instead is not None:
        remember(library, [(source, instead.text, instead.source, instead.rough)], source_lang, target_lang)


def fill_from_memory(library: Library, article: Article, overwrite_rough: bool = True) -> int:
    """Give every untranslated (or roughly translated) sentence its memory hit; returns count."""
    assert article.id is not None
    items = _memory_hits(library, article, library.translations(article.id), overwrite_rough)
    return library.set_translations(article.id, items) if items else 0


def memory_translations(library: Library, article: Article) -> dict[tuple[int, int], Translation]:
    """What `fill_from_memory` would give an article not stored yet (it has no translations)."""
    return dict(_memory_hits(library, article, {}, True))


def _memory_hits(
    library: Library, article: Article, existing: dict[tuple[int, int], Translation], overwrite_rough: bool
) -> list[tuple[tuple[int, int], Translation]]:
    """The memory's translation for each sentence that has none (or only a rough one)."""
    wanted: dict[str, list[tuple[int, int]]] = {}
    for block in article.blocks:
        for sentence in block.sentences:
            key = (block.index, sentence.index)
            current = existing.get(key)
            if current is None or (overwrite_rough and current.rough):
                wanted.setdefault(normalise_key(sentence.text), []).append(key)
    if not wanted:
        return []
    hits = library.tm_lookup(wanted, article.source_lang, article.target_lang)
    now = time.time()
    items = []
    for norm, (target, origin, rough) in hits.items():
        for key in wanted[norm]:
            current = existing.get(key)
            if current is not None and rough and current.rough:
                continue
            items.append((key, Translation(target, MEMORY_SOURCE if origin != "manual" else "manual", now, rough)))
    return items


@dataclass(frozen=True)
class ImportCounts:
    """What a TMX import did to the memory, unit by unit."""

    read: int
    new: int
    updated: int
    unchanged: int
    kept: int  # a rough or machine unit that did not replace a better one


def import_tmx(
    library: Library, path: Path, source_lang: str = "it", target_lang: str = "en"
) -> ImportCounts:
    """Load a TMX file's units for this language pair into the memory and count the effect."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.translate.tmx import read_tmx

    units = {
        normalise_key(u.source): (u.source, u.target, u.origin or f"tmx:{path.name}", False)
        for u in read_tmx(path)
        if u.source_lang.split("-")[0].lower() == source_lang
        and u.target_lang.split("-")[0].lower() == target_lang
        and is_storable(u.source, u.target)
    }
    before = library.tm_lookup(units, source_lang, target_lang)
    remember(library, units.values(), source_lang, target_lang)
    after = library.tm_lookup(units, source_lang, target_lang)
    new = updated = unchanged = kept = 0
    for key, (_, target, _, _) in units.items():
        target = target.strip()
        if key not in before:
            new += 1
        elif before[key][0] == target:
            unchanged += 1
        elif key in after and after[key][0] == target:
            updated += 1
        else:
            kept += 1
    return ImportCounts(len(units), new, updated, unchanged, kept)
