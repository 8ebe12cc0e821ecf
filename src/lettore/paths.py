"""Where the library and the user's config live: functions, never module-level state,
so `--home` / `LETTORE_HOME` make every run (and every test) hermetic."""

from __future__ import annotations

import os
from pathlib import Path

LIBRARY_FILENAME = "library.sqlite3"


def home_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library home: `--home`, else `LETTORE_HOME`, else the platform's data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("LETTORE_HOME")
    if env:
        return Path(env).expanduser()
    # lazy: kept off the start-up path of `reader` and its first screen
    from platformdirs import user_data_dir

    return Path(user_data_dir("lettore", appauthor=False))


def cache_dir() -> Path:
    """Files lettore can always rebuild (the tuned subjectivity encoder's model file):
    `LETTORE_CACHE`, else the platform's cache dir."""
    env = os.environ.get("LETTORE_CACHE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lettore", appauthor=False))


def library_path(home: Path) -> Path:
    """The single SQLite file holding articles, translations, memory and analyses."""
    return home / LIBRARY_FILENAME


def user_config_path(override: str | os.PathLike[str] | None = None) -> Path | None:
    """The config file to read: `--config`, else `LETTORE_CONFIG`, else the XDG one if present."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("LETTORE_CONFIG")
    if env:
        return Path(env).expanduser()
    # lazy: kept off the start-up path of `reader` and its first screen
    from platformdirs import user_config_dir

    candidate = Path(user_config_dir("lettore", appauthor=False)) / "config.yaml"
    return candidate if candidate.is_file() else None


def seeds_dir() -> Path:
    """The shipped seed articles: inside the wheel, or the repo's `seeds/` in a checkout."""
    packaged = Path(__file__).parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"
