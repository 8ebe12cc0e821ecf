"""The subjectivity models' files: gzipped JSON, read with one message for a broken install."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lettore.errors import UserError

Model = TypeVar("Model")


def write_model(path: Path, data: dict[str, object]) -> None:
    """Write a model's on-disk form as compact gzipped JSON (small enough to ship)."""
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(data, handle, separators=(",", ":"), ensure_ascii=False)


def read_model(path: Path, build: Callable[[dict[str, Any]], Model], rebuild: str) -> Model:
    """The model `build` makes of the file; a missing or broken file is a user-fixable install
    problem that names the command (`rebuild`) that makes it again."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return build(json.load(handle))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UserError(f"cannot read the subjectivity model {path}: {error}; rebuild it with `{rebuild}`") from error
