"""NO_COLOR is for what the CLI prints: the reader keeps its theme's colours."""

from __future__ import annotations

import os

import pytest

from tests.tui.seed_app import seed_app


async def test_the_reader_keeps_its_colours_under_no_color(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = seed_app(tmp_path / "lib.sqlite3")
    assert app.no_color is False  # Textual would have added its monochrome filter
    assert os.environ["NO_COLOR"] == "1"  # left as the user set it, for what the CLI prints
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == app.settings.theme
