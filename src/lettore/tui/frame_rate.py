"""The reader's frame cap. Textual paints at most TEXTUAL_FPS frames a second (60 unless
set) and, after an idle spell, books its next frame one to two periods after the last
one, so at 60 a key pressed just after a repaint waits up to a period for its frame; at
240 that wait is a quarter as long, and frames are still drawn only when something
changed. Textual reads the variable when its modules are imported, so the CLI sets it
before it imports the app."""

from __future__ import annotations

import os
from collections.abc import MutableMapping

SCREEN_FPS = 240


def use_reader_frame_rate(environ: MutableMapping[str, str] = os.environ) -> None:
    """Raise Textual's frame cap for this process, unless the user set TEXTUAL_FPS."""
    environ.setdefault("TEXTUAL_FPS", str(SCREEN_FPS))
