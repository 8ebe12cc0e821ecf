"""The Textual reader: screens, widgets and the features that highlight the article.

Textual paints at most TEXTUAL_FPS frames a second (60 unless set). After an idle spell
it books its next frame one to two periods after the last one, so a key pressed within
~30 ms of a repaint (PageDown right after `j`) waited up to 33 ms for its frame. At 240
that wait is under 9 ms; frames are still only drawn when something changed. The value
is set before any Textual module reads it, and a TEXTUAL_FPS the user set wins.
"""

import os

SCREEN_FPS = 240

os.environ.setdefault("TEXTUAL_FPS", str(SCREEN_FPS))
