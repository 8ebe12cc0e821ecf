"""Run-time lexical resources shipped beside the model: gazetteers (multi-token names by
category), word clusters learned from unlabeled Italian text, and capitalisation cues.
One gzip'd JSON file, read once; nothing here needs the training-time packages."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from lettore.analyse.ner.tokenizer import tokenize_words

FORMAT_VERSION = 2


@dataclass
class Lexicon:
    """Gazetteer entries, word->cluster ids and word->capitalisation bucket.

    Gazetteer keys are token sequences joined by single spaces (tokens hold no spaces);
    values are comma-separated categories. Plain str->str dicts load fast from JSON.
    """

    gazetteer: dict[str, str] = field(default_factory=dict)
    lengths: dict[str, list[int]] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)
    caps: dict[str, str] = field(default_factory=dict)
    settings: dict[str, int] = field(default_factory=dict)

    def add_name(self, name: str, category: str) -> None:
        """Add one gazetteer entry, tokenized as the tagger will see it."""
        tokens = tokenize_words(name)
        if not tokens:
            return
        key = " ".join(tokens)
        cats = set(filter(None, self.gazetteer.get(key, "").split(","))) | {category}
        self.gazetteer[key] = ",".join(sorted(cats))
        known = self.lengths.setdefault(tokens[0], [])
        if len(tokens) not in known:
            known.append(len(tokens))
            known.sort(reverse=True)

    def cluster_ids(self, word: str) -> tuple[str, ...]:
        """Cluster ids of `word` (or of its lowercase form), coarse to fine; () if unseen."""
        ids = self.clusters.get(word) or self.clusters.get(word.lower())
        return tuple(ids.split(",")) if ids else ()

    def matches(self, tokens: list[str]) -> list[list[str]]:
        """Per token, gazetteer features "CAT=B"/"CAT=I" from the longest match per category."""
        marks: list[list[str]] = [[] for _ in tokens]
        covered: dict[str, int] = {}
        n = len(tokens)
        gazetteer = self.gazetteer
        lengths = self.lengths
        for i, token in enumerate(tokens):
            candidates = lengths.get(token)
            if not candidates:
                continue
            for length in candidates:
                if length > n - i:
                    continue
                cats = gazetteer.get(token if length == 1 else " ".join(tokens[i : i + length]))
                if not cats:
                    continue
                for cat in cats.split(","):
                    if covered.get(cat, 0) > i:
                        continue
                    covered[cat] = i + length
                    suffix = "1" if length == 1 else "n"
                    marks[i].append(f"{cat}=B{suffix}")
                    for j in range(i + 1, i + length):
                        marks[j].append(f"{cat}=I{suffix}")
        return marks

    def save(self, path: Path) -> None:
        """Write the lexicon as gzip'd JSON."""
        data = {
            "version": FORMAT_VERSION,
            "gazetteer": self.gazetteer,
            "lengths": self.lengths,
            "clusters": self.clusters,
            "caps": self.caps,
            "settings": self.settings,
        }
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon written by `Lexicon.save`."""
    with gzip.open(path, "rt", encoding="utf-8") as source:
        data = json.load(source)
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"{path}: lexicon format {data.get('version')}, expected {FORMAT_VERSION}")
    return Lexicon(
        data["gazetteer"], data["lengths"], data["clusters"], data["caps"], data.get("settings", {})
    )
