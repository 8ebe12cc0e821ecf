"""Names every engine must keep: the article's analysed entities as per-sentence hints
(PER, ORG and places without an English name kept as they are; places with an English
name given it), and the name check that flags a translation lacking one of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lettore.analyse.ner.street_nouns import STREET_NOUNS
from lettore.model import Entity
from lettore.translate.hints import TextHints

SentenceKey = tuple[int, int]
KEPT_LABELS = ("PER", "ORG", "LOC")


def hints_from_entities(
    entities: Iterable[Entity], glossary: Mapping[str, str] | None = None
) -> dict[SentenceKey, TextHints]:
    """Per sentence: names to keep and (Italian, English) terms, from entities and the glossary."""
    keep: dict[SentenceKey, dict[str, None]] = {}
    terms: dict[SentenceKey, dict[str, str]] = {}
    for entity in entities:
        if entity.label not in KEPT_LABELS or len(entity.text.strip()) < 2:
            continue
        key = (entity.block, entity.sentence)
        # a place's English name, or a country's that the tagger called an organisation
        # (`la Cina`): found at import time, so the reader never loads CLDR for it
        english = entity.english if entity.label in ("LOC", "ORG") else None
        if english:
            terms.setdefault(key, {})[entity.text] = english
            continue
        for name in name_parts(entity.text, entity.label):
            keep.setdefault(key, {})[name] = None
    hints = {
        key: TextHints(None, tuple(keep.get(key, {})), tuple(terms.get(key, {}).items()))
        for key in set(keep) | set(terms)
    }
    return hints


_WORD = re.compile(r"\S+")
# Two or more capitalised words after the first word of a sentence: a name the tagger missed
# ("Premier League", "Baja California"). Measured on NTREX dev: names kept 0.984 -> 0.993.
_CAPITAL_RUN = re.compile(r"(?<=\s)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+")


def sentence_hints(text: str, found: TextHints, glossary: Mapping[str, str] | None = None) -> TextHints:
    """One sentence's hints: the analysis's names and places, capitalised runs it missed,
    institutions with an English name (`institutions.py`, instead of keeping them) and the
    glossary's terms that occur in the sentence."""
    from lettore.translate.glossary import terms_in
    from lettore.translate.institutions import institution_terms

    institutions = institution_terms(text)
    named = [source for source, _ in institutions]
    keep = tuple(name for name in found.keep if not any(name in source for source in named))
    known = [*keep, *(source for source, _ in found.terms), *named]
    runs = tuple(
        match.group(0) for match in _CAPITAL_RUN.finditer(text)
        if not any(match.group(0) in name or name in match.group(0) for name in known)
    )
    terms = tuple(terms_in(text, glossary)) if glossary else ()
    return TextHints(found.group, (*keep, *runs), (*found.terms, *institutions, *terms))


# Heads of institution names that English translates ("Università del Michigan" is the
# University of Michigan): the name's own words are what follows them.
GENERIC_HEADS = frozenset(
    """Università Ministero Comune Provincia Regione Procura Tribunale Ospedale Policlinico Banca
    Camera Consiglio Corte Museo Teatro Istituto Liceo Scuola Accademia Agenzia Autorità
    Dipartimento Ufficio Polizia Questura Prefettura Fondazione Associazione Federazione Partito
    Movimento Comitato Consorzio Cooperativa Azienda Società Compagnia Nucleo Comando Stazione
    Chiesa Basilica Aeroporto Porto Parco Centro Sindacato Unione Ordine Collegio Servizio
    Direzione Assessorato Commissione Parlamento Governo Presidenza""".split()
)


def name_parts(text: str, label: str | None = None) -> list[str]:
    """The stretches of an entity to keep verbatim.

    All of it when every word is capitalised ("Kim Jong Un", "St. Martin's"), for a person
    ("Leonardo da Vinci"), and for a place that opens with its name or a street noun
    ("Castelnovo ne' Monti", "via dell'Artigianato"); else its capitalised runs, without
    an opening institution head that English translates ("Università del Michigan" ->
    "Michigan", "KSWB-TV di San Diego" -> both names)."""
    words = _WORD.findall(text)
    if not words:
        return []
    if all(_is_name_word(word) for word in words) or label == "PER":
        return [text]
    # an address is kept whole, as English news writes it ("Via dell'Artigianato"): the
    # street nouns are the ones the tagger's street rule builds such a LOC from
    if label == "LOC" and (_is_name_word(words[0]) or words[0].lower() in STREET_NOUNS):
        return [text]
    runs: list[list[str]] = [[]]
    for word in words:
        if _is_name_word(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    found = [" ".join(run) for run in runs if run]
    if found and runs[0] and (label is None or runs[0][0] in GENERIC_HEADS):
        found = found[1:]
    return [name for name in found if len(name) > 1]


def _is_name_word(word: str) -> bool:
    """Capitalised, an initial, or a figure: a word a name is made of."""
    return word[:1].isupper() or word[:1].isdigit()


def expected_names(hints: TextHints) -> list[str]:
    """What the translation must contain: the kept names and the English of the terms."""
    return [*hints.keep, *(target for _, target in hints.terms)]


def missing_names(translation: str, names: Iterable[str]) -> list[str]:
    """The names not found, as whole words, in the translation."""
    return [
        name for name in dict.fromkeys(names)
        if not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", translation)
    ]


def name_mismatches(
    entities: Iterable[Entity], translations: Mapping[SentenceKey, object]
) -> dict[SentenceKey, list[str]]:
    """Per translated sentence, the names of the original its translation lacks (the name check)."""
    out: dict[SentenceKey, list[str]] = {}
    for key, hint in hints_from_entities(entities).items():
        found = translations.get(key)
        text = getattr(found, "text", found)
        if isinstance(text, str) and text.strip():
            missing = missing_names(text, expected_names(hint))
            if missing:
                out[key] = missing
    return out


def read_name_hints(library: object, article_id: int) -> dict[SentenceKey, TextHints]:
    """The article's per-sentence names from its stored analysis (for the reader's checks)."""
    return hints_from_entities(library.entities(article_id))  # type: ignore[attr-defined]


def sentence_missing_names(hints: Mapping[SentenceKey, TextHints], key: SentenceKey, translation: str) -> list[str]:
    """The name check of one sentence: its names its translation lacks."""
    hint = hints.get(key)
    return missing_names(translation, expected_names(hint)) if hint is not None and translation.strip() else []
