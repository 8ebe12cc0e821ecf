"""Read CheckThat!-format subjectivity gold (`sentence_id TAB sentence TAB label`, OBJ/SUBJ).

The published files come two ways: plain tab-separated lines, and pandas-written ones whose
sentence is wrapped in double quotes with inner quotes doubled; both are read the same.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from lettore.errors import UserError
from lettore.userfiles import read_user_text

LABELS = ("OBJ", "SUBJ")
EXPECTED = "a CheckThat! file (sentence_id<TAB>sentence<TAB>label, label OBJ or SUBJ)"
# A whole field in CSV quotes: every inner quote doubled.
_QUOTED = re.compile(r'"((?:[^"]|"")*)"')


class GoldSentence(NamedTuple):
    """One labelled sentence: its id, text and whether it is subjective (SUBJ)."""

    sentence_id: str
    text: str
    subjective: bool


def read_gold(path: Path | str) -> list[GoldSentence]:
    """Parse a CheckThat! file into labelled sentences; bad input is a UserError."""
    path = Path(path)
    return parse_gold(read_user_text(path, EXPECTED), str(path))


def parse_gold(text: str, name: str = "<gold>") -> list[GoldSentence]:
    """Parse CheckThat! text (header line first); `name` is used in error messages."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].strip():
        raise UserError(f"{name}: empty; give {EXPECTED}")
    header = [column.strip() for column in lines[0].split("\t")]
    if "sentence" not in header or "label" not in header:
        raise UserError(f"{name}:1: expected a header with 'sentence' and 'label' columns, got {lines[0][:60]!r}")
    text_at, label_at = header.index("sentence"), header.index("label")
    id_at = header.index("sentence_id") if "sentence_id" in header else None
    gold: list[GoldSentence] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise UserError(f"{name}:{number}: expected {len(header)} tab-separated fields, got {len(fields)}")
        label = fields[label_at].strip()
        if label not in LABELS:
            raise UserError(f"{name}:{number}: unknown label {label[:20]!r} (expected OBJ or SUBJ)")
        sentence_id = fields[id_at].strip() if id_at is not None else f"line {number}"
        gold.append(GoldSentence(sentence_id, _unquote(fields[text_at]), label == "SUBJ"))
    if not gold:
        raise UserError(f"{name}: no labelled sentences found; give {EXPECTED}")
    return gold


def _unquote(field: str) -> str:
    """The sentence of a field, without CSV quoting when the whole field is quoted."""
    match = _QUOTED.fullmatch(field)
    return match[1].replace('""', '"') if match else field
