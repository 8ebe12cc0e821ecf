"""The reader raises Textual's frame cap so a key pressed just after a repaint is not
held back for the next 60 fps slot (see lettore/tui/frame_rate.py); a user's own
TEXTUAL_FPS still wins; importing the package changes no environment."""

from __future__ import annotations

import os
import subprocess
import sys

# What `reader` does before it imports the app (commands/open.py), then what Textual made of it.
PROBE = ("from lettore.tui.frame_rate import use_reader_frame_rate; use_reader_frame_rate(); "
         "import lettore.tui.app, textual.screen as s; print(round(1 / s.UPDATE_PERIOD))")


def run_probe(probe: str, **env: str) -> str:
    """What a fresh process prints, with TEXTUAL_FPS only as given."""
    clean = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    result = subprocess.run([sys.executable, "-c", probe], env={**clean, **env},
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def frame_rate(**env: str) -> int:
    """The frame rate Textual's screens get in a fresh process started as the CLI starts the reader."""
    return int(run_probe(PROBE, **env))


def test_reader_paints_at_up_to_240_frames_a_second() -> None:
    assert frame_rate() == 240


def test_users_own_frame_rate_is_kept() -> None:
    assert frame_rate(TEXTUAL_FPS="30") == 30


def test_importing_the_reader_changes_no_environment() -> None:
    probe = "import os, lettore.tui.app, lettore.tui.screens.reader; print(os.environ.get('TEXTUAL_FPS'))"
    assert run_probe(probe) == "None"
