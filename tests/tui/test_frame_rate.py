"""The reader raises Textual's frame cap so a key pressed just after a repaint is not
held back for the next 60 fps slot (see lettore/tui/__init__.py); a user's own
TEXTUAL_FPS still wins."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import lettore.tui.app, textual.screen as s; print(round(1 / s.UPDATE_PERIOD))"


def frame_rate(**env: str) -> int:
    """The frame rate Textual's screens get in a fresh process that imports the reader."""
    clean = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    result = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env},
                            capture_output=True, text=True, check=True)
    return int(result.stdout)


def test_reader_paints_at_up_to_240_frames_a_second() -> None:
    assert frame_rate() == 240


def test_users_own_frame_rate_is_kept() -> None:
    assert frame_rate(TEXTUAL_FPS="30") == 30
