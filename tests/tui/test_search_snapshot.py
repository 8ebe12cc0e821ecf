"""How a search looks: matches in both columns of the seed, the current one stronger,
and the count in the status line."""

from __future__ import annotations

from pathlib import Path

from tests.tui.seed_app import seed_app


def test_search_snapshot(snap_compare, tmp_path: Path) -> None:
    """"priorita" (no accent) finds "priorità"; "russia" finds Russia in both columns."""
    app = seed_app(tmp_path / "lib.sqlite3", layout="side-by-side")
    assert snap_compare(app, terminal_size=(160, 48), press=["slash", *"russia", "enter"])
