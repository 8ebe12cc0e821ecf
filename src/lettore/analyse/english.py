"""Where the analysis of the Italian text shows in the English translation: a claim's
reporting cue ("ha dichiarato" -> "said"), its figures ("2.000" -> "2,000"), and the
entities (names as written, places by their English name, figures in English). Used by
the reader's highlights and by the exports, so both languages are marked alike."""

from __future__ import annotations

import re

from lettore.analyse.spans import figure_spans, word_spans
from lettore.model import FIGURE_LABELS, NAME_LABELS, Entity

Span = tuple[int, int]

# Italian reporting cues (by stem) and how English translations usually render them.
CUE_ENGLISH: tuple[tuple[str, str], ...] = (
    ("dichiar", r"declared|declares|stated|states|said|says"),
    ("afferm", r"stated|states|claimed|claims|affirmed|said|says"),
    ("dett", r"said|says|told"),
    ("dic", r"said|says|saying"),
    ("spieg", r"explained|explains"),
    ("sottoline", r"underlined|underlines|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|highlighted|highlights"),
    ("ribad", r"reiterated|reiterates|reaffirmed"),
    ("riport", r"reported|reports"),
    ("secondo", r"according to"),
    ("scri", r"wrote|writes|written"),
    ("annunci", r"announced|announces"),
    ("ammess", r"admitted|admits"),
    ("aggiun", r"added|adds"),
    ("chies", r"asked|asks|called for|calls for|requested"),
    ("elogi", r"praised|praises"),
    ("suggeris", r"suggest|suggests|suggested"),
    ("sostien", r"argues|argued|maintains|claims"),
    ("sostenut", r"argued|maintained|claimed"),
    ("potrebbe", r"could|may|might"),
    ("avrebbe", r"would have|reportedly|allegedly"),
    ("stima", r"estimated|estimates|estimate"),
    ("rivel", r"revealed|reveals"),
    ("denunci", r"denounced|condemned|reported"),
    ("smentit", r"denied|denies"),
    ("confermat", r"confirmed|confirms"),
)
# Auxiliaries and particles of a cue that say nothing about its English rendering.
_CUE_FILLERS = frozenset({"ha", "hanno", "è", "sono", "non", "a"})


def english_cue_spans(cue: str, english: str) -> list[Span]:
    """Where the cue's usual English renderings appear in the translated sentence."""
    words = [w for w in re.findall(r"\w+", cue.lower()) if w not in _CUE_FILLERS]
    spans: list[Span] = []
    for stem, pattern in CUE_ENGLISH:
        if any(word.startswith(stem) for word in words):
            spans += [(m.start(), m.end()) for m in re.finditer(rf"\b(?:{pattern})\b", english, re.IGNORECASE)]
    return spans


def english_figure_spans(value: float | int, english: str) -> list[Span]:
    """Where a figure appears in English (2,000; 20 billion; twenty), longest forms first,
    never two overlapping."""
    spans: list[Span] = []
    for form in _english_forms(value):
        for start, end in figure_spans(form, english):
            if not any(start < taken_end and taken_start < end for taken_start, taken_end in spans):
                spans.append((start, end))
    return spans


def entity_translation_span(entity: Entity, english: str, taken: list[Span]) -> Span | None:
    """Where an entity shows in its sentence's translation, clear of the spans `taken`:
    the English place name, the name as written, or (money and quantities) the figure in
    English; None when not found."""
    needles: list[str] = []
    if entity.english:
        needles.append(entity.english)
    if entity.label in NAME_LABELS or not needles:
        needles.append(entity.text)
    candidates = [word_spans(n, english) for n in needles if n]
    if entity.label in FIGURE_LABELS and isinstance(entity.value, (int, float)):
        candidates += [figure_spans(form, english) for form in _english_forms(entity.value)]
    for spans in candidates:
        for span in spans:
            if not any(span[0] < end and start < span[1] for start, end in taken):
                return span
    return None


def entities_in_translation(entities: list[Entity], english: str) -> list[tuple[Span, Entity]]:
    """The entities of one sentence found in its translation, each at its own place."""
    found: list[tuple[Span, Entity]] = []
    taken: list[Span] = []
    for entity in entities:
        span = entity_translation_span(entity, english, taken)
        if span is not None:
            taken.append(span)
            found.append((span, entity))
    return found


def _english_forms(value: float | int) -> list[str]:
    """The ways English writes a value, longest first."""
    # lazy: the number-word tables are built on the first figure, not on the reader's start-up path
    from lettore.analyse.numbers_english import english_number_forms

    return sorted(english_number_forms(value), key=len, reverse=True)
