"""What a format parser hands to the article builder: blocks plus any title/date hints."""

from __future__ import annotations

from dataclasses import dataclass, field

from lettore.model import BlockKind


@dataclass
class Parsed:
    """Blocks in reading order (kind, text), and metadata the source itself declared."""

    blocks: list[tuple[BlockKind, str]] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    source_url: str | None = None
    author: str | None = None
    site_name: str | None = None

    def add(self, kind: BlockKind, text: str) -> None:
        """Append a block with its whitespace collapsed; empty text is ignored."""
        text = " ".join(text.split())
        if text:
            self.blocks.append((kind, text))
