"""Whole-word occurrences of a literal string, found with str.find: where a name, cue or
figure shows in a sentence. A plain scan rather than a regex per needle, because the
reader looks up a handful of needles per block on every first paint."""

from __future__ import annotations


def _is_word_char(char: str) -> bool:
    """What regex `\\w` matches: letters and digits of any script, and the underscore."""
    return char.isalnum() or char == "_"


def word_spans(needle: str, text: str, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of `needle` not glued to letters or digits on either side."""
    if not needle:
        return []
    haystack, target = (text.casefold(), needle.casefold()) if ignore_case else (text, needle)
    if len(haystack) != len(text):  # casefold changed lengths (ß → ss): offsets would drift
        haystack, target = text.lower(), needle.lower()
    spans: list[tuple[int, int]] = []
    start = haystack.find(target)
    while start >= 0:
        end = start + len(target)
        before_ok = start == 0 or not _is_word_char(haystack[start - 1])
        after_ok = end == len(haystack) or not _is_word_char(haystack[end])
        if before_ok and after_ok:
            spans.append((start, end))
            start = haystack.find(target, end)
        else:
            start = haystack.find(target, start + 1)
    return spans


def figure_spans(figure: str, text: str) -> list[tuple[int, int]]:
    """Occurrences of a written figure ("2,000", "20 billion") that are not part of a larger
    number: no digit, letter, point or comma glued before, no "2,000" inside "2,000.5"."""
    spans: list[tuple[int, int]] = []
    for start, end in word_spans(figure, text, ignore_case=True):
        if start and text[start - 1] in ".,":
            continue
        if end + 1 < len(text) and text[end] in ".," and text[end + 1].isdigit():
            continue
        spans.append((start, end))
    return spans
