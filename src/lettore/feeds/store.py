"""The feeds table: subscriptions, their HTTP validators and last outcome, and the items
that failed last time (retried on the next update)."""

from __future__ import annotations

import sqlite3
import time
from typing import NamedTuple

from lettore.errors import UserError


class Feed(NamedTuple):
    """One subscription, with its article counts for `feed list`."""

    id: int
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    last_update: float | None
    last_error: str | None
    articles: int = 0
    unread: int = 0


def add_feed(conn: sqlite3.Connection, name: str, url: str) -> int:
    """Subscribe; a name or URL already subscribed is a UserError."""
    clash = conn.execute("SELECT name FROM feeds WHERE name = ? OR url = ?", (name, url)).fetchone()
    if clash:
        raise UserError(f"a feed {clash[0]!r} with that name or URL is already subscribed: see `reader feed list`")
    with conn:
        cur = conn.execute("INSERT INTO feeds (name, url, added_at) VALUES (?, ?, ?)", (name, url, time.time()))
    return int(cur.lastrowid or 0)


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Every feed with how many articles it brought and how many are unread, by name."""
    rows = conn.execute(
        """SELECT f.id, f.name, f.url, f.etag, f.last_modified, f.last_update, f.last_error,
                  (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id),
                  (SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id AND a.last_read_at IS NULL)
           FROM feeds f ORDER BY f.name"""
    ).fetchall()
    return [Feed(*row) for row in rows]


def find_feeds(conn: sqlite3.Connection, names: list[str]) -> list[Feed]:
    """The named feeds (all when `names` is empty); an unknown name is a UserError."""
    feeds = list_feeds(conn)
    if not names:
        return feeds
    by_name = {feed.name: feed for feed in feeds}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise UserError(f"no feed named {unknown[0]!r}: see `reader feed list`")
    return [by_name[name] for name in names]


def remove_feed(conn: sqlite3.Connection, name: str) -> None:
    """Unsubscribe; the articles it brought stay in the library."""
    feed = find_feeds(conn, [name])[0]
    with conn:
        conn.execute("UPDATE articles SET feed_id = NULL WHERE feed_id = ?", (feed.id,))
        conn.execute("DELETE FROM feed_failures WHERE feed_id = ?", (feed.id,))
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))


def record_update(
    conn: sqlite3.Connection, feed_id: int, etag: str | None, last_modified: str | None, error: str | None
) -> None:
    """Remember the validators for the next conditional request, and the outcome."""
    with conn:
        if error is None:
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, last_update = ?, last_error = NULL WHERE id = ?",
                (etag, last_modified, time.time(), feed_id),
            )
        else:
            conn.execute("UPDATE feeds SET last_update = ?, last_error = ? WHERE id = ?", (time.time(), error, feed_id))


def failed_items(conn: sqlite3.Connection, feed_id: int) -> list[str]:
    """Item URLs that failed on an earlier update."""
    return [row[0] for row in conn.execute("SELECT item_url FROM feed_failures WHERE feed_id = ?", (feed_id,))]


def set_item_failed(conn: sqlite3.Connection, feed_id: int, url: str, reason: str | None) -> None:
    """Mark an item failed (with why), or clear the mark once it imported (`reason` None)."""
    with conn:
        if reason is None:
            conn.execute("DELETE FROM feed_failures WHERE feed_id = ? AND item_url = ?", (feed_id, url))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO feed_failures (feed_id, item_url, reason) VALUES (?, ?, ?)",
                (feed_id, url, reason),
            )


def mark_pending(conn: sqlite3.Connection, feed_id: int, urls: list[str]) -> None:
    """Note items about to be imported, so an update interrupted before they are stored
    retries them next time even though the feed answers 304; an earlier failure keeps its reason."""
    with conn:
        conn.executemany(
            "INSERT OR IGNORE INTO feed_failures (feed_id, item_url, reason) VALUES (?, ?, ?)",
            [(feed_id, url, "not imported yet (the update was interrupted)") for url in urls],
        )
