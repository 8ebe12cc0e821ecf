"""What every table mixin of Library takes from it: the connection and its atomic writes."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class LibraryTable:
    """Base of Library's table mixins; Library provides `conn` and `transaction()`."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:  # provided by Library; declared here so each mixin type-checks alone

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
