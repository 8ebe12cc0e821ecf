"""Bytes to text: UTF-8/UTF-16 with or without BOM, legacy Windows/Latin-1 Italian files,
and a guard that refuses binary files with a message instead of showing garbage."""

from __future__ import annotations

import codecs
import re

from lettore.errors import UserError

_BINARY_SIGNATURES = (
    b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04",
    b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"OggS",
    b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"SQLite format 3",
)
# Letters an Italian text in cp1252 plausibly holds above ASCII.
_ITALIAN_HIGH = frozenset("àèéìíîòóùúÀÈÉÌÍÒÓÙÚ’‘“”«»–—…€°ºª·çÇñÑäöüÄÖÜß")
# Control characters (other than \t \n \r \f) that mark decoded text as binary.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")
# The codec error handler that reads stray legacy bytes in a UTF-8 file as cp1252.
_FALLBACK = "lettore.cp1252"
_CP1252_TABLE = tuple(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256)
)


def binary_error(name: str) -> UserError:
    """The one message for files that are not text."""
    return UserError(f"{name} looks like binary data, not an article: give a .txt, .md or .html file")


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an article's bytes, choosing the encoding as a careful human would."""
    text = _decode_bom(data)
    if text is None:
        if data.startswith(_BINARY_SIGNATURES):
            raise binary_error(name)
        text = _decode_utf16_without_bom(data)
    if text is None:
        if b"\x00" in data:
            raise binary_error(name)
        text = _decode_8bit(data, name)
    if _looks_binary(text):
        raise binary_error(name)
    if not text.strip():
        raise UserError(f"{name} is empty: there is no text to read")
    return text


def _decode_bom(data: bytes) -> str | None:
    """Decode by byte-order mark, the one certain signal."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL bytes falling on one side of each pair."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return data.decode("utf-16-le", errors="replace")
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return data.decode("utf-16-be", errors="replace")
    return None


def _decode_8bit(data: bytes, name: str) -> str:
    """UTF-8 first; then cp1252 when it reads as Italian; then charset-normalizer."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _mostly_utf8(data)
    if damaged is not None:
        return damaged
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_western(text):
        return text
    from charset_normalizer import from_bytes  # only needed for unusual files

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    if text is not None:
        return text
    return data.decode("latin-1")


def _mostly_utf8(data: bytes) -> str | None:
    """A file with valid UTF-8 sequences besides invalid bytes is UTF-8 with pieces of
    cp1252 pasted in (a pure legacy file has no valid multi-byte sequences): decode each
    invalid byte as cp1252 and the rest as UTF-8."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    valid = sum(1 for char in replaced if ord(char) > 127) - bad
    if valid < 1 or valid < bad // 4:
        return None
    codecs.register_error(_FALLBACK, _cp1252_bytes)
    return data.decode("utf-8", errors=_FALLBACK)


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the undecodable bytes as cp1252 (Latin-1 where cp1252 has holes)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return "".join(_CP1252_TABLE[byte] for byte in bad), error.end


def _plausible_western(text: str) -> bool:
    """Whether cp1252 decoding produced the accents of Western text rather than noise."""
    high = [char for char in text[:200_000] if ord(char) > 127]
    if not high:
        return True
    good = sum(char in _ITALIAN_HIGH for char in high)
    return good >= 0.8 * len(high)


def _looks_binary(text: str) -> bool:
    """Too many control or replacement characters for a human-written text."""
    sample = text[:65536]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.05 * len(sample)
