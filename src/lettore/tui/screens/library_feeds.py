"""What the library screen adds for news from the web: an unread mark, a
filter by feed, and the article's source URL (to open in the browser or copy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lettore.store.library import ArticleSummary

UNREAD = "●"


def id_label(row: ArticleSummary) -> str:
    """The id, marked while the article has never been opened."""
    return f"{UNREAD} {row.id}" if row.last_read_at is None else str(row.id)


@dataclass
class FeedFilter:
    """All articles, or only one feed's: `f` steps through the feeds and back to all."""

    feeds: list[tuple[int, str]]
    index: int = -1  # -1: every article

    @property
    def name(self) -> str | None:
        """The feed shown, None for all."""
        return self.feeds[self.index][1] if self.index >= 0 else None

    def step(self) -> None:
        """The next feed, or all after the last."""
        self.index = self.index + 1 if self.index + 1 < len(self.feeds) else -1

    def keep(self, rows: Sequence[ArticleSummary]) -> list[ArticleSummary]:
        """The rows the filter lets through."""
        if self.index < 0:
            return list(rows)
        feed_id = self.feeds[self.index][0]
        return [row for row in rows if row.feed_id == feed_id]


def feed_names(conn: object) -> list[tuple[int, str]]:
    """(id, name) of every subscribed feed, by name."""
    return [(int(i), str(n)) for i, n in conn.execute("SELECT id, name FROM feeds ORDER BY name")]  # type: ignore[attr-defined]
