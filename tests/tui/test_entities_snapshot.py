"""SVG snapshot: the seed with entity highlighting in both columns and the entity panel open."""

from __future__ import annotations

from pathlib import Path

from tests.tui.test_entities_panel import analysed_app


def test_seed_with_entity_highlights_and_panel(snap_compare, tmp_path: Path) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    assert snap_compare(app, terminal_size=(160, 48), press=["E"])
