"""SVG snapshots of the claims panel: beside the article with a claim chosen (its cue and
figures marked in both languages), and below the article on an 80-column terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.test_entities_panel import analysed_app


@pytest.mark.parametrize(
    ("size", "press"),
    [((160, 48), ["C", "enter"]), ((80, 24), ["C"])],
)
def test_claims_panel_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int], press: list[str]) -> None:
    app = analysed_app(tmp_path / "lib.sqlite3")
    assert snap_compare(app, terminal_size=size, press=press)
