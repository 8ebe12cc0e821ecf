"""Markdown to blocks: headings, paragraphs, list items and quotes become text; emphasis
and link markup is reduced to the words a reader sees; images and code are dropped."""

from __future__ import annotations

import re

from lettore.ingest.parsed import Parsed
from lettore.ingest.residue import drop_residue, parse_date

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S+")
_TABLE_RULE = re.compile(r"^[ \t|:\-]+$")
_FRONT_KEY = re.compile(r"^(title|date)\s*:\s*(.*?)\s*$", re.IGNORECASE)

# Inline markup, every repetition bounded so a 1 MB line stays linear.
_INLINE = (
    (re.compile(r"!\[[^\[\]\n]{0,500}\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])"), ""),
    (re.compile(r"\[([^\[\]\n]{1,500})\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])"), r"\1"),
    (re.compile(r"<((?:https?://|mailto:)[^>\s]{1,2000}|[^>\s@]{1,200}@[^>\s]{1,200})>"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,500})?/?>"), ""),
    (re.compile(r"(`{1,3})([^`\n]{1,2000}?)\1"), r"\2"),
    (re.compile(r"\*\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*])\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=[^\s_])([^_\n]{1,2000}?)(?<=[^\s_])__(?!\w)"), r"\1"),
    (re.compile(r"~~(?=[^\s~])([^~\n]{1,2000}?)(?<=[^\s~])~~"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)([^_\n]{1,2000}?)(?<=\S)_(?!\w)"), r"\1"),
)
# Backslash escapes are set aside as private-use characters while markup is removed.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_SET_ASIDE = re.compile("[\U000F0000-\U000F007F]")


def parse_markdown(text: str) -> Parsed:
    """Split Markdown into heading and paragraph blocks of plain text."""
    parsed = Parsed()
    body, date = drop_residue("\n".join(_front_matter(text.split("\n"), parsed)))
    parsed.date = parsed.date or date
    lines = body.split("\n")
    paragraph: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if paragraph:
            parsed.add("paragraph", inline_text(" ".join(paragraph)))
            paragraph.clear()

    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            flush()
            fence = opened.group(1)
            continue
        line = _QUOTE.sub("", line)
        if paragraph and _SETEXT.match(line):
            parsed.add("heading", inline_text(" ".join(paragraph)))
            paragraph.clear()
            continue
        if not line.strip() or _RULE.match(line):
            flush()
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            parsed.add("heading", inline_text(heading.group(1) or ""))
            continue
        if _REFERENCE.match(line) or ("|" in line and _TABLE_RULE.match(line)):
            continue
        item = _ITEM.match(line)
        if item:
            flush()
            line = item.group(1)
        paragraph.append(line.strip())
    flush()
    return parsed


def inline_text(text: str) -> str:
    """Reduce inline Markdown to the text a reader sees."""
    text = _ESCAPED.sub(lambda found: chr(0xF0000 + ord(found.group(1))), text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _SET_ASIDE.sub(lambda found: chr(ord(found.group()) - 0xF0000), text)


def _front_matter(lines: list[str], parsed: Parsed) -> list[str]:
    """Drop a leading YAML front-matter block, keeping its title and date."""
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return lines
    for line in lines[1:end]:
        found = _FRONT_KEY.match(line)
        if not found:
            continue
        value = found.group(2).strip().strip("\"'")
        if found.group(1).lower() == "title" and value:
            parsed.title = value
        elif found.group(1).lower() == "date":
            parsed.date = parse_date(value[:10]) or parse_date(value)
    return lines[end + 1:]
