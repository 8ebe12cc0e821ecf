"""The SQLite library: `Library.open(path)` and its repository functions."""

from lettore.store.library import ArticleSummary, Library

__all__ = ["ArticleSummary", "Library"]
