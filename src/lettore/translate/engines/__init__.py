"""Translation engines behind one small contract, with timeouts, retries and typed errors."""

from __future__ import annotations

from lettore.translate.engines.apertium import ApertiumEngine
from lettore.translate.engines.base import BaseEngine, Engine, is_echo, split_for_limit
from lettore.translate.engines.errors import (
    EngineAuthError,
    EngineBadResponse,
    EngineError,
    EngineRateLimited,
    EngineServerError,
    EngineTextTooLong,
    EngineTimeout,
    EngineUnavailable,
)
from lettore.translate.engines.http import HttpClient, RetryPolicy
from lettore.translate.engines.registry import (
    ENGINE_NAMES,
    build_engine,
    check_names,
    engines_from_settings,
)
from lettore.translate.engines.services import (
    DeeplEngine,
    GoogleEngine,
    LibreEngine,
    MicrosoftEngine,
    MyMemoryEngine,
)

__all__ = [
    "ENGINE_NAMES",
    "ApertiumEngine",
    "BaseEngine",
    "DeeplEngine",
    "Engine",
    "EngineAuthError",
    "EngineBadResponse",
    "EngineError",
    "EngineRateLimited",
    "EngineServerError",
    "EngineTextTooLong",
    "EngineTimeout",
    "EngineUnavailable",
    "GoogleEngine",
    "HttpClient",
    "LibreEngine",
    "MicrosoftEngine",
    "MyMemoryEngine",
    "RetryPolicy",
    "build_engine",
    "check_names",
    "engines_from_settings",
    "is_echo",
    "split_for_limit",
]
