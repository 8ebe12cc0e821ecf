"""Values kept between runs in the library file: stored, replaced, and read back after reopening."""

from __future__ import annotations

from lettore.store import Library
from lettore.store.app_state import get_value, set_value


def test_values_survive_reopening_the_library(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    assert get_value(library, "theme") is None
    set_value(library, "theme", "nord")
    set_value(library, "theme", "dracula")
    library.close()
    reopened = Library.open(path)
    try:
        assert get_value(reopened, "theme") == "dracula"
    finally:
        reopened.close()
