"""Quotations over several sentences and paragraphs: every sentence inside the quotation
marks gets the one speaker named anywhere in it, where it closes ("...», ha detto X"),
in a dash insertion, before it with a colon, or in the sentence after ("Lo racconta X")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lettore.analyse.claims.attribution import Source
from lettore.analyse.claims.signals import Signals
from lettore.lookup.tokens import FUNCTION_WORDS

_MARKS = re.compile(r"[\"“”«»]")


@dataclass
class Row:
    """One paragraph sentence on its way to a claim: where it sits and what it shows."""

    block: int
    signals: Signals
    open_before: bool  # a quotation was open when the sentence began
    open_after: bool  # a quotation is still open when it ends
    stray: bool  # it holds a closing mark with no opening one before it
    heading_area: bool  # title or subtitle, before the body's first paragraph
    text: str = ""


def quote_open_after(text: str, opened: bool) -> bool:
    """Whether a quotation is still open at the end of `text`; a quotation nested inside
    another (“buia” inside «...») closes only itself."""
    if not _MARKS.search(text):
        return opened
    stack = ["?"] if opened else []  # "?": a quotation opened in an earlier sentence
    for char in text:
        if char in "«“":
            stack.append(char)
        elif char in "»”":
            opener = "«" if char == "»" else "“"
            if opener in stack:
                del stack[len(stack) - 1 - stack[::-1].index(opener):]
            elif stack:
                stack.pop()
        elif char == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append('"')
    return bool(stack)


def _quoted(row: Row) -> bool:
    """Whether the sentence is (partly) inside quotation marks."""
    return bool(row.signals.quoted) or row.open_before or row.open_after


def runs(rows: list[Row]) -> list[list[int]]:
    """Indexes of sentences forming each quotation: from the sentence that opens it to the
    one that closes it (a sentence with a stray closing mark joins the run before it)."""
    found: list[list[int]] = []
    current: list[int] = []
    for i, row in enumerate(rows):
        if not _quoted(row) and not row.stray:
            if current:
                found.append(current)
                current = []
            continue
        if current and (row.open_before or row.stray):
            current.append(i)
        else:
            if current:
                found.append(current)
            current = [i]
        if not row.open_after:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def _source(row: Row) -> Source | None:
    """The sentence's own source, when it names a speaker (not one carried over)."""
    source = row.signals.source
    if source is not None and source.speaker and source.how != "carried":
        return source
    return None


def attribute_runs(rows: list[Row]) -> list[Source | None]:
    """The source each row ends up with once quotations share their speaker."""
    sources: list[Source | None] = [r.signals.source for r in rows]
    previous: Source | None = None
    previous_end = 0
    unresolved_headings: list[list[int]] = []
    quoted_count: dict[str, int] = {}
    for run in runs(rows):
        own = next((s for i in run if (s := _source(rows[i])) is not None), None)
        after = run[-1] + 1
        if own is None and after < len(rows):
            later = _source(rows[after])
            if later is not None and later.back:
                own = Source(later.cue, later.speaker, "named")
        if own is None and previous is not None and not rows[run[0]].heading_area:
            near = rows[run[0]].block - rows[previous_end].block <= 1
            own = Source(previous.cue, previous.speaker, "carried") if near else None
        if own is None:  # "...», ha affermato." carries the speaker of the sentence before
            own = next((s for i in run if (s := sources[i]) is not None and s.speaker), None)
        if own is None:
            if rows[run[0]].heading_area:
                unresolved_headings.append(run)
            continue
        for i in run:
            if _source(rows[i]) is None:
                sources[i] = replace(own, how="carried", back=False)
        previous, previous_end = own, run[-1]
        if own.speaker:
            quoted_count[own.speaker] = quoted_count.get(own.speaker, 0) + len(run)
    last: Source | None = None
    for i, source in enumerate(sources):  # "- spiega -" names nobody: the last speaker goes on
        if source is not None and source.how == "dash" and not source.speaker and last is not None:
            sources[i] = Source(source.cue, last.speaker, "carried")
        elif source is not None and source.speaker:
            last = source
    if quoted_count:  # a title's quotation: the body quotation it repeats, else the most quoted speaker
        main = max(quoted_count, key=lambda name: quoted_count[name])
        for run in unresolved_headings:
            speaker = _repeated_speaker(run, rows, sources) or main
            for i in run:
                sources[i] = Source("«»", speaker, "carried")
    return sources


_WORD = re.compile(r"\w{5,}")
# Function words (the vocabulary list's), and common words that say nothing of a quotation's content.
_COMMON = FUNCTION_WORDS | frozenset("molto tutti tutto tutta sempre ormai fatto fare detto".split())


def _content_words(text: str) -> set[str]:
    """The words that carry a sentence's content (five letters or more, not function words)."""
    return {word for word in (w.casefold() for w in _WORD.findall(text)) if word not in _COMMON}


def _repeated_speaker(run: list[int], rows: list[Row], sources: list[Source | None]) -> str | None:
    """The speaker of the body quotation a title's quotation repeats: the one sharing most
    of its content words (at least two, and at least two in five)."""
    wanted = set().union(*(_content_words(rows[i].text) for i in run))
    best, best_shared = None, 1
    for i, row in enumerate(rows):
        source = sources[i]
        if row.heading_area or source is None or not source.speaker or not _quoted(row):
            continue
        shared = len(wanted & _content_words(row.text))
        if shared > best_shared and shared * 5 >= 2 * len(wanted):
            best, best_shared = source.speaker, shared
    return best

