"""Read-only string maps stored as sorted, separately compressed chunks in one file, each
chunk decoded on its first look-up: opening the tagger's 270,000-name lexicon costs one
file read, and an article decodes only the few hundred chunks its words fall in (building
every entry, as the lexicon's JSON form did, took about a second)."""

from __future__ import annotations

import json
import zlib
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, overload

MAGIC = b"lettore-packed-maps 1\n"
CHUNK_ENTRIES = 64
_KEYS_END = "\x00"  # between a chunk's keys and its values
MAX_SEEN = 200_000  # answers a map keeps
_UNSEEN: Any = object()


class PackedMap(Mapping[str, str]):
    """One map of a packed file: the first key of every chunk, and the chunks' bytes."""

    def __init__(self, firsts: list[str], chunks: list[memoryview], size: int) -> None:
        self._firsts = firsts
        self._chunks = chunks
        self._decoded: list[dict[str, str] | None] = [None] * len(chunks)
        self._size = size
        # Keys asked before -> value (None: missing): repeated words skip the bisect.
        self._seen: dict[str, str | None] = {}

    def _chunk(self, key: str) -> dict[str, str] | None:
        """The decoded chunk `key` would sit in (None: before the first key)."""
        index = bisect_right(self._firsts, key) - 1
        if index < 0:
            return None
        chunk = self._decoded[index]
        if chunk is None:
            keys, values = zlib.decompress(self._chunks[index]).decode("utf-8").split(_KEYS_END)
            chunk = self._decoded[index] = dict(zip(keys.split("\n"), values.split("\n"), strict=True))
        return chunk

    @overload
    def get(self, key: str, /) -> str | None: ...

    @overload
    def get(self, key: str, default: str, /) -> str: ...

    @overload
    def get(self, key: str, default: Any, /) -> Any: ...

    def get(self, key: str, default: Any = None, /) -> Any:
        """The value of `key`, or `default` (a dict look-up for a key asked before)."""
        found = self._seen.get(key, _UNSEEN)
        if found is _UNSEEN:
            chunk = self._chunk(key)
            found = None if chunk is None else chunk.get(key)
            if len(self._seen) < MAX_SEEN:
                self._seen[key] = found
        return default if found is None else found

    def __getitem__(self, key: str) -> str:
        chunk = self._chunk(key)
        if chunk is None:
            raise KeyError(key)
        return chunk[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        """Every key in sorted order (decodes every chunk: for tools and tests, not tagging)."""
        for first in self._firsts:
            chunk = self._chunk(first)
            assert chunk is not None
            yield from chunk

    def __len__(self) -> int:
        return self._size


def _pack_map(mapping: Mapping[str, str]) -> tuple[list[str], list[bytes]]:
    """The first keys and the compressed chunks of one map, keys in sorted order."""
    keys = sorted(mapping)
    firsts: list[str] = []
    chunks: list[bytes] = []
    for start in range(0, len(keys), CHUNK_ENTRIES):
        part = keys[start : start + CHUNK_ENTRIES]
        values = [mapping[key] for key in part]
        for text in (*part, *values):
            if "\n" in text or _KEYS_END in text:
                raise ValueError(f"cannot pack {text!r}: it holds a newline or NUL")
        firsts.append(part[0])
        body = "\n".join(part) + _KEYS_END + "\n".join(values)
        chunks.append(zlib.compress(body.encode("utf-8"), 9))
    return firsts, chunks


def write_packed(path: Path, maps: Mapping[str, Mapping[str, str]], meta: dict[str, Any]) -> None:
    """Write named str->str maps and a JSON-able `meta` to one file (the same bytes every run)."""
    header: dict[str, Any] = {"meta": meta, "maps": {}}
    payload: list[bytes] = []
    offset = 0
    for name, mapping in maps.items():
        firsts, chunks = _pack_map(mapping)
        start = offset
        ends = []
        for chunk in chunks:
            payload.append(chunk)
            offset += len(chunk)
            ends.append(offset)
        header["maps"][name] = {"firsts": firsts, "start": start, "ends": ends, "size": len(mapping)}
    head = zlib.compress(json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9)
    with path.open("wb") as out:
        out.write(MAGIC)
        out.write(len(head).to_bytes(8, "little"))
        out.write(head)
        out.writelines(payload)


def read_packed(path: Path) -> tuple[dict[str, PackedMap], dict[str, Any]]:
    """The maps and meta of a file written by `write_packed` (only the index is decoded now)."""
    data = memoryview(path.read_bytes())
    if bytes(data[: len(MAGIC)]) != MAGIC:
        raise ValueError(f"{path}: not a packed map file")
    start = len(MAGIC) + 8
    head_size = int.from_bytes(data[len(MAGIC) : start], "little")
    header = json.loads(zlib.decompress(data[start : start + head_size]))
    base = start + head_size
    maps: dict[str, PackedMap] = {}
    for name, index in header["maps"].items():
        bounds = [index["start"], *index["ends"]]
        chunks = [data[base + bounds[k] : base + bounds[k + 1]] for k in range(len(index["ends"]))]
        maps[name] = PackedMap(index["firsts"], chunks, index["size"])
    return maps, header["meta"]
