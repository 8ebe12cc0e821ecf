"""The one cleaner for text from outside, and the one escape for text going out.

Everything that enters (files, file names, pages, engine answers, TMX, config) passes
`clean_text` (or `clean_line` for one-line fields) so no escape sequence, control, bidi
override or zero-width character is ever stored; everything printed or drawn passes
`inert`, which shows any control that got in anyway (an old library) as a visible,
harmless symbol of one character."""

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
# characters and the BOM.
_INVISIBLE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b-\u200d\u2060\ufeff\u061c"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# A numeric or named character reference, as pages and engine answers spell characters.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")

# Output: each control becomes one visible character (C0 as the Control Pictures block,
# DEL as ␡, C1, bidi and zero-width characters as �), so widths and offsets stay put.
_PICTURES: dict[int, int] = {code: 0x2400 + code for code in range(0x20)}
_PICTURES.update({0x7F: 0x2421, **{code: 0xFFFD for code in range(0x80, 0xA0)}})
_PICTURES.update({code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_PICTURES.update({code: 0xFFFD for code in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C)})
# The same, keeping the line structure of a document (newline, tab, carriage return).
_DOCUMENT_PICTURES = {code: picture for code, picture in _PICTURES.items() if code not in (0x09, 0x0A, 0x0D)}

_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _DOCUMENT_PICTURES}


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


def clean_line(text: str) -> str:
    """`clean_text` for a one-line field (a title, a file name, a config value)."""
    return " ".join(clean_text(text).split())


def clean_name(name: str) -> str:
    """A file name or path as text the library and the terminal can hold: bytes that are
    not UTF-8 (kept by Python as surrogates) become \\xNN escapes, controls are removed."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return clean_line(name)


def clean_answer(text: str) -> str:
    """An engine's or a memory's translation: references decoded first, then cleaned to one line.

    Decoding first matters: `&#x202e;` is an RLO once decoded, so cleaning before would
    let it through."""
    if "&" in text:
        import html  # lazy on purpose: only answers with references need it

        text = _REFERENCE.sub(lambda match: html.unescape(match.group()), text)
    return clean_line(text)


def has_control(text: str) -> bool:
    """Whether the text holds anything `clean_text` removes (other than \\n)."""
    return "\x1b" in text or "\t" in text or "\r" in text or _INVISIBLE.search(text) is not None


def inert(text: str) -> str:
    """Replace every control, bidi and zero-width character with one visible symbol."""
    return text.translate(_PICTURES)


def inert_document(text: str) -> str:
    """`inert` for a whole document: newlines, tabs and carriage returns are kept."""
    return text.translate(_DOCUMENT_PICTURES)


def json_safe(text: str) -> str:
    """JSON text with every control, bidi and zero-width character as a \\uXXXX escape:
    the same data, but nothing a terminal would act on."""
    return text.translate(_JSON_ESCAPES)
