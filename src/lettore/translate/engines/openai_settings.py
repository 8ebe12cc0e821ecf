"""Validation of config.yaml's `openai:` mapping (url, model, temperature, timeout)."""

from __future__ import annotations

from typing import Any

from lettore.errors import UserError

OPENAI_KEYS: dict[str, tuple[type, ...]] = {
    "url": (str,),
    "model": (str,),
    "temperature": (int, float),
    "timeout": (int, float),
}


def check_openai_settings(value: dict[Any, Any], where: str) -> dict[str, Any]:
    """Return the mapping with numbers as floats, or raise `UserError` naming the bad entry."""
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key not in OPENAI_KEYS:
            hint = "; the key goes in LETTORE_OPENAI_KEY" if "key" in str(key) else ""
            raise UserError(
                f"{where}: unknown entry '{key}' (known: {', '.join(OPENAI_KEYS)}){hint}"
            )
        if isinstance(item, bool) or not isinstance(item, OPENAI_KEYS[key]):
            raise UserError(f"{where}: '{key}' must be {OPENAI_KEYS[key][0].__name__}")
        if key == "url" and not str(item).startswith(("http://", "https://")):
            raise UserError(f"{where}: 'url' must be an http(s) URL")
        if key in ("temperature", "timeout"):
            item = float(value[key])
        if key == "timeout" and item <= 0:
            raise UserError(f"{where}: 'timeout' must be a positive number of seconds")
        if key == "temperature" and not 0 <= item <= 2:
            raise UserError(f"{where}: 'temperature' must lie between 0 and 2")
        out[str(key)] = item
    return out
