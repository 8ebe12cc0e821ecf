"""Glosses from Debian's FreeDict Italian-English dictionary (`dict-freedict-ita-eng`),
read straight from its dictd files: a tab-separated index into a gzip'd text."""

from __future__ import annotations

import gzip
import re
import threading
from pathlib import Path

DICTD_DIR = Path("/usr/share/dictd")
INSTALL_HINT = "dict-freedict-ita-eng"
MAX_SENSES = 8
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NUMBERED = re.compile(r"^\s*\d+\.\s*")


def _number(code: str) -> int:
    """dictd's base-64 offsets and lengths."""
    value = 0
    for char in code:
        value = value * 64 + _B64.index(char)
    return value


class FreeDict:
    """Italian headwords to English senses; the files are read once, on first use."""

    name = "FreeDict"

    def __init__(self, folder: Path = DICTD_DIR, stem: str = "freedict-ita-eng") -> None:
        self.index_path = folder / f"{stem}.index"
        self.dict_path = folder / f"{stem}.dict.dz"
        self._entries: dict[str, list[tuple[int, int]]] | None = None
        self._data: bytes = b""
        self._lock = threading.Lock()

    def available(self) -> bool:
        """Both dictd files are installed."""
        return self.index_path.is_file() and self.dict_path.is_file()

    def senses(self, headword: str) -> list[str]:
        """English senses of an Italian headword's first entry (empty when absent).

        Later entries under the same headword are pieces of longer phrases ("carta" ->
        "toilet-paper" from "carta igienica", "avere" -> "be hungry"): they are left out.
        """
        entries = self._load().get(headword.lower(), [])[:1]
        found: list[str] = []
        for offset, length in entries:
            text = self._data[offset : offset + length].decode("utf-8", "replace")
            for line in text.splitlines()[1:]:
                for sense in _NUMBERED.sub("", line).split(","):
                    sense = sense.strip()
                    if sense and sense not in found:
                        found.append(sense)
        return found[:MAX_SENSES]

    def _load(self) -> dict[str, list[tuple[int, int]]]:
        """Parse the index and inflate the text (about 0.2 MB) once."""
        with self._lock:
            if self._entries is None:
                entries: dict[str, list[tuple[int, int]]] = {}
                try:
                    index = self.index_path.read_text(encoding="utf-8")
                    self._data = gzip.decompress(self.dict_path.read_bytes())
                except (OSError, EOFError, gzip.BadGzipFile):
                    index = ""
                for line in index.splitlines():
                    parts = line.split("\t")
                    if len(parts) == 3 and not parts[0].startswith("00database"):
                        entries.setdefault(parts[0].lower(), []).append((_number(parts[1]), _number(parts[2])))
                self._entries = entries
            return self._entries
