"""Checks on setting values beyond their types, shared by the config file and the command
line: a NaN, an infinity or an absurd number (jobs 1e11, retries 1e6) and a string carrying
terminal controls are refused with a message naming where they came from, instead of
hanging a worker or reaching the terminal later."""

from __future__ import annotations

import math

from lettore.errors import UserError
from lettore.text_clean import has_control

# key -> (lowest, highest, unit shown in the message)
RANGES: dict[str, tuple[float, float, str]] = {
    "timeout": (0.1, 600.0, "seconds"),
    "jobs": (1, 64, "requests at a time"),
    "retries": (0, 20, "retries"),
    "lock_timeout": (0.0, 3600.0, "seconds"),
    "request_deadline": (0.1, 3600.0, "seconds"),
    "max_answer_bytes": (1_000, 100_000_000, "bytes"),
    "fetch_connect_timeout": (0.1, 600.0, "seconds"),
    "fetch_read_timeout": (0.1, 600.0, "seconds"),
    "fetch_deadline": (0.1, 3600.0, "seconds"),
    "fetch_max_mb": (0.1, 1_000.0, "MB"),
    "feed_jobs": (1, 64, "feeds at a time"),
    "analysis_jobs": (0, 64, "worker processes (0: one per core but one)"),
}


def check_range(key: str, value: object, where: str) -> None:
    """Raise a UserError naming `where` when a numeric setting is non-finite or out of range."""
    if key not in RANGES or isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    low, high, unit = RANGES[key]
    if not math.isfinite(value) or not low <= value <= high:
        raise UserError(f"{where} must be between {low:g} and {high:g} {unit}, not {value!r}")


def check_text(key: str, value: object, where: str) -> None:
    """Raise a UserError naming `where` when a string setting (or a mapping's key or value)
    carries control, bidi or zero-width characters: config is data, never terminal control."""
    texts = [value] if isinstance(value, str) else []
    if isinstance(value, dict):
        texts = [str(item) for pair in value.items() for item in pair]
    if any(has_control(text) or "\n" in text for text in texts):
        raise UserError(f"{where} contains control characters; write it as plain text")
