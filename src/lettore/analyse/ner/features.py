"""CRF features for one sentence: word shape, affixes, capitalisation in and out of
sentence-initial position, context windows, gazetteer matches, word clusters and
capitalisation cues. Word-level parts are cached per word type so tagging stays fast."""

from __future__ import annotations

from functools import lru_cache
from collections.abc import Iterator
from typing import NamedTuple

from lettore.analyse.ner.context import document_cues
from lettore.analyse.ner.lexicon import Lexicon

ELIDED = frozenset(
    "l' dell' nell' all' dall' sull' un' d' c' quest' quell' sant' dev' tutt' anch' coll' "
    "pell' col' nel' del' al'".split()
)
ARTICLES = frozenset("il lo la i gli le l' un uno una un'".split())


@lru_cache(maxsize=8192)
def word_shape(word: str) -> str:
    """Map letters to X/x and digits to d, keeping other characters ("T-62" -> "X-dd")."""
    out = []
    for ch in word:
        if ch.isupper():
            out.append("X")
        elif ch.isalpha():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return "".join(out)


def short_shape(word: str) -> str:
    """Shape with runs collapsed ("Roma" -> "Xx", "ONU" -> "X")."""
    shape = word_shape(word)
    out = [shape[0]] if shape else []
    for ch in shape[1:]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


class _Word(NamedTuple):
    """Cached per-type parts: own features and the strings neighbours copy."""

    own: list[str]
    lower: str
    title: str
    prev1: list[str]
    prev2: list[str]
    next1: list[str]
    next2: list[str]
    prev3: str
    next3: str


class FeatureExtractor:
    """Builds crfsuite feature lists for sentences using one `Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.window = lexicon.settings.get("window", 0)
        self._first_names: frozenset[str] | None = None
        self._word_cache: dict[str, _Word] = {}

    def word_parts(self, word: str) -> _Word:
        """Type-level features of `word` plus the parts its neighbours reuse."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        sshape = short_shape(word)
        clusters = self.lexicon.cluster_ids(word)
        caps = self.lexicon.caps.get(lower, "unseen")
        feats = [
            "bias",
            "w=" + lower,
            "sh=" + word_shape(word)[:8],
            "ss=" + sshape,
            "s2=" + lower[-2:],
            "s3=" + lower[-3:],
            "s4=" + lower[-4:],
            "p2=" + lower[:2],
            "p3=" + lower[:3],
            "cap=" + caps,
            "len=" + str(min(len(word), 12)),
        ]
        if word[:1].isupper():
            feats.append("title")
            feats.append("title&cap=" + caps)
        if word.isupper() and len(word) > 1:
            feats.append("allcaps")
        if any(ch.isdigit() for ch in word):
            feats.append("digit")
        if "-" in word:
            feats.append("hyphen")
        if lower in ELIDED or word[-1:] in "'’":
            feats.append("elided")
        for index, cluster in enumerate(clusters):
            feats.append(f"c{index}={cluster}")
        if not clusters:
            feats.append("c=none")
        title = "T" if word[:1].isupper() else ("a" if word[:1].isalpha() else "o")
        coarse = clusters[:1]
        parts = _Word(
            feats,
            lower,
            title,
            ["-1w=" + lower, "-1ss=" + sshape, *("-1c=" + c for c in coarse)],
            ["-2w=" + lower, "-2ss=" + sshape, *("-2c=" + c for c in coarse)],
            ["+1w=" + lower, "+1ss=" + sshape, *("+1c=" + c for c in coarse)],
            ["+2w=" + lower, "+2ss=" + sshape, *("+2c=" + c for c in coarse)],
            "-3w=" + lower,
            "+3w=" + lower,
        )
        if len(self._word_cache) < 200_000:
            self._word_cache[word] = parts
        return parts

    def first_names(self) -> frozenset[str]:
        """Single-token first names from the gazetteer (built on first use)."""
        if self._first_names is None:
            self._first_names = frozenset(
                name
                for name, cats in self.lexicon.gazetteer.items()
                if "FIRST" in cats and " " not in name
            )
        return self._first_names

    def document(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Features for consecutive sentences of one text, with cues from nearby sentences."""
        return list(self.iter_document(sentences))

    def iter_document(self, sentences: list[list[str]]) -> Iterator[list[list[str]]]:
        """Like `document`, one sentence at a time, so long texts never hold every feature."""
        cues = document_cues(sentences, self.first_names(), self.window) if self.window > 0 else None
        for index, tokens in enumerate(sentences):
            if not tokens:
                yield []
                continue
            feats = self.sentence(tokens)
            if cues is not None:
                for token_feats, token_cues in zip(feats, cues[index]):
                    token_feats.extend(token_cues)
            yield feats

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists for every token of one sentence."""
        parts = [self.word_parts(token) for token in tokens]
        gaz = self.lexicon.matches(tokens)
        n = len(tokens)
        result: list[list[str]] = []
        for i in range(n):
            word = parts[i]
            out = list(word.own)
            extend = out.extend
            append = out.append
            lower = word.lower
            title = word.title
            if gaz[i]:
                extend(["g:" + mark for mark in gaz[i]])
            if i == 0:
                append("BOS")
                append("first&" + title)
            else:
                prev = parts[i - 1]
                extend(prev.prev1)
                append(f"-1w|w={prev.lower}|{lower}")
                append(f"-1t|t={prev.title}{title}")
                if title == "T":
                    append("-1w|T=" + prev.lower)
                if gaz[i - 1]:
                    extend(["-1g:" + mark for mark in gaz[i - 1]])
                if i == 1:
                    append("second&" + title)
                else:
                    prev2 = parts[i - 2]
                    extend(prev2.prev2)
                    append(f"-2w|-1w={prev2.lower}|{prev.lower}")
                    if i >= 3:
                        append(parts[i - 3].prev3)
            if i == n - 1:
                append("EOS")
            else:
                nxt = parts[i + 1]
                extend(nxt.next1)
                append(f"w|+1w={lower}|{nxt.lower}")
                append(f"t|+1t={title}{nxt.title}")
                if title == "T":
                    append("T|+1w=" + nxt.lower)
                if gaz[i + 1]:
                    extend(["+1g:" + mark for mark in gaz[i + 1]])
                if i + 2 < n:
                    nxt2 = parts[i + 2]
                    extend(nxt2.next2)
                    append(f"+1w|+2w={nxt.lower}|{nxt2.lower}")
                    if i + 3 < n:
                        append(parts[i + 3].next3)
            result.append(out)
        return result
