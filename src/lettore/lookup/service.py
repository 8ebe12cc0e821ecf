"""Look words up: cached answers from the library first, then the offline sources
installed here (Apertium, FreeDict, simplemma for lemmas), stored back for next time.

The slow part, `compute`, touches no database, so the reader runs it in a worker thread
and stores its result from the UI thread with `remember`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lettore.apertium import PACKAGES as APERTIUM_PACKAGES
from lettore.lookup.apertium import ApertiumDictionary, Reading
from lettore.lookup.freedict import INSTALL_HINT as FREEDICT_PACKAGES
from lettore.lookup.freedict import FreeDict
from lettore.lookup.ranking import AUXILIARY_TAGS, CLOSED_CLASSES, RANKING_VERSION, merge_senses
from lettore.lookup.tokens import is_content_word, lookup_key
from lettore.words import Sense, WordInfo


@dataclass
class Sources:
    """The dictionaries to consult; by default whatever is installed on this machine."""

    apertium: ApertiumDictionary | None = field(default_factory=ApertiumDictionary)
    freedict: FreeDict | None = field(default_factory=FreeDict)

    def names(self) -> tuple[str, ...]:
        """Names of the sources that are installed."""
        return tuple(
            s.name for s in (self.apertium, self.freedict) if s is not None and s.available()
        )


def install_hint(sources: Sources) -> str | None:
    """What to install when no dictionary is available, else None."""
    if sources.names():
        return None
    return (
        "No offline dictionary is installed; for English glosses install them with:"
        f" sudo apt install {APERTIUM_PACKAGES} {FREEDICT_PACKAGES}"
    )


_DEFAULT: Sources | None = None


def default_sources() -> Sources:
    """The installed sources, created once per process (FreeDict keeps its index)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Sources()
    return _DEFAULT


def compute(words: Sequence[str], sources: Sources) -> dict[str, WordInfo]:
    """Look word forms up in every available source; keys are `lookup_key(word)`."""
    forms = list(dict.fromkeys(lookup_key(w) for w in words if w.strip()))
    apertium = sources.apertium if sources.apertium is not None and sources.apertium.available() else None
    freedict = sources.freedict if sources.freedict is not None and sources.freedict.available() else None
    readings = apertium.analyse(forms) if apertium else {}
    english = apertium.glosses([r for rs in readings.values() for r in rs]) if apertium else {}
    used = tuple(s.name for s in (apertium, freedict) if s is not None)
    return {form: _info(form, readings.get(form, []), english, freedict, used) for form in forms}


def _info(
    form: str, readings: list[Reading], english: dict[Reading, list[str]], freedict: FreeDict | None,
    used: tuple[str, ...],
) -> WordInfo:
    """Assemble one word's lemma, part of speech and senses (ranked and capped)."""
    if not readings:
        readings = [Reading(_simplemma(form), "")]
    apertium_senses = [
        Sense(gloss, "Apertium", reading.lemma, reading.pos)
        for reading in readings
        for gloss in english.get(reading, [])
    ]
    freedict_senses: list[Sense] = []
    if freedict is not None and not _phrase_fragments_only(form, readings):
        for lemma in dict.fromkeys([r.lemma for r in readings] + [form]):
            freedict_senses.extend(Sense(gloss, "FreeDict", lemma, None) for gloss in freedict.senses(lemma))
    senses = merge_senses(apertium_senses, freedict_senses)
    with_senses = [r for r in readings if any(s.lemma == r.lemma for s in senses)]
    main = (with_senses or readings)[0]
    unique_readings = tuple(dict.fromkeys((r.lemma, r.pos) for r in readings))
    return WordInfo(form, main.lemma, main.pos, senses, used, unique_readings)


def _phrase_fragments_only(form: str, readings: list[Reading]) -> bool:
    """FreeDict files pieces of longer phrases under function words and auxiliaries
    ("in" -> "at home", "essere" -> "sit"): for those words its entries are noise."""
    if not is_content_word(form):
        return True
    analysed = [r for r in readings if r.tags]
    return bool(analysed) and all(r.pos in CLOSED_CLASSES or r.tags.startswith(AUXILIARY_TAGS) for r in analysed)


def _simplemma(form: str) -> str:
    """The lemma simplemma guesses when Apertium does not know the word (or is absent)."""
    try:
        # lazy: heavy, loaded only by the command that needs it
        from simplemma import lemmatize
    except ImportError:
        return form
    return lemmatize(form, lang="it")


class GlossCache(Protocol):
    """Where lookups are kept between sessions (the library: store.words.GlossTable)."""

    def cached_glosses(self, words: list[str], ranking: int) -> dict[str, WordInfo]:
        """Cached lookups of these word forms, made by ranking rule `ranking`."""
        ...

    def store_glosses(self, infos: list[WordInfo], ranking: int) -> None:
        """Keep these lookups, made by ranking rule `ranking`."""
        ...


def cached(library: GlossCache, words: Sequence[str], sources: Sources) -> dict[str, WordInfo]:
    """Cached lookups still valid (made by today's ranking with every source installed now)."""
    names = set(sources.names())
    found = library.cached_glosses([lookup_key(w) for w in words], RANKING_VERSION)
    return {w: info for w, info in found.items() if names <= set(info.sources)}


def remember(library: GlossCache, infos: dict[str, WordInfo]) -> None:
    """Store fresh lookups; answers made without any dictionary are not kept."""
    library.store_glosses([info for info in infos.values() if info.sources], RANKING_VERSION)


def lookup_words(library: GlossCache, words: Sequence[str], sources: Sources | None = None) -> dict[str, WordInfo]:
    """Cache first, then the sources; stores what it had to compute."""
    sources = sources or default_sources()
    found = cached(library, words, sources)
    missing = [w for w in words if lookup_key(w) not in found]
    if missing:
        fresh = compute(missing, sources)
        remember(library, fresh)
        found.update(fresh)
    return found
