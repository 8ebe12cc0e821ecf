"""Which translation wins: a reader's own edit is stored as `manual`, which no engine run
overwrites, and goes into the shared memory so the same sentence elsewhere gets it; asking
for another translation moves on from the engine that made the current one."""

from __future__ import annotations

from lettore.model import Article, Translation
from lettore.store import Library
from lettore.translate.memory import MEMORY_SOURCE, remember

MANUAL_SOURCE = "manual"


def save_manual_edit(library: Library, article: Article, key: tuple[int, int], text: str) -> bool:
    """Store the reader's translation of one sentence and remember it; False (nothing
    stored) when the text is blank or the article is not in the library."""
    text = text.strip()
    if not text or article.id is None:
        return False
    original = article.blocks[key[0]].sentences[key[1]].text
    library.set_translation(article.id, key, Translation(text, MANUAL_SOURCE))
    remember(library, [(original, text, MANUAL_SOURCE, False)], article.source_lang, article.target_lang)
    return True


def engine_to_skip(current: Translation | None) -> str | None:
    """The engine a re-translation should not ask again: the one that made the current
    text (none for a memory hit or a manual edit, which name no engine)."""
    if current is None or current.source in (MEMORY_SOURCE, MANUAL_SOURCE):
        return None
    return current.source
