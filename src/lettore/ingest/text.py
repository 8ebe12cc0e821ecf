"""Plain text to blocks: blank lines separate paragraphs, short unpunctuated lines standing
alone are headings, and scraping residue lines are dropped."""

from __future__ import annotations

import re

from lettore.ingest.parsed import Parsed
from lettore.ingest.residue import drop_residue, parse_date

_FINAL_PUNCT = tuple('.!?:;…"»”)')
_SHORT_LINE = 80
_LETTER = re.compile(r"[^\W\d_]")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n")
_HEAD_GROUPS = 3  # title, subtitle, date: where a line that is only a date is the article's date


def parse_text(text: str) -> Parsed:
    """Split plain text into paragraphs and headings."""
    text, date = drop_residue(text)
    parsed = Parsed(date=date)
    groups = [
        lines
        for chunk in _BLANK_LINES.split(text)
        if (lines := [line.strip() for line in chunk.split("\n") if line and not line.isspace()])
    ]
    for number, group in enumerate(groups[:_HEAD_GROUPS]):
        if len(group) == 1 and (found := parse_date(group[0])):  # "Martedì 14 ottobre 2025"
            parsed.date = parsed.date or found
            del groups[number]
            break
    for number, group in enumerate(groups):
        is_last = number == len(groups) - 1
        if len(group) > 1 and _one_paragraph_per_line(group):
            for offset, line in enumerate(group):
                last_line = is_last and offset == len(group) - 1
                parsed.add("heading" if _is_heading(line) and not last_line else "paragraph", line)
        elif len(group) == 1 and not is_last and _is_heading(group[0]):
            parsed.add("heading", group[0])
        else:
            parsed.add("paragraph", " ".join(group))
    return parsed


def _one_paragraph_per_line(group: list[str]) -> bool:
    """Lines longer than a wrapped line that mostly end sentences mean one paragraph
    per line; hard-wrapped text (all lines short) is joined instead."""
    long_lines = [line for line in group[:-1] if len(line) > _SHORT_LINE]
    if not long_lines:
        return False
    ended = sum(line.endswith(_FINAL_PUNCT) for line in long_lines)
    return ended >= 0.75 * len(long_lines)


def _is_heading(line: str) -> bool:
    """A short line with a letter and no final punctuation."""
    return (
        len(line) <= _SHORT_LINE
        and not line.endswith(_FINAL_PUNCT)
        and _LETTER.search(line) is not None
    )
