"""Where the reader left each article, as a mixin of Library: cursor, layout and panels,
and which article was read last (a bare `reader` reopens it)."""

from __future__ import annotations

import json
import time

from lettore.model import ReadingState
from lettore.store.table import LibraryTable


class ReadingTable(LibraryTable):
    """`reading_state` access; Library provides `conn` and `transaction()`."""

    def reading_state(self, article_id: int) -> ReadingState | None:
        """Where the reader left this article, if it was ever opened."""
        row = self.conn.execute(
            "SELECT block, sentence, layout, panels FROM reading_state WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return ReadingState(row[0], row[1], row[2], json.loads(row[3] or "{}"))

    def save_reading_state(self, article_id: int, state: ReadingState) -> None:
        """Remember the cursor, layout and panels, and make this the last-read article.

        A no-op for an article that is no longer in the library: a reader closing after
        its article was deleted (from the library screen or another process) has nothing
        left to remember it for."""
        now = time.time()
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO reading_state (article_id, block, sentence, layout, panels,"
                " updated) SELECT id, ?, ?, ?, ?, ? FROM articles WHERE id = ?",
                (state.block, state.sentence, state.layout, json.dumps(state.panels), now, article_id),
            )
            conn.execute("UPDATE articles SET last_read_at = ? WHERE id = ?", (now, article_id))

    def last_read_article(self) -> int | None:
        """The article read most recently, to reopen on a bare `reader`."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE last_read_at IS NOT NULL ORDER BY last_read_at DESC LIMIT 1"
        ).fetchone()
        return int(row[0]) if row else None
