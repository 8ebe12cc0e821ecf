"""Word lookups in the library: the gloss cache (a mixin of Library, so the lookup
service can use any library without importing the store) and the saved words."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from lettore.store.table import LibraryTable
from lettore.words import SavedWord, Sense, WordInfo

if TYPE_CHECKING:  # library.py imports this module for the mixin
    from lettore.store.library import Library


class GlossTable(LibraryTable):
    """`glosses` table access; Library provides `conn` and `transaction()`."""

    def cached_glosses(self, words: list[str], ranking: int) -> dict[str, WordInfo]:
        """Cached lookups for the given (lower-case) word forms, made by ranking rule `ranking`."""
        found: dict[str, WordInfo] = {}
        wanted = list(dict.fromkeys(words))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for word, lemma, pos, senses, sources in self.conn.execute(
                f"SELECT word, lemma, pos, senses, sources FROM glosses WHERE word IN ({marks})", chunk
            ):
                info = _gloss(word, lemma, pos, senses, sources, ranking)
                if info is not None:
                    found[word] = info
        return found

    def store_glosses(self, infos: list[WordInfo], ranking: int) -> None:
        """Cache lookups (replacing older ones for the same word form) in one transaction."""
        now = time.time()
        rows = [
            (
                info.word,
                info.lemma,
                info.pos,
                json.dumps(
                    {
                        "senses": [s.__dict__ for s in info.senses],
                        "readings": [list(r) for r in info.readings],
                        "ranking": ranking,
                    },
                    ensure_ascii=False,
                ),
                json.dumps(list(info.sources)),
                now,
            )
            for info in infos
        ]
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO glosses (word, lemma, pos, senses, sources, created)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )


def _gloss(word: str, lemma: str, pos: str | None, senses: str, sources: str, ranking: int) -> WordInfo | None:
    """One cached row as a WordInfo; None when it was ranked by another rule."""
    data = json.loads(senses)
    if data.get("ranking") != ranking:
        return None
    return WordInfo(
        word=word,
        lemma=lemma,
        pos=pos,
        senses=tuple(Sense(**s) for s in data.get("senses", [])),
        sources=tuple(json.loads(sources)),
        readings=tuple((r[0], r[1]) for r in data.get("readings", [])),
    )


def save_word(library: Library, word: SavedWord) -> bool:
    """Keep a word for study; False when this lemma was already saved with this sentence."""
    with library.transaction() as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO saved_words (word, lemma, pos, gloss, sentence, translation,"
            " article_id, article_title, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                word.word, word.lemma, word.pos, word.gloss, word.sentence, word.translation,
                word.article_id, word.article_title, word.created or time.time(),
            ),
        )
    return cur.rowcount > 0


def saved_words(library: Library) -> list[SavedWord]:
    """Every saved word, oldest first."""
    return [
        SavedWord(
            word=r[1], lemma=r[2], pos=r[3], gloss=r[4], sentence=r[5], translation=r[6],
            article_id=r[7], article_title=r[8], created=r[9], id=r[0],
        )
        for r in library.conn.execute(
            "SELECT id, word, lemma, pos, gloss, sentence, translation, article_id, article_title,"
            " created FROM saved_words ORDER BY created, id"
        )
    ]


def delete_saved_word(library: Library, word_id: int) -> None:
    """Forget one saved word."""
    with library.transaction() as conn:
        conn.execute("DELETE FROM saved_words WHERE id = ?", (word_id,))
