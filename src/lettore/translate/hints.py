"""What an engine may know of a text beyond its words (a module of its own, light enough
for the reader's first screen to import)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextHints:
    """A text's paragraph, the names to keep unchanged, and terms with the English to use
    (places with an English name, glossary entries)."""

    group: Hashable = None
    keep: tuple[str, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()
