"""Text cleaning: nothing from a file may drive the terminal (escape sequences, control
and bidi characters) and equivalent text must compare equal (line endings, NFC)."""

from __future__ import annotations

import re
import unicodedata

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST, e.g. OSC 8 links), DCS/SOS/PM/APC
# strings (bounded and terminated, so a stray ESC ] cannot swallow the article), then
# any other ESC sequence. Lone C1 characters are removed one by one below.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[PX^_][^\x1b\x9c]{0,4096}(?:\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 (except \t \n), DEL, C1, bidi embedding/override/isolate and marks, zero-width
# characters and the BOM. \t becomes a space.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f"
    "\u200b-\u200d\u2060\ufeff\u061c]"
)


def clean_text(text: str) -> str:
    """Remove what must never reach the screen and normalise line endings and Unicode."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    text = text.replace("\t", " ")
    text = _INVISIBLE.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
