"""Build engines by name from settings: URLs, keys, timeout, concurrency and retries.

Keys come from the environment or the config file (`config.resolve_api_key`) and live
only inside the engine objects; nothing here prints, logs or stores them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from lettore.config import ENGINE_NAMES, Settings, resolve_api_key
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
KEYED = {"libre", "deepl", "microsoft", "openai"}
DEFAULTS = Settings()


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


def build_engine(
    name: str,
    *,
    timeout: float = DEFAULTS.timeout,
    jobs: int = DEFAULTS.jobs,
    retries: int = DEFAULTS.retries,
    url: str | None = None,
    keys: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline: float = 60.0,
    max_bytes: int = 1_000_000,
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
    key = resolve_api_key(name, keys) if name in KEYED else None
    own = dict(options or {})
    if name == "openai":
        timeout = float(own.get("timeout", max(timeout, 60.0)))
        url = url or own.get("url")
    client = HttpClient(
        name,
        timeout=timeout,
        policy=RetryPolicy(retries=retries),
        deadline=max(deadline, timeout),
        max_bytes=max_bytes,
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
    settings: Settings,
    names: Sequence[str] | None = None,
    urls: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
) -> list[BaseEngine]:
    """The chain's engines in order, from `names` or `settings.engines`, without "memory"."""
    chosen = check_names(list(names or settings.engines))
    all_urls = {**settings.engine_urls, **dict(urls or {})}
    return [
        build_engine(
            name,
            timeout=settings.timeout,
            jobs=settings.jobs,
            retries=settings.retries,
            url=all_urls.get(name),
            keys=settings.api_keys,
            cancel=cancel,
            deadline=settings.request_deadline,
            max_bytes=settings.max_answer_bytes,
            options=settings.openai if name == "openai" else None,
        )
        for name in chosen
        if name != "memory"
    ]
