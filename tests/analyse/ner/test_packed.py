"""Packed string maps (the lexicon's file form): every look-up answers as the dict it was
written from, across chunk boundaries, for missing keys and odd characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lettore.analyse.ner.packed import CHUNK_ENTRIES, read_packed, write_packed

TEXT = st.text(st.characters(blacklist_characters="\n\x00", blacklist_categories=("Cs",)), max_size=12)


def _round_trip(tmp_path: Path, maps: dict[str, dict[str, str]], meta: dict | None = None) -> dict:
    path = tmp_path / "maps.pack"
    write_packed(path, maps, meta or {})
    return read_packed(path)[0]


def test_every_key_answers_as_the_dict(tmp_path: Path) -> None:
    names = {f"Comune {i:04d}": ("CITY" if i % 3 else "CITY,FIRST") for i in range(5 * CHUNK_ENTRIES + 7)}
    caps = {"roma": "cap", "la": "low", "": "mix"}
    opened = _round_trip(tmp_path, {"names": names, "caps": caps})
    assert dict(opened["names"]) == names and dict(opened["caps"]) == caps
    assert len(opened["names"]) == len(names)
    for key, value in names.items():
        assert opened["names"][key] == value and opened["names"].get(key) == value and key in opened["names"]


@pytest.mark.parametrize("missing", ["", "A", "Comune", "Comune 0000 ", "Comune 9999", "zzz", "ñ"])
def test_missing_keys_are_missing(tmp_path: Path, missing: str) -> None:
    names = {f"Comune {i:04d}": "CITY" for i in range(3 * CHUNK_ENTRIES)}
    opened = _round_trip(tmp_path, {"names": names})["names"]
    assert opened.get(missing) is None and opened.get(missing, "x") == "x" and missing not in opened
    with pytest.raises(KeyError):
        opened[missing]


def test_empty_map_and_meta(tmp_path: Path) -> None:
    path = tmp_path / "maps.pack"
    write_packed(path, {"empty": {}}, {"version": 3, "settings": {"window": 12}})
    maps, meta = read_packed(path)
    assert meta == {"version": 3, "settings": {"window": 12}}
    assert len(maps["empty"]) == 0 and maps["empty"].get("a") is None and list(maps["empty"]) == []


def test_a_newline_in_a_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="newline"):
        write_packed(tmp_path / "maps.pack", {"names": {"a\nb": "CITY"}}, {})


def test_another_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json.gz"
    path.write_bytes(b"\x1f\x8b not packed")
    with pytest.raises(ValueError, match="not a packed map file"):
        read_packed(path)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.dictionaries(TEXT, TEXT, max_size=300), st.lists(TEXT, max_size=20))
@example({"": "", "a": ""}, ["", "a", "b"])
def test_any_map_round_trips(tmp_path_factory, mapping: dict[str, str], probes: list[str]) -> None:
    opened = _round_trip(tmp_path_factory.mktemp("packed"), {"m": mapping})["m"]
    assert dict(opened) == mapping
    for probe in probes:
        assert opened.get(probe) == mapping.get(probe)
