"""Claims: what an article asserts or reports others asserting, ranked by check-worthiness,
plus the number check between an original sentence and its translation.

Names are loaded on first use (PEP 562), so the reader's number check does not pay for
importing the extractor at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "number_mismatches": "lettore.analyse.claims.check",
    "extract_claims": "lettore.analyse.claims.extract",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` when it is first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
