"""The library: one SQLite file holding articles, translations, the translation memory,
analyses and reading positions. Every multi-row write is one transaction, so a crash or a
kill leaves either the old state or the new one, never half of each."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from lettore.errors import UserError
from lettore.model import Article, Claim, Entity, ReadingState, SentenceKey, Translation
from lettore.store import analyses
from lettore.store.blocks import BLOCKS_WITH_OFFSETS, read_blocks
from lettore.store.memory_table import MemoryTable
from lettore.store.problems import library_error, newer_schema_error, problem_kind, waiting_for_lock
from lettore.store.schema import SCHEMA_VERSION, migrate
from lettore.store.versions import VersionTable, record_versions
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


class Library(MemoryTable, VersionTable, GlossTable):
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
        self._identity = _file_identity(path)
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
            conn = _connect(path, lock_timeout, on_wait)
        except _DamagedLibrary as problem:
            aside = _move_aside(path)
            notices.append(f"library {path} {problem}; moved it to {aside} (kept, not deleted:"
                f" `sqlite3 {aside} .recover` may get its contents back) and started a fresh one")
            conn = _connect(path, lock_timeout, on_wait)
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
        return self._identity is not None and _file_identity(self.path) == self._identity

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

    # ---- translations --------------------------------------------------------------

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

    # ---- reading state -------------------------------------------------------------

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

    def integrity_ok(self) -> bool:
        """`PRAGMA integrity_check` says ok."""
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file, None when it is not there."""
    try:
        stats = path.stat()
    except OSError:
        return None
    return stats.st_dev, stats.st_ino


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


class _DamagedLibrary(Exception):
    """The file is damaged (not a database, malformed, or marked damaged on its last use)."""


def _connect(
    path: Path, lock_timeout: float, on_wait: Callable[[str], None] | None
) -> sqlite3.Connection:
    """Connect, check the file is a usable library, and migrate it to the current schema."""
    try:
        conn = sqlite3.connect(path, timeout=lock_timeout, check_same_thread=False)
    except sqlite3.Error as exc:
        raise library_error(path, exc) from None
    try:
        if damage_marker(path).exists():
            if path.exists():
                raise _DamagedLibrary("was found damaged on its last use")
            damage_marker(path).unlink()
        version = waiting_for_lock(
            conn, lambda: conn.execute("PRAGMA user_version").fetchone()[0], lock_timeout, on_wait, path
        )
        if version > SCHEMA_VERSION:
            raise newer_schema_error(path, version, SCHEMA_VERSION)
        waiting_for_lock(conn, lambda: _prepare(conn), lock_timeout, on_wait, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if problem_kind(exc) == "damaged":
            raise _DamagedLibrary(f"is damaged ({exc})") from None
        raise library_error(path, exc, lock_timeout) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection) -> None:
    """Read the catalogue, set the connection's modes and migrate (safe to repeat)."""
    # Reading the schema touches the header and the catalogue pages: cheap at any size,
    # unlike quick_check, which scans the whole file.
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)


def damage_marker(path: Path) -> Path:
    """A file saying the library hit a damaged page, so the next start moves it aside."""
    return path.with_name(path.name + ".damaged")


def _move_aside(path: Path) -> Path:
    """Rename a damaged library (and its WAL files) to a timestamped name; never delete it."""
    try:
        aside = _rename_aside(path)
    except OSError as exc:
        raise UserError(
            f"the library {path} is damaged but could not be moved aside ({exc.strerror});"
            " make its folder writable, or move it away yourself"
        ) from None
    damage_marker(path).unlink(missing_ok=True)
    return aside


def _rename_aside(path: Path) -> Path:
    """The renaming itself: library, then its -wal and -shm files."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.broken-{stamp}-{n}")
        n += 1
    shutil.move(str(path), str(aside))
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            shutil.move(str(extra), str(aside) + suffix)
    return aside
