"""How the library screen looks with two articles, one translated."""

from __future__ import annotations

import time
from pathlib import Path

from lettore.config import Settings
from lettore.model import Translation
from lettore.store import Library
from lettore.tui.app import make_app
from tests.tui.test_library import add


def test_library_snapshot(snap_compare, tmp_path: Path) -> None:
    """Title, date, size, % translated, analysed and last read, at 120 columns."""
    library = Library.open(tmp_path / "lib.sqlite3")
    add(library, "Il governo e le città", "Il governo parla. Tutti ascoltano.")
    second = add(library, "Notizie dal Nord", "La città dorme.")
    library.set_translations(second, [((0, 0), Translation("News from the North", "memory", time.time())),
                                      ((1, 0), Translation("The city sleeps.", "memory", time.time()))])
    assert snap_compare(make_app(Settings(), library, None), terminal_size=(120, 24))


def test_empty_library_snapshot(snap_compare, tmp_path: Path) -> None:
    """An empty library at 80 columns: the hint and a key bar with q and L."""
    library = Library.open(tmp_path / "lib.sqlite3")
    assert snap_compare(make_app(Settings(), library, None), terminal_size=(80, 24))
