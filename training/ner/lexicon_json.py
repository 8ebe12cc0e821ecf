"""The built lexicon as the training keeps it (training/ner/lexicon.json.gz): gzip'd JSON
of plain dicts, the source `training.ner.pack` writes the shipped lexicon.pack from."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from lettore.analyse.ner.lexicon import Lexicon

JSON_FORMAT = 2
LEXICON_SOURCE = Path(__file__).with_name("lexicon.json.gz")


def write_json_lexicon(lexicon: Lexicon, path: Path) -> None:
    """Write the lexicon's tables as gzip'd JSON (the same bytes every run)."""
    data = {
        "version": JSON_FORMAT,
        "gazetteer": dict(lexicon.gazetteer),
        "lengths": {token: list(known) for token, known in lexicon.lengths.items()},
        "clusters": dict(lexicon.clusters),
        "caps": dict(lexicon.caps),
        "settings": lexicon.settings,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as sink:
        sink.write(text.encode("utf-8"))


def read_json_lexicon(path: Path) -> Lexicon:
    """Read a lexicon written by `write_json_lexicon`, as plain dicts (names can be added)."""
    with gzip.open(path, "rt", encoding="utf-8") as source:
        data = json.load(source)
    if data.get("version") != JSON_FORMAT:
        raise ValueError(f"{path}: lexicon format {data.get('version')}, expected {JSON_FORMAT}")
    return Lexicon(data["gazetteer"], data["lengths"], data["clusters"], data["caps"], data.get("settings", {}))
