"""Recognising URL arguments and refusing schemes lettore does not fetch."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from lettore.errors import UserError

# "scheme:" at the start of an argument: a URL (or a refused scheme), never a path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
ALLOWED_SCHEMES = ("http", "https")


def looks_like_url(argument: str) -> bool:
    """Whether a command-line argument names a URL rather than a file (C:\\ paths aside)."""
    match = _SCHEME.match(argument)
    return match is not None and len(match.group(1)) > 1


def check_url(url: str) -> str:
    """The URL, stripped, if lettore may fetch it; a UserError naming the problem otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "a URL without a scheme"
        raise UserError(f"{url}: {shown} URLs are not fetched; give an http:// or https:// address")
    if not parts.hostname:
        raise UserError(f"{url}: no host name in the address")
    return url


def normalise_url(url: str) -> str:
    """The form URLs are compared in: lower-case scheme and host, no fragment."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
