"""Run-time lexical resources shipped beside the model: gazetteers (multi-token names by
category), word clusters learned from unlabeled Italian text, and capitalisation cues.
Shipped as one packed file (lexicon.pack, see `packed`) that is read in a few
milliseconds and decoded only where an article's words fall; nothing here needs the
training-time packages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lettore.analyse.ner.packed import PackedMap, read_packed, write_packed
from lettore.analyse.ner.tokenizer import tokenize_words

FORMAT_VERSION = 3
_ONE_WORD = (1,)
MAX_OPENING = 200_000  # tokens (and names) `matches` keeps the answers for
_UNSEEN: Any = object()


@dataclass
class Lexicon:
    """Gazetteer entries, word->cluster ids and word->capitalisation bucket.

    Gazetteer keys are token sequences joined by single spaces (tokens hold no spaces);
    values are comma-separated categories. `lengths` maps a token to the token lengths of
    the gazetteer names it opens, longest first. A lexicon read from its file is read-only.
    """

    gazetteer: Mapping[str, str] = field(default_factory=dict)
    lengths: Mapping[str, Sequence[int]] = field(default_factory=dict)
    clusters: Mapping[str, str] = field(default_factory=dict)
    caps: Mapping[str, str] = field(default_factory=dict)
    settings: dict[str, int] = field(default_factory=dict)
    # Token -> the lengths it opens, as `matches` found them (cleared by `add_name`).
    _opening: dict[str, Sequence[int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    # Gazetteer key -> its categories (None: not a name), as `matches` found them.
    _names: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def add_name(self, name: str, category: str) -> None:
        """Add one gazetteer entry, tokenized as the tagger will see it."""
        gazetteer, lengths = self.gazetteer, self.lengths
        if not isinstance(gazetteer, dict) or not isinstance(lengths, dict):
            raise TypeError("a lexicon read from its file is read-only")
        tokens = tokenize_words(name)
        if not tokens:
            return
        self._opening.clear()
        self._names.clear()
        key = " ".join(tokens)
        cats = set(filter(None, gazetteer.get(key, "").split(","))) | {category}
        gazetteer[key] = ",".join(sorted(cats))
        lengths[tokens[0]] = sorted({*lengths.get(tokens[0], ()), len(tokens)}, reverse=True)

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
        opening = self._opening
        names = self._names
        for i, token in enumerate(tokens):
            candidates = opening.get(token)
            if candidates is None:
                candidates = lengths.get(token) or ()
                if len(opening) < MAX_OPENING:
                    opening[token] = candidates
            if not candidates:
                continue
            for length in candidates:
                if length > n - i:
                    continue
                key = token if length == 1 else " ".join(tokens[i : i + length])
                cats = names.get(key, _UNSEEN)
                if cats is _UNSEEN:
                    cats = gazetteer.get(key)
                    if len(names) < MAX_OPENING:
                        names[key] = cats
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
        """Write the lexicon in its packed form. A token that opens only its own one-word
        name is left out of the lengths: `OpenedLengths` gives it back as (1,)."""
        gazetteer = self.gazetteer
        lengths = {
            token: ",".join(map(str, known))
            for token, known in self.lengths.items()
            if tuple(known) != _ONE_WORD or token not in gazetteer
        }
        # A one-word name whose token opens nothing (only a hand-made lexicon has one).
        lengths.update({key: "" for key in gazetteer if " " not in key and key not in self.lengths})
        meta = {"version": FORMAT_VERSION, "settings": self.settings}
        write_packed(
            path,
            {"gazetteer": gazetteer, "lengths": lengths, "clusters": self.clusters, "caps": self.caps},
            meta,
        )


class OpenedLengths(Mapping[str, Sequence[int]]):
    """The `lengths` of a packed lexicon: the stored ones, else (1,) for a token that is a
    one-word name of the gazetteer."""

    def __init__(self, stored: PackedMap, gazetteer: PackedMap) -> None:
        self._stored = stored
        self._gazetteer = gazetteer
        self._parsed: dict[str, tuple[int, ...]] = {"": ()}
        self._seen: dict[str, tuple[int, ...]] = {}  # token -> its answer (() for none)

    def get(self, token: str, default: Any = None, /) -> Any:
        """The lengths of the names `token` opens, longest first, or `default`."""
        known = self._seen.get(token)
        if known is None:
            known = self._find(token)
            if len(self._seen) < MAX_OPENING:
                self._seen[token] = known
        return known or default

    def _find(self, token: str) -> tuple[int, ...]:
        """The stored lengths, else (1,) for a one-word name, else ()."""
        text = self._stored.get(token)
        if text is None:
            return _ONE_WORD if " " not in token and token in self._gazetteer else ()
        known = self._parsed.get(text)
        if known is None:
            known = self._parsed[text] = tuple(int(length) for length in text.split(","))
        return known

    def __getitem__(self, token: str) -> Sequence[int]:
        found = self.get(token)
        if found is None:
            raise KeyError(token)
        return found

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and self.get(token) is not None

    def __iter__(self) -> Iterator[str]:
        """Every token that opens a name (decodes the whole lexicon: not for tagging)."""
        opening = {key.split(" ", 1)[0] for key in self._gazetteer}
        opening.update(self._stored)
        return iter(sorted(token for token in opening if token in self))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon written by `Lexicon.save` (only its index: entries decode on use)."""
    maps, meta = read_packed(path)
    if meta.get("version") != FORMAT_VERSION:
        raise ValueError(f"{path}: lexicon format {meta.get('version')}, expected {FORMAT_VERSION}")
    gazetteer = maps["gazetteer"]
    return Lexicon(
        gazetteer, OpenedLengths(maps["lengths"], gazetteer), maps["clusters"], maps["caps"], meta["settings"]
    )
