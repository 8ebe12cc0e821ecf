"""Run-time lexical resources shipped beside the model: gazetteers (multi-token names by
category), word clusters learned from unlabeled Italian text, and capitalisation cues.
One gzip'd TSV file, read once; nothing here needs the training-time packages."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from lettore.analyse.ner.tokenizer import tokenize_words

SECTION_GAZ = "gaz"
SECTION_CLUSTER = "cluster"
SECTION_CAPS = "caps"


@dataclass
class Lexicon:
    """Gazetteer entries, word->cluster ids and word->capitalisation bucket."""

    gazetteer: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    caps: dict[str, str] = field(default_factory=dict)

    def add_name(self, name: str, category: str) -> None:
        """Add one gazetteer entry, tokenized as the tagger will see it."""
        key = tuple(tokenize_words(name))
        if not key:
            return
        self.gazetteer[key] = self.gazetteer.get(key, frozenset()) | {category}
        if len(key) > self.max_len.get(key[0], 0):
            self.max_len[key[0]] = len(key)

    def matches(self, tokens: list[str]) -> list[list[str]]:
        """Per token, gazetteer features "CAT=B"/"CAT=I" from the longest match per category."""
        marks: list[list[str]] = [[] for _ in tokens]
        covered: dict[str, int] = {}
        n = len(tokens)
        for i, token in enumerate(tokens):
            longest = self.max_len.get(token)
            if not longest:
                continue
            for length in range(min(longest, n - i), 0, -1):
                cats = self.gazetteer.get(tuple(tokens[i : i + length]))
                if not cats:
                    continue
                for cat in cats:
                    if covered.get(cat, 0) > i:
                        continue
                    covered[cat] = i + length
                    suffix = "1" if length == 1 else "n"
                    marks[i].append(f"{cat}=B{suffix}")
                    for j in range(i + 1, i + length):
                        marks[j].append(f"{cat}=I{suffix}")
        return marks

    def save(self, path: Path) -> None:
        """Write the lexicon as a gzip'd TSV: section, key, value."""
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
            for key, cats in sorted(self.gazetteer.items()):
                out.write(f"{SECTION_GAZ}\t{' '.join(key)}\t{','.join(sorted(cats))}\n")
            for word, ids in sorted(self.clusters.items()):
                out.write(f"{SECTION_CLUSTER}\t{word}\t{','.join(ids)}\n")
            for word, bucket in sorted(self.caps.items()):
                out.write(f"{SECTION_CAPS}\t{word}\t{bucket}\n")


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon written by `Lexicon.save`."""
    lexicon = Lexicon()
    gazetteer = lexicon.gazetteer
    max_len = lexicon.max_len
    with gzip.open(path, "rt", encoding="utf-8") as source:
        for line in source:
            section, key, value = line.rstrip("\n").split("\t")
            if section == SECTION_GAZ:
                tokens = tuple(key.split(" "))
                gazetteer[tokens] = frozenset(value.split(","))
                if len(tokens) > max_len.get(tokens[0], 0):
                    max_len[tokens[0]] = len(tokens)
            elif section == SECTION_CLUSTER:
                lexicon.clusters[key] = tuple(value.split(","))
            elif section == SECTION_CAPS:
                lexicon.caps[key] = value
    return lexicon
