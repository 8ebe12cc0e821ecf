"""SVG snapshots of the seed article: 80x24 and 160x48, side by side and interleaved."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.seed_app import seed_app


@pytest.mark.parametrize(
    ("size", "layout"),
    [
        ((60, 20), "side-by-side"),
        ((80, 24), "interleaved"),
        ((80, 24), "original"),
        ((160, 48), "side-by-side"),
        ((160, 48), "interleaved"),
    ],
)
def test_seed_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int], layout: str) -> None:
    app = seed_app(tmp_path / "lib.sqlite3", layout=layout)
    assert snap_compare(app, terminal_size=size, press=["j"])
