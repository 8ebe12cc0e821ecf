"""Repository functions for word lookups: the gloss cache and the saved words."""

from __future__ import annotations

import json
import time

from lettore.lookup.entry import SavedWord, Sense, WordInfo
from lettore.lookup.ranking import RANKING_VERSION
from lettore.store.library import Library


def cached_glosses(library: Library, words: list[str]) -> dict[str, WordInfo]:
    """Cached lookups for the given (lower-case) word forms (ranked by the current rule)."""
    found: dict[str, WordInfo] = {}
    wanted = list(dict.fromkeys(words))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for word, lemma, pos, senses, sources in library.conn.execute(
            f"SELECT word, lemma, pos, senses, sources FROM glosses WHERE word IN ({marks})", chunk
        ):
            data = json.loads(senses)
            if data.get("ranking") != RANKING_VERSION:
                continue
            found[word] = WordInfo(
                word=word,
                lemma=lemma,
                pos=pos,
                senses=tuple(Sense(**s) for s in data.get("senses", [])),
                sources=tuple(json.loads(sources)),
                readings=tuple((r[0], r[1]) for r in data.get("readings", [])),
            )
    return found


def store_glosses(library: Library, infos: list[WordInfo]) -> None:
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
                    "ranking": RANKING_VERSION,
                },
                ensure_ascii=False,
            ),
            json.dumps(list(info.sources)),
            now,
        )
        for info in infos
    ]
    with library.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO glosses (word, lemma, pos, senses, sources, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
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
