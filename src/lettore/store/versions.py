"""Every translation a sentence has had, as a mixin of Library: the `translations` table
holds the chosen one, `translation_versions` all of them, so `u` and the picker can go back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from lettore.model import SentenceKey, Translation
from lettore.store.table import LibraryTable

Row = tuple[int, int, int, str, str, int, float]  # article, block, sentence, text, source, rough, created


class Version(NamedTuple):
    """One stored translation of a sentence, numbered in the order it arrived."""

    seq: int
    translation: Translation


def record_versions(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Add each translation as the sentence's next version unless it holds that text already."""
    conn.executemany(
        "INSERT INTO translation_versions (article_id, block, sentence, seq, text, source, rough,"
        " created) SELECT ?1, ?2, ?3, COALESCE(MAX(seq) + 1, 0), ?4, ?5, ?6, ?7"
        " FROM translation_versions WHERE article_id = ?1 AND block = ?2 AND sentence = ?3"
        " ON CONFLICT DO NOTHING",
        rows,
    )


class VersionTable(LibraryTable):
    """`translation_versions` access; Library provides `conn`, `transaction()`, `set_translations`."""

    if TYPE_CHECKING:  # provided by Library; declared here so the mixin type-checks alone

        def set_translations(self, article_id: int, items: Iterable[tuple[SentenceKey, Translation]]) -> int: ...

    def versions(self, article_id: int, key: SentenceKey) -> list[Version]:
        """The sentence's translations, oldest first."""
        rows = self.conn.execute(
            "SELECT seq, text, source, created, rough FROM translation_versions"
            " WHERE article_id = ? AND block = ? AND sentence = ? ORDER BY seq",
            (article_id, *key),
        )
        return [Version(seq, Translation(text, source, created, bool(rough)))
                for seq, text, source, created, rough in rows]

    def current_version(self, article_id: int, key: SentenceKey) -> int | None:
        """The seq of the version now chosen (the latest with the chosen text and origin)."""
        row = self.conn.execute(
            "SELECT MAX(v.seq) FROM translation_versions v JOIN translations t"
            " ON t.article_id = v.article_id AND t.block = v.block AND t.sentence = v.sentence"
            " AND t.text = v.text AND t.source = v.source"
            " WHERE v.article_id = ? AND v.block = ? AND v.sentence = ?",
            (article_id, *key),
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def choose_version(self, article_id: int, key: SentenceKey, seq: int) -> Translation:
        """Make version `seq` the sentence's shown translation; returns it."""
        for version in self.versions(article_id, key):
            if version.seq == seq:
                self.set_translations(article_id, [(key, version.translation)])
                return version.translation
        raise ValueError(f"sentence {key} has no version {seq}")

    def previous_version(self, article_id: int, key: SentenceKey) -> Translation | None:
        """Go back to the version before the chosen one; None when it is the first."""
        current = self.current_version(article_id, key)
        earlier = [v for v in self.versions(article_id, key) if current is None or v.seq < current]
        if not earlier:
            return None
        return self.choose_version(article_id, key, earlier[-1].seq)

    def drop_manual(self, article_id: int, key: SentenceKey) -> Translation | None:
        """Forget the sentence's manual versions and show the latest other one (None: no other)."""
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM translation_versions WHERE article_id = ? AND block = ?"
                " AND sentence = ? AND source = 'manual'",
                (article_id, *key),
            )
        left = self.versions(article_id, key)
        if left:
            return self.choose_version(article_id, key, left[-1].seq)
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM translations WHERE article_id = ? AND block = ? AND sentence = ?",
                (article_id, *key),
            )
        return None
