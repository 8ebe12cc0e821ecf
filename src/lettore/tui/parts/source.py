"""The article's web page from the reader: `o` opens its source URL in the browser, `c`
copies it, as the same keys do in the library."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

from lettore.tui.parts.base import Action, ReaderPart
from lettore.tui.source_link import copy_source, open_source


class SourcePart(ReaderPart):
    """Open or copy the source URL of the article being read."""

    NAME = "source"
    BINDINGS = [
        Binding("o", "open_source", "Open source page", show=False, id="reader_open_source"),
        Binding("c", "copy_source", "Copy source URL", show=False, id="reader_copy_source"),
    ]

    def actions(self) -> Mapping[str, Action]:
        """Open, copy."""
        return {
            "open_source": lambda: open_source(self.app, self.screen.article.source_url),
            "copy_source": lambda: copy_source(self.app, self.screen.article.source_url),
        }
