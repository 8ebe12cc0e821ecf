"""Load and validate `config.yaml` into one `Settings` object.

Every key has a default here and is documented in the repo's `config.yaml`; a user file
overrides only what it names. Unknown keys and wrong types are user errors naming the
file, the line and the key, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from lettore.config_ranges import check_range, check_text
from lettore.errors import UserError

# The reader's layouts, in the order `l` cycles through them.
LAYOUTS = ("side-by-side", "interleaved", "original", "translation")
# Every translation engine a chain may name ("memory" is the translation memory).
ENGINE_NAMES = ("memory", "google", "mymemory", "deepl", "libre", "microsoft", "openai", "apertium")
# The variables a service's own tools read its key from, after LETTORE_<ENGINE>_KEY.
SERVICE_KEY_VARIABLES: dict[str, tuple[str, ...]] = {
    "deepl": ("DEEPL_API_KEY", "DEEPL_AUTH_KEY"),
    "libre": ("LIBRE_API_KEY",),
    "microsoft": ("MICROSOFT_API_KEY", "AZURE_TRANSLATOR_KEY"),
}


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults `config.yaml` documents."""

    source_lang: str = "it"
    target_lang: str = "en"
    engines: tuple[str, ...] = ("memory", "google", "apertium")
    timeout: float = 15.0
    jobs: int = 4
    retries: int = 3
    lock_timeout: float = 10.0
    request_deadline: float = 60.0
    max_answer_bytes: int = 1_000_000
    engine_urls: dict[str, str] = field(default_factory=dict)
    api_keys: dict[str, str] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)
    openai: dict[str, Any] = field(default_factory=lambda: {"temperature": 0.0, "timeout": 60.0})
    theme: str = "textual-dark"
    layout: str = "side-by-side"
    highlight_entities: bool = True
    keys: dict[str, str] = field(default_factory=dict)
    home: str | None = None
    # Fetching pages and feeds (reader add URL, reader feed update).
    fetch_connect_timeout: float = 5.0
    fetch_read_timeout: float = 15.0
    fetch_deadline: float = 30.0
    fetch_max_mb: float = 10.0
    feed_jobs: int = 8
    analysis_jobs: int = 0  # worker processes analysing feed items; 0: one per core but one, at most 8

    def api_key(self, engine: str) -> str | None:
        """The engine's key, the environment winning over the file (see `resolve_api_key`)."""
        return resolve_api_key(engine, self.api_keys)


def resolve_api_key(engine: str, configured: Mapping[str, str] | None = None) -> str | None:
    """An engine's key: `LETTORE_<ENGINE>_KEY`, then the service's usual variable
    (DEEPL_API_KEY...), then `api_keys` of config.yaml; None when there is none."""
    for variable in (f"LETTORE_{engine.upper()}_KEY", *SERVICE_KEY_VARIABLES.get(engine, ())):
        if os.environ.get(variable):
            return os.environ[variable]
    return (configured or {}).get(engine) or None


_EXPECTED: dict[str, tuple[type, ...]] = {
    "source_lang": (str,),
    "target_lang": (str,),
    "engines": (list,),
    "timeout": (int, float),
    "jobs": (int,),
    "retries": (int,),
    "lock_timeout": (int, float),
    "request_deadline": (int, float),
    "max_answer_bytes": (int,),
    "engine_urls": (dict,),
    "api_keys": (dict,),
    "openai": (dict,),
    "glossary": (dict,),
    "theme": (str,),
    "layout": (str,),
    "highlight_entities": (bool,),
    "keys": (dict,),
    "home": (str, type(None)),
    "fetch_connect_timeout": (int, float),
    "fetch_read_timeout": (int, float),
    "fetch_deadline": (int, float),
    "fetch_max_mb": (int, float),
    "feed_jobs": (int,),
    "analysis_jobs": (int,),
}


def load_settings(path: Path | None) -> Settings:
    """Read `path` (or nothing: defaults) into validated Settings."""
    if path is None:
        return Settings()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"config file {path} not found: check --config / LETTORE_CONFIG") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read config file {path}: {exc}") from None
    return parse_settings(text, str(path))


def parse_settings(text: str, filename: str = "config.yaml") -> Settings:
    """Validate YAML text into Settings; errors name the file, line and key."""
    import yaml  # lazy: only read when a config file exists, and off the start-up path otherwise

    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{filename}:{mark.line + 1}" if mark is not None else filename
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise UserError(f"{where}: {problem}; fix the YAML syntax") from None
    except RecursionError:
        raise UserError(f"{filename}: the YAML is nested too deeply to be a config file") from None
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        raise UserError(f"{filename}:1: the config must be a mapping of keys to values")
    lines = _key_lines(node)
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = lines.get(str(key), 1)
        where = f"{filename}:{line}: key '{key}'"
        if key not in _EXPECTED:
            known = ", ".join(sorted(_EXPECTED))
            raise UserError(f"{where} is unknown (known keys: {known})")
        if not isinstance(value, _EXPECTED[key]) or (
            isinstance(value, bool) and bool not in _EXPECTED[key]
        ):
            wanted = " or ".join(t.__name__ for t in _EXPECTED[key])
            raise UserError(f"{where} must be {wanted}, not {type(value).__name__}")
        values[key] = _check_value(key, value, where)
    return replace(Settings(), **values)


def _check_value(key: str, value: Any, where: str) -> Any:
    """Check the values whose allowed set is known; convert lists to tuples."""
    check_range(key, value, where)
    check_text(key, value, where)
    if key == "engines":
        unknown = [name for name in value if name not in ENGINE_NAMES]
        if unknown or not value:
            raise UserError(
                f"{where} lists unknown engine(s) {unknown or '[]'}; choose from {', '.join(ENGINE_NAMES)}"
            )
        return tuple(value)
    if key == "layout" and value not in LAYOUTS:
        raise UserError(f"{where} must be one of {', '.join(LAYOUTS)}")
    if key in ("jobs", "retries", "feed_jobs") and value < (0 if key == "retries" else 1):
        raise UserError(f"{where} is out of range")
    if key in ("timeout", "lock_timeout", "request_deadline") or key.startswith("fetch_"):
        return float(value)
    if key == "openai":
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.translate.engines.openai_settings import check_openai_settings

        return check_openai_settings(value, where)
    if isinstance(value, dict):
        bad = [k for k, v in value.items() if not isinstance(v, str)]
        if bad:
            raise UserError(f"{where}: the value of '{bad[0]}' must be a string")
        return {str(k): v for k, v in value.items()}
    return value


def _key_lines(node: Any) -> dict[str, int]:
    """Map each top-level key to its 1-based line in the file."""
    lines: dict[str, int] = {}
    if node is None or not hasattr(node, "value") or not isinstance(node.value, list):
        return lines
    for pair in node.value:
        if isinstance(pair, tuple) and len(pair) == 2:
            key_node = pair[0]
            lines[str(key_node.value)] = key_node.start_mark.line + 1
    return lines


def setting_names() -> list[str]:
    """Every configurable key, for documentation checks."""
    return [f.name for f in fields(Settings)]
