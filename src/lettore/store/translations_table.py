"""The translations of the library's sentences and their failure marks, as a mixin of
Library: every stored translation is also a version of its sentence, and storing one
clears the sentence's pending mark in the same transaction."""

from __future__ import annotations

import time
from collections.abc import Iterable

from lettore.model import SentenceKey, Translation
from lettore.store.table import LibraryTable
from lettore.store.versions import record_versions


class TranslationTable(LibraryTable):
    """`translations` and `pending` access; Library provides `conn` and `transaction()`."""

    def article_ids_needing_translation(self) -> list[int]:
        """Articles with at least one sentence that has no translation yet."""
        rows = self.conn.execute(
            """
            SELECT DISTINCT s.article_id FROM sentences s
            LEFT JOIN translations t ON t.article_id = s.article_id AND t.block = s.block
                 AND t.sentence = s.idx
            WHERE t.text IS NULL ORDER BY s.article_id
            """
        ).fetchall()
        return [r[0] for r in rows]

    def translations(self, article_id: int) -> dict[SentenceKey, Translation]:
        """Every stored translation of the article, keyed by (block, sentence)."""
        return {
            (block, sentence): Translation(text, source, created, bool(rough))
            for block, sentence, text, source, rough, created in self.conn.execute(
                "SELECT block, sentence, text, source, rough, created FROM translations"
                " WHERE article_id = ?",
                (article_id,),
            )
        }

    def set_translations(
        self, article_id: int, items: Iterable[tuple[SentenceKey, Translation]]
    ) -> int:
        """Store translations in one transaction, clearing their pending marks; returns count.

        Each also becomes a version of its sentence (see `versions`), so nothing is lost.
        """
        rows = [
            (article_id, b, s, t.text, t.source, int(t.rough), t.created or time.time())
            for (b, s), t in items
        ]
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO translations (article_id, block, sentence, text, source,"
                " rough, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            record_versions(conn, rows)
            conn.executemany(
                "DELETE FROM pending WHERE article_id = ? AND block = ? AND sentence = ?",
                [(r[0], r[1], r[2]) for r in rows],
            )
        return len(rows)

    def set_translation(self, article_id: int, key: SentenceKey, translation: Translation) -> None:
        """Store one translation (a manual edit, a re-translation)."""
        self.set_translations(article_id, [(key, translation)])

    def pending(self, article_id: int) -> dict[SentenceKey, str]:
        """Sentences whose last translation attempt failed, with the reason."""
        return {
            (b, s): reason
            for b, s, reason in self.conn.execute(
                "SELECT block, sentence, reason FROM pending WHERE article_id = ?", (article_id,)
            )
        }

    def set_pending(self, article_id: int, items: Iterable[tuple[SentenceKey, str]]) -> None:
        """Mark sentences as failed with a reason, so the next prepare retries only them."""
        now = time.time()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO pending (article_id, block, sentence, reason, created)"
                " VALUES (?, ?, ?, ?, ?)",
                [(article_id, b, s, reason, now) for (b, s), reason in items],
            )

    def clear_pending(self, article_id: int, keys: Iterable[SentenceKey] | None = None) -> None:
        """Forget failure marks: all of the article's, or only `keys`."""
        with self.transaction() as conn:
            if keys is None:
                conn.execute("DELETE FROM pending WHERE article_id = ?", (article_id,))
            else:
                conn.executemany(
                    "DELETE FROM pending WHERE article_id = ? AND block = ? AND sentence = ?",
                    [(article_id, b, s) for b, s in keys],
                )
