"""Names and terms through Apertium unchanged: each is replaced by a placeholder first name
that both pivot stages (it->es->en) analyse as a proper noun and copy as it is ("Paolo"),
so the sentence keeps its syntax; the output gets the name (or the term's English) back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

# Each checked through ita-spa and spa-eng in eleven positions (subject, object, after
# "di", "dell'", "la", "il", "a", "da"): it comes back unchanged every time. Names that do
# not ("Marco" -> "Frame", "Franco" -> "Frank", "Massimo" -> "Maximum") are left out.
PLACEHOLDERS = (
    "Paolo", "Luca", "Bruno", "Sergio", "Roberto", "Alberto", "Fabio", "Enzo", "Aldo", "Ugo",
    "Piero", "Silvio", "Pietro", "Lorenzo", "Stefano", "Matteo", "Mario", "Giovanni", "Andrea",
    "Gino", "Dino", "Nino", "Rino", "Emilio", "Renato", "Vittorio", "Claudio", "Dario", "Ezio",
    "Italo", "Oreste", "Osvaldo", "Gianni", "Walter",
)


class Slot(NamedTuple):
    """One protected stretch: the placeholder standing in for it and what to put back."""

    placeholder: str
    replacement: str


def _spans(text: str, keep: Iterable[str], terms: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of names (kept as they are) and terms (their English), longest first."""
    wanted = [(name, name) for name in keep if name.strip()]
    wanted += [(source, target) for source, target in terms if source.strip() and target.strip()]
    wanted.sort(key=lambda pair: -len(pair[0]))
    taken: list[tuple[int, int, str]] = []
    for source, target in wanted:
        flags = 0 if source == target else re.IGNORECASE
        for match in re.finditer(rf"(?<!\w){re.escape(source)}(?!\w)", text, flags):
            if any(match.start() < end and start < match.end() for start, end, _ in taken):
                continue
            taken.append((match.start(), match.end(), target))
    return sorted(taken)


def protect(
    text: str, keep: Iterable[str], terms: Iterable[tuple[str, str]] = ()
) -> tuple[str, list[Slot]]:
    """The text with names and terms replaced by placeholders, and the slots to restore."""
    spans = _spans(text, keep, terms)
    if not spans:
        return text, []
    free = [p for p in PLACEHOLDERS if not re.search(rf"\b{p}\b", text, re.IGNORECASE)]
    slots: dict[str, Slot] = {}
    out: list[str] = []
    cursor = 0
    for start, end, replacement in spans:
        slot = slots.get(replacement)
        if slot is None:
            if len(slots) >= len(free):
                continue  # more names than placeholders: the rest goes through as it is
            slot = slots[replacement] = Slot(free[len(slots)], replacement)
        out.append(text[cursor:start])
        out.append(slot.placeholder)
        cursor = end
    out.append(text[cursor:])
    return "".join(out), list(slots.values())


def restore(text: str, slots: Iterable[Slot]) -> str:
    """Put each slot's name or English back where its placeholder came out."""
    for slot in slots:
        text = re.sub(rf"\b{slot.placeholder}\b", slot.replacement.replace("\\", "\\\\"), text)
    return text
