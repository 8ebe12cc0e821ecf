"""How the lookup popup looks, with a tiny dictionary so the picture is the same anywhere."""

from __future__ import annotations

from pathlib import Path

from tests.tui.test_lookup import open_reader


def test_lookup_popup_snapshot(snap_compare, tmp_path: Path, library) -> None:
    """d on the sentence: word, lemma, FreeDict senses, the sentence with the word marked."""
    app = open_reader(library, tmp_path)

    async def run_before(pilot) -> None:
        await pilot.press("j", "d")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
