"""The library: one SQLite file holding articles, translations, the translation memory,
analyses and reading positions. Every multi-row write is one transaction, so a crash or a
kill leaves either the old state or the new one, never half of each."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from lettore.errors import UserError
from lettore.model import Article, Claim, Entity
from lettore.store import analyses
from lettore.store.blocks import BLOCKS_WITH_OFFSETS, read_blocks
from lettore.store.connection import DamagedLibrary, connect, file_identity, move_aside
from lettore.store.memory_table import MemoryTable
from lettore.store.problems import waiting_for_lock
from lettore.store.reading_table import ReadingTable
from lettore.store.translations_table import TranslationTable
from lettore.store.versions import VersionTable
from lettore.store.words import GlossTable


class ArticleSummary(NamedTuple):
    """One row of `reader list` and of the library screen."""

    id: int
    title: str
    date: str | None
    source_path: str | None
    blocks: int
    sentences: int
    translated: int
    size: int
    added_at: float
    last_read_at: float | None
    analysed: bool
    source_url: str | None = None
    site_name: str | None = None
    feed_id: int | None = None
    rough: int = 0  # of `translated`, how many are rough machine translation

    @property
    def percent_translated(self) -> float:
        """Share of sentences with a translation that is not rough MT, 0-100."""
        good = self.translated - self.rough
        return 100.0 * good / self.sentences if self.sentences else 100.0

    @property
    def percent_rough(self) -> float:
        """Share of sentences whose only translation is rough MT, 0-100."""
        return 100.0 * self.rough / self.sentences if self.sentences else 0.0

    @property
    def translated_share(self) -> str:
        """"100%", or "40% · 60% rough" when rough MT is part of it."""
        share = f"{self.percent_translated:.0f}%"
        return f"{share} · {self.percent_rough:.0f}% rough" if self.rough else share


class Library(MemoryTable, VersionTable, GlossTable, TranslationTable, ReadingTable):
    """Repository functions over the library file; open with `Library.open(path)`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        notices: list[str],
        lock_timeout: float = 10.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.notices = notices
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self._identity = file_identity(path)
        self._depth = 0  # transactions open, the outermost one commits

    # ---- opening -------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, lock_timeout: float = 10.0, on_wait: Callable[[str], None] | None = None
    ) -> Library:
        """Open (creating or upgrading) the library.

        Only a damaged file is moved aside (kept, never deleted) for a fresh one; a lock is
        waited for up to `lock_timeout` s (told through `on_wait`), and a lock still held, a
        full disk, a permission problem or a newer schema is a UserError, file untouched."""
        notices: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot create the library folder {path.parent}: {exc.strerror}") from None
        try:
            conn = connect(path, lock_timeout, on_wait)
        except DamagedLibrary as problem:
            aside = move_aside(path)
            notices.append(f"library {path} {problem}; moved it to {aside} (kept, not deleted:"
                f" `sqlite3 {aside} .recover` may get its contents back) and started a fresh one")
            conn = connect(path, lock_timeout, on_wait)
        return cls(conn, path, notices, lock_timeout, on_wait)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: commit on success, roll back on any error.

        The write lock is taken first (BEGIN IMMEDIATE), waiting visibly for another
        writer, so a busy library fails before anything is half-done. One opened inside
        another joins it: the outermost commits, or rolls back, everything written in it."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        with self.conn:
            if not self.conn.in_transaction:
                waiting_for_lock(
                    self.conn, lambda: self.conn.execute("BEGIN IMMEDIATE"),
                    self.lock_timeout, self.on_wait, self.path,
                )
            self._depth = 1
            try:
                yield self.conn
            finally:
                self._depth = 0

    def still_on_disk(self) -> bool:
        """Whether the file this library was opened from is still there, the same file: if
        it was deleted or replaced meanwhile, what was written since went to the lost one."""
        return self._identity is not None and file_identity(self.path) == self._identity

    def verify(self) -> None:
        """Raise the damage error if `PRAGMA quick_check` finds the file damaged inside.

        Reading the catalogue at open time cannot see a damaged interior page; queries over
        it may silently return fewer rows, so whole-library reads check first."""
        result = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({result})")

    # ---- articles ------------------------------------------------------------------

    def add_article(
        self, article: Article, fetched_url: str | None = None, feed_id: int | None = None
    ) -> tuple[int, bool]:
        """Store an article; returns (id, created). The same content is stored once."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
        ).fetchone()
        if row:
            return row[0], False
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO articles (content_hash, title, date, source_path, source_lang,"
                " target_lang, added_at, source_url, fetched_url, author, site_name, feed_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.content_hash,
                    article.title,
                    article.date,
                    article.source_path,
                    article.source_lang,
                    article.target_lang,
                    time.time(),
                    article.source_url,
                    fetched_url,
                    article.author,
                    article.site_name,
                    feed_id,
                ),
            )
            article_id = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO blocks (article_id, idx, kind, text) VALUES (?, ?, ?, ?)",
                [(article_id, b.index, b.kind, b.text) for b in article.blocks],
            )
            conn.executemany(
                "INSERT INTO sentences (article_id, block, idx, text, start, end)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (article_id, b.index, s.index, s.text, s.start, s.end)
                    for b in article.blocks
                    for s in b.sentences
                ],
            )
        return article_id, True

    def get_article(self, article_id: int) -> Article:
        """Load a stored article with its blocks and sentences."""
        row = self.conn.execute(
            "SELECT title, date, source_path, source_lang, target_lang, content_hash,"
            " source_url, author, site_name FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise UserError(f"no article with id {article_id} in the library: see `reader list`")
        blocks = read_blocks(self.conn.execute(BLOCKS_WITH_OFFSETS, (article_id,)).fetchall())
        title, date, source_path, source_lang, target_lang, content_hash, source_url, author, site_name = row
        return Article(
            title=title,
            blocks=blocks,
            date=date,
            source_path=source_path,
            source_lang=source_lang,
            target_lang=target_lang,
            content_hash=content_hash,
            id=article_id,
            source_url=source_url,
            author=author,
            site_name=site_name,
        )

    def resolve(self, id_or_path: str) -> int | None:
        """An article id from a number (ASCII digits only: `١٢` is not 12), or from the path
        it was imported from."""
        if is_article_id(id_or_path):
            row = self.conn.execute("SELECT id FROM articles WHERE id = ?", (int(id_or_path),)).fetchone()
            if row:
                return int(row[0])
        resolved = _stored_path(id_or_path) if id_or_path != "-" else "<stdin>"
        row = self.conn.execute(
            "SELECT id FROM articles WHERE source_path = ? ORDER BY id DESC LIMIT 1", (resolved,)
        ).fetchone()
        return int(row[0]) if row else None

    def find_by_url(self, *urls: str | None) -> int | None:
        """The article whose canonical or fetched URL is one of `urls` (compared normalised)."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.web.urls import normalise_url

        for url in filter(None, urls):
            key = normalise_url(url)
            row = self.conn.execute(
                "SELECT id FROM articles WHERE source_url = ? OR fetched_url = ? ORDER BY id LIMIT 1", (key, key)
            ).fetchone() or self.conn.execute("SELECT article_id FROM article_urls WHERE url = ?", (key,)).fetchone()
            if row:
                return int(row[0])
        return None

    def add_url_alias(self, article_id: int, url: str) -> None:
        """Remember another address the article was asked for, to find it by later."""
        from lettore.web.urls import normalise_url

        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO article_urls (url, article_id) SELECT ?, id FROM articles WHERE id = ?",
                (normalise_url(url), article_id),
            )

    def find_by_hash(self, content_hash: str) -> int | None:
        """The id of an article with exactly this content, if stored."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return int(row[0]) if row else None

    def delete_article(self, article_id: int) -> None:
        """Remove one article and everything attached to it (the shared memory stays)."""
        with self.transaction() as conn:
            for table in ("entities", "claims", "reading_state", "pending", "translations", "sentences", "blocks",
                          "article_urls"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def list_articles(self) -> list[ArticleSummary]:
        """Every article with its size and translation progress, oldest first."""
        rows = self.conn.execute(
            """
            SELECT a.id, a.title, a.date, a.source_path, a.added_at, a.last_read_at,
                   a.analysed_at IS NOT NULL,
                   (SELECT COUNT(*) FROM blocks b WHERE b.article_id = a.id),
                   (SELECT COUNT(*) FROM sentences s WHERE s.article_id = a.id),
                   (SELECT COUNT(*) FROM translations t WHERE t.article_id = a.id),
                   (SELECT COALESCE(SUM(LENGTH(b.text)), 0) FROM blocks b WHERE b.article_id = a.id),
                   a.source_url, a.site_name, a.feed_id,
                   (SELECT COUNT(*) FROM translations t WHERE t.article_id = a.id AND t.rough)
            FROM articles a ORDER BY a.id
            """
        ).fetchall()
        return [
            ArticleSummary(
                id=r[0], title=r[1], date=r[2], source_path=r[3], added_at=r[4],
                last_read_at=r[5], analysed=bool(r[6]), blocks=r[7], sentences=r[8],
                translated=r[9], size=r[10], source_url=r[11], site_name=r[12], feed_id=r[13], rough=r[14],
            )
            for r in rows
        ]

    def article_count(self) -> int:
        """How many articles the library holds (cheap, unlike list_articles)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ---- analyses ------------------------------------------------------------------

    def set_analysis(self, article_id: int, entities: list[Entity], claims: list[Claim]) -> None:
        """Replace the article's stored entities and claims in one transaction."""
        with self.transaction() as conn:
            analyses.write(conn, article_id, entities, claims)
            conn.execute("UPDATE articles SET analysed_at = ? WHERE id = ?", (time.time(), article_id))

    def entities(self, article_id: int) -> list[Entity]:
        """Stored entities of the article in text order."""
        return analyses.read_entities(self.conn, article_id)

    def claims(self, article_id: int) -> list[Claim]:
        """Stored claims of the article in text order."""
        return analyses.read_claims(self.conn, article_id)

    def is_analysed(self, article_id: int) -> bool:
        """Whether the import-time analysis has run for this article."""
        row = self.conn.execute("SELECT analysed_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        return bool(row and row[0] is not None)

    def integrity_ok(self) -> bool:
        """`PRAGMA integrity_check` says ok."""
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def is_article_id(text: str) -> bool:
    """ASCII digits that fit SQLite's integer (a longer number cannot be an id)."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def _stored_path(path: str) -> str:
    """A path the way imports store it: absolute, links resolved where they resolve."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.text_clean import clean_name

    try:
        return clean_name(str(Path(path).expanduser().resolve()))
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return clean_name(str(Path(path).expanduser().absolute()))


