"""Build engines by name from settings: URLs, keys, timeout, concurrency and retries.

Keys come from the settings (config file) or the environment and live only inside the
engine objects; nothing here prints, logs or stores them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any

from lettore.errors import UserError
from lettore.translate.engines.apertium import ApertiumEngine
from lettore.translate.engines.base import BaseEngine
from lettore.translate.engines.http import HttpClient, RetryPolicy
from lettore.translate.engines.openai import OpenAIEngine
from lettore.translate.engines.services import (
    DeeplEngine,
    GoogleEngine,
    LibreEngine,
    MicrosoftEngine,
    MyMemoryEngine,
)

ONLINE = {
    "google": GoogleEngine,
    "mymemory": MyMemoryEngine,
    "libre": LibreEngine,
    "deepl": DeeplEngine,
    "microsoft": MicrosoftEngine,
    "openai": OpenAIEngine,
}
ENGINE_NAMES: tuple[str, ...] = ("memory", *ONLINE, "apertium")
KEYED = {"libre", "deepl", "microsoft", "openai"}
_ENV_KEYS = {
    "deepl": ("DEEPL_API_KEY", "DEEPL_AUTH_KEY"),
    "libre": ("LIBRE_API_KEY",),
    "microsoft": ("MICROSOFT_API_KEY", "AZURE_TRANSLATOR_KEY"),
}


def check_names(names: list[str]) -> list[str]:
    """Return the names lower-cased, or raise `UserError` naming the unknown one."""
    out = []
    for name in names:
        low = name.strip().lower()
        if low not in ENGINE_NAMES:
            raise UserError(
                f"unknown translation engine {name!r}; choose from {', '.join(ENGINE_NAMES)}"
            )
        out.append(low)
    return out


def api_key(name: str, keys: Mapping[str, str] | None = None) -> str | None:
    """The key for `name`: LETTORE_<NAME>_KEY, then the config, then the service's usual variable."""
    if os.environ.get(f"LETTORE_{name.upper()}_KEY"):
        return os.environ[f"LETTORE_{name.upper()}_KEY"]
    if keys and keys.get(name):
        return keys[name]
    for var in _ENV_KEYS.get(name, ()):
        if os.environ.get(var):
            return os.environ[var]
    return None


def build_engine(
    name: str,
    *,
    timeout: float = 15.0,
    jobs: int = 4,
    retries: int = 3,
    url: str | None = None,
    keys: Mapping[str, str] | None = None,
    retry_delay: float = 0.5,
    cancel: threading.Event | None = None,
    options: Mapping[str, Any] | None = None,
) -> BaseEngine:
    """One engine ready to translate ("memory" is not an engine: the caller handles it).

    `options` are the engine's own settings (for openai: url, model, temperature, timeout).
    """
    name = check_names([name])[0]
    if name == "memory":
        raise ValueError("memory is looked up by the caller, not built as an engine")
    if name == "apertium":
        return ApertiumEngine(timeout=max(timeout * 8, 120.0))
    key = api_key(name, keys) if name in KEYED else None
    own = dict(options or {})
    if name == "openai":
        timeout = float(own.get("timeout", max(timeout, 60.0)))
        url = url or own.get("url")
    client = HttpClient(
        name,
        timeout=timeout,
        policy=RetryPolicy(retries=retries, base_delay=retry_delay),
        secrets=(key,) if key else (),
        cancel=cancel or threading.Event(),
    )
    kwargs: dict[str, Any] = {"url": url, "jobs": jobs}
    if key:
        kwargs["api_key"] = key
    if name == "openai":
        kwargs["model"] = own.get("model")
        kwargs["temperature"] = float(own.get("temperature", 0.0))
    if name == "microsoft":
        kwargs["region"] = (keys or {}).get("microsoft_region") or os.environ.get(
            "MICROSOFT_REGION"
        )
    return ONLINE[name](client, **kwargs)


def engines_from_settings(
    settings: Any,
    names: list[str] | None = None,
    urls: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
) -> list[BaseEngine]:
    """The chain's engines in order, from `names` or `settings.engines`, without "memory"."""
    chosen = check_names(list(names or getattr(settings, "engines", ["google", "apertium"])))
    all_urls = {**dict(getattr(settings, "engine_urls", {}) or {}), **dict(urls or {})}
    return [
        build_engine(
            name,
            timeout=float(getattr(settings, "timeout", 15.0)),
            jobs=int(getattr(settings, "jobs", 4)),
            retries=int(getattr(settings, "retries", 3)),
            url=all_urls.get(name),
            keys=getattr(settings, "api_keys", None),
            retry_delay=float(getattr(settings, "retry_delay", 0.5)),
            cancel=cancel,
            options=getattr(settings, name, None) if name == "openai" else None,
        )
        for name in chosen
        if name != "memory"
    ]
