"""Messages the reader's parts send each other through the screen (`ReaderScreen.listen`)."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class EntityFocused(Message):
    """The reader chose an entity in the entity panel: the claims panel narrows to it."""

    def __init__(self, group: Any) -> None:
        super().__init__()
        self.group = group
