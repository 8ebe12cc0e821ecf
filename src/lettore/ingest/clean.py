"""Text cleaning for ingest: the project's one cleaner lives in `lettore.text_clean`."""

from __future__ import annotations

from lettore.text_clean import clean_line, clean_text

__all__ = ["clean_line", "clean_text"]
