"""Lemmas and English glosses from Apertium's installed dictionaries: the Italian
analyser gives lemma and part of speech, then the bilingual dictionaries go
Italian -> Spanish -> English. Three short `lt-proc` runs per batch of words."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from lettore.apertium import DATA_DIR, ApertiumFailed, run_apertium

TIMEOUT = 20.0

POS_NAMES = {
    "n": "noun", "np": "proper noun", "vblex": "verb", "vbser": "verb", "vbhaver": "verb",
    "vbmod": "verb", "vaux": "verb", "adj": "adjective", "adv": "adverb", "preadv": "adverb",
    "det": "determiner", "prn": "pronoun", "pr": "preposition", "cnjcoo": "conjunction",
    "cnjsub": "conjunction", "cnjadv": "conjunction", "num": "numeral", "ij": "interjection",
    "rel": "relative", "predet": "determiner",
}
_UNIT = re.compile(r"\^(.*?)\$")
_TAGS = re.compile(r"<([^>]+)>")


@dataclass(frozen=True)
class Reading:
    """One analysis of a word form: lemma, its Apertium tags, and the readable part of speech."""

    lemma: str
    tags: str

    @property
    def pos(self) -> str | None:
        """The first tag in words ("n" -> "noun")."""
        first = _TAGS.search(self.tags)
        return POS_NAMES.get(first.group(1), first.group(1)) if first else None


class ApertiumDictionary:
    """The ita-spa analyser and the ita->spa->eng bilingual dictionaries, through lt-proc."""

    name = "Apertium"

    def __init__(self, folder: Path = DATA_DIR, command: str = "lt-proc") -> None:
        self.morph = folder / "apertium-spa-ita" / "ita-spa.automorf.bin"
        self.ita_spa = folder / "apertium-spa-ita" / "ita-spa.autobil.bin"
        self.spa_eng = folder / "apertium-eng-spa" / "spa-eng.autobil.bin"
        self.command = command

    def available(self) -> bool:
        """lt-proc and the three dictionaries are installed."""
        return shutil.which(self.command) is not None and all(
            p.is_file() for p in (self.morph, self.ita_spa, self.spa_eng)
        )

    def analyse(self, forms: list[str]) -> dict[str, list[Reading]]:
        """Every reading of each word form (an unknown form gets none)."""
        if not forms:
            return {}
        lines = self._run([self.command, str(self.morph)], forms)
        found: dict[str, list[Reading]] = {}
        for form, line in zip(forms, lines):
            readings: list[Reading] = []
            for unit in _UNIT.findall(line):
                for analysis in unit.split("/")[1:]:
                    if analysis.startswith("*") or "<" not in analysis:
                        continue
                    lemma, _, rest = analysis.partition("<")
                    reading = Reading(lemma.replace("+", " "), "<" + rest)
                    if reading not in readings and "+" not in analysis:
                        readings.append(reading)
            found[form] = readings
        return found

    def glosses(self, readings: list[Reading]) -> dict[Reading, list[str]]:
        """English lemmas for each reading, through Spanish."""
        if not readings:
            return {}
        units = [f"^{r.lemma}{r.tags}$" for r in readings]
        spanish = [_targets(line) for line in self._run([self.command, "-b", str(self.ita_spa)], units)]
        pivots = list(dict.fromkeys(s for targets in spanish for s in targets))
        english: dict[str, list[str]] = {}
        if pivots:
            lines = self._run([self.command, "-b", str(self.spa_eng)], [f"^{p}$" for p in pivots])
            english = {p: _targets(line) for p, line in zip(pivots, lines)}
        result: dict[Reading, list[str]] = {}
        for reading, targets in zip(readings, spanish):
            words = [_lemma(e) for s in targets for e in english.get(s, [])]
            result[reading] = list(dict.fromkeys(w for w in words if w))
        return result

    def _run(self, argv: list[str], lines: list[str]) -> list[str]:
        """Feed one item a line; get one output line per item (empty lines on failure)."""
        clean = [line.replace("\n", " ") for line in lines]
        try:
            output = run_apertium(argv, "\n".join(clean) + "\n", TIMEOUT, check=False)
        except ApertiumFailed:
            return [""] * len(lines)
        out = output.split("\n")
        return (out + [""] * len(lines))[: len(lines)]


def _targets(line: str) -> list[str]:
    """The translations in a bilingual unit `^src<t>/tgt1<t>/tgt2<t>$` (none when unknown)."""
    match = _UNIT.search(line)
    if not match:
        return []
    return [t for t in match.group(1).split("/")[1:] if t and not t.startswith(("@", "*", "#"))]


def _lemma(unit: str) -> str:
    """`work<n><sg>` -> `work`; multiword `take<vblex># off` -> `take off`."""
    head, _, tail = unit.partition("#")
    return (head.split("<", 1)[0] + (" " + tail.split("<", 1)[0].strip() if tail else "")).replace("+", " ").strip()
