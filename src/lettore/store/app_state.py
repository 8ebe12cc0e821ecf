"""Small values the app keeps between runs (the theme picked in the palette), in the
library's `app_state` table: per library home, so `--home` keeps runs apart."""

from __future__ import annotations

from lettore.store.library import Library


def get_value(library: Library, key: str) -> str | None:
    """The stored value, or None."""
    row = library.conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_value(library: Library, key: str, value: str) -> None:
    """Store (or replace) a value."""
    with library.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", (key, value))
