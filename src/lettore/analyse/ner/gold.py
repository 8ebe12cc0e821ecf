"""Read KIND/NERMuD gold files (token TAB IOB2 tag, blank line between sentences) and
turn IOB2 tag sequences into entity spans, the way the NERMuD scorer reads them."""

from __future__ import annotations

from pathlib import Path

from lettore.errors import UserError
from lettore.userfiles import read_user_text

LABELS = ("PER", "ORG", "LOC")

Sentence = list[tuple[str, str]]


def read_gold(path: Path | str) -> list[Sentence]:
    """Parse a KIND-format file into sentences of (token, tag); bad input is a UserError."""
    path = Path(path)
    text = read_user_text(path, "a token<TAB>tag file")
    return parse_gold(text, str(path))


def parse_gold(text: str, name: str = "<gold>") -> list[Sentence]:
    """Parse KIND-format text; `name` is used in error messages."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            raise UserError(f"{name}:{number}: expected 'token<TAB>tag', got {line[:40]!r}")
        token, tag = parts[0], parts[-1].strip()
        if not _valid_tag(tag):
            raise UserError(f"{name}:{number}: unknown tag {tag!r} (expected O, B-X or I-X)")
        current.append((token, tag))
    if current:
        sentences.append(current)
    if not sentences:
        raise UserError(f"{name}: no tokens found")
    return sentences


def _valid_tag(tag: str) -> bool:
    """True for O and for B-/I- followed by a non-empty label."""
    return tag == "O" or (len(tag) > 2 and tag[:2] in ("B-", "I-"))


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (first token, end token exclusive, label) from IOB2 tags.

    An I- tag after O, or after a different label, starts a new entity.
    """
    result: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for index, tag in enumerate(tags):
        if tag == "O":
            if start >= 0:
                result.append((start, index, label))
                start = -1
            continue
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and start >= 0 and kind == label:
            continue
        if start >= 0:
            result.append((start, index, label))
            start = -1
        if prefix in ("B", "I"):
            start, label = index, kind
    if start >= 0:
        result.append((start, len(tags), label))
    return result
