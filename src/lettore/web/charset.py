"""Page bytes to text: the charset from the HTTP header, then the page's `<meta>`, then
detection; a declared charset the bytes do not decode in is not trusted."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_LATIN = frozenset({"iso8859-1", "latin-1", "cp1252", "iso8859-15"})


def header_charset(content_type: str) -> str | None:
    """The `charset=` parameter of a Content-Type header, if any."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def decode_page(data: bytes, content_type: str = "", name: str = "the page") -> str:
    """Decode a fetched page or feed the way a careful browser would."""
    for declared in (header_charset(content_type), _declared_in_document(data)):
        text = _strict(data, declared)
        if text is not None:
            return text
    return _detect(data, name)


def _declared_in_document(data: bytes) -> str | None:
    """The charset an XML declaration or an HTML `<meta>` in the first 4 KB names."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _strict(data: bytes, declared: str | None) -> str | None:
    """`data` decoded in `declared` when that codec exists and fits the bytes, else None.

    A Latin-1 label on bytes that are valid UTF-8 with non-ASCII letters is a server's
    wrong default: those pages are read as UTF-8."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in _LATIN and not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes, name: str) -> str:
    """No usable declaration: the file importer's careful guess (BOMs, UTF-8, Italian
    cp1252, then charset-normalizer)."""
    from lettore.ingest.decode import decode_bytes

    return decode_bytes(data, name)
