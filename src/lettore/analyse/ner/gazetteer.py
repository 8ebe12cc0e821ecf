"""Names the post-tagging rules look up: every Italian municipality (ISTAT, shipped as
municipalities.txt.gz), and from the lexicon Italian regions and provinces, Italian cities
and countries (pycountry, GeoNames, CLDR), its first names and KIND's organisations."""

from __future__ import annotations

import gzip
from pathlib import Path

from lettore.analyse.ner.lexicon import Lexicon

MUNICIPALITIES_PATH = Path(__file__).parent / "municipalities.txt.gz"
# The connectives the municipality list writes in lower case (`Pavullo nel Frignano`,
# `Castelnovo ne ' Monti`): training writes the list with them, the dateline rule reads
# upper-case names back with them.
NAME_CONNECTIVES = frozenset(
    """di del della dello dei degli delle dell' de d' da dal dalla dall' e ed in nel nella nello nei
    nell' sul sulla sull' al alla all' ai ne""".split()
)
PLACE_CATEGORIES = frozenset({"ITCITY", "ITREG", "COUNTRY", "AREA"})
MAX_PLACE_TOKENS = 6
MAX_ORG_TOKENS = 8


class Gazetteer:
    """Token-sequence look-ups: is this run a known place, is this word a first name.
    Reads the lexicon's own tables at query time, so loading costs only the short list."""

    def __init__(self, lexicon: Lexicon, municipalities: list[str]) -> None:
        self.municipalities = frozenset(municipalities)
        # First word -> the token lengths of the municipality names of several words it
        # opens (a one-word name opens length 1: it is in `municipalities`).
        self._opening: dict[str, set[int]] = {}
        for name in (name for name in self.municipalities if " " in name):
            words = name.split(" ")
            self._opening.setdefault(words[0], set()).add(len(words))
        self.names = lexicon.gazetteer
        self.lengths = lexicon.lengths
        self.caps = lexicon.caps
        # First word -> the place-name lengths to try, longest first (found on first use).
        self._place_lengths: dict[str, list[int]] = {}
        self._places: dict[str, bool] = {}  # name -> is it a known place (found on first use)

    @classmethod
    def load(cls, lexicon: Lexicon, path: Path = MUNICIPALITIES_PATH) -> Gazetteer:
        """The gazetteer of the shipped lexicon and municipality list (none if it is missing)."""
        names: list[str] = []
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as source:
                names = [line for line in source.read().splitlines() if line]
        return cls(lexicon, names)

    def place_at(self, tokens: list[str], start: int) -> int:
        """Length of the longest known place name starting at `start` (0: none)."""
        first = tokens[start]
        lengths = self._place_lengths.get(first)
        if lengths is None:
            opening = self._opening.get(first, set()) | set(self.lengths.get(first, ()))
            if first in self.municipalities:
                opening.add(1)
            lengths = sorted(opening, reverse=True)
            if len(self._place_lengths) < 200_000:
                self._place_lengths[first] = lengths
        for length in lengths:
            fits = length <= MAX_PLACE_TOKENS and start + length <= len(tokens)
            if fits and self.is_place(tokens[start : start + length]):
                return length
        return 0

    def organisation_at(self, tokens: list[str], start: int) -> int:
        """Length of the longest organisation name of the lexicon (KIND's Wikipedia list)
        starting at `start` and ending on a capitalised word (0: none)."""
        for length in self.lengths.get(tokens[start], ()):  # longest first
            end = start + length
            fits = length <= MAX_ORG_TOKENS and end <= len(tokens) and tokens[end - 1][:1].isupper()
            if fits and "ORG" in self.names.get(" ".join(tokens[start:end]), "").split(","):
                return length
        return 0

    def is_place(self, words: list[str] | tuple[str, ...]) -> bool:
        """True when these tokens are exactly a known place name."""
        key = " ".join(words)
        known = self._places.get(key)
        if known is None:
            known = key in self.municipalities
            if not known:
                categories = self.names.get(key, "")
                known = bool(categories) and not PLACE_CATEGORIES.isdisjoint(categories.split(","))
            if len(self._places) < 200_000:
                self._places[key] = known
        return known

    def is_place_word(self, word: str) -> bool:
        """A known place name written in capitals (`CARPI`) or as usual."""
        return self.is_place((word,)) or self.is_place((word.title(),))

    def is_first_name(self, word: str) -> bool:
        """True for a first name the lexicon knows (`Monica`, `Bruno`)."""
        return "FIRST" in self.names.get(word, "").split(",")

    def common_word(self, word: str) -> bool:
        """True for words the training text writes lowercase mostly or often (`Paese`, `Calcio`)."""
        return self.caps.get(word.lower(), "cap")[:3] in ("low", "mix")
