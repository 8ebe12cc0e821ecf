"""The library's SQLite schema as ordered migrations; `PRAGMA user_version` records
how many have run, so an old library is upgraded in place and a newer one is refused."""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their text, translations, the translation memory, reading state.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT,
        source_path TEXT,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        added_at REAL NOT NULL,
        last_read_at REAL,
        analysed_at REAL
    );
    CREATE TABLE blocks (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph')),
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE sentences (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, block, idx)
    ) WITHOUT ROWID;
    CREATE TABLE translations (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        rough INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL,
        PRIMARY KEY (article_id, block, sentence)
    ) WITHOUT ROWID;
    CREATE TABLE pending (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        reason TEXT NOT NULL,
        created REAL NOT NULL,
        PRIMARY KEY (article_id, block, sentence)
    ) WITHOUT ROWID;
    CREATE TABLE tm (
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        key TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        origin TEXT NOT NULL,
        rough INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL,
        PRIMARY KEY (source_lang, target_lang, key)
    ) WITHOUT ROWID;
    CREATE TABLE reading_state (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        layout TEXT NOT NULL,
        panels TEXT NOT NULL DEFAULT '{}',
        updated REAL NOT NULL
    );
    CREATE TABLE app_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: analyses stored at import time, so opening an article does no tagging.
    """
    CREATE TABLE entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        block INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        value TEXT,
        english TEXT,
        PRIMARY KEY (article_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE claims (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    ) WITHOUT ROWID;
    """,
    # 3: word lookups cached once (lemma, part of speech, English senses) and saved words.
    """
    CREATE TABLE glosses (
        word TEXT PRIMARY KEY,
        lemma TEXT NOT NULL,
        pos TEXT,
        senses TEXT NOT NULL,
        sources TEXT NOT NULL,
        created REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE saved_words (
        id INTEGER PRIMARY KEY,
        word TEXT NOT NULL,
        lemma TEXT NOT NULL,
        pos TEXT,
        gloss TEXT NOT NULL,
        sentence TEXT NOT NULL,
        translation TEXT,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        article_title TEXT,
        created REAL NOT NULL,
        UNIQUE (lemma, sentence)
    );
    """,
    # 4: articles from the web (their canonical URL, author, site) and the feeds they came from.
    """
    ALTER TABLE articles ADD COLUMN source_url TEXT;
    ALTER TABLE articles ADD COLUMN fetched_url TEXT;
    ALTER TABLE articles ADD COLUMN author TEXT;
    ALTER TABLE articles ADD COLUMN site_name TEXT;
    ALTER TABLE articles ADD COLUMN feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL;
    CREATE INDEX articles_source_url ON articles(source_url);
    CREATE INDEX articles_fetched_url ON articles(fetched_url);
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL UNIQUE,
        etag TEXT,
        last_modified TEXT,
        last_update REAL,
        last_error TEXT,
        added_at REAL NOT NULL
    );
    CREATE TABLE feed_failures (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_url TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_url)
    ) WITHOUT ROWID;
    """,
    # 5: every translation a sentence has had (engine, memory, manual), for undo and a picker.
    """
    CREATE TABLE translation_versions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        rough INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL,
        PRIMARY KEY (article_id, block, sentence, seq),
        UNIQUE (article_id, block, sentence, text, source)
    ) WITHOUT ROWID;
    INSERT INTO translation_versions (article_id, block, sentence, seq, text, source, rough, created)
        SELECT article_id, block, sentence, 0, text, source, rough, created FROM translations;
    """,
    # 6: every address a web article was asked for (feed links that redirect, tracking
    # parameters), so the next update finds it without fetching the page again.
    """
    CREATE TABLE article_urls (
        url TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Run every migration the file has not seen yet, each in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version, SCHEMA_VERSION):
        try:
            conn.executescript(
                "BEGIN;" + MIGRATIONS[number] + f"PRAGMA user_version = {number + 1}; COMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
