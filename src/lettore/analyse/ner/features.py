"""CRF features for one sentence: word shape, affixes, capitalisation in and out of
sentence-initial position, context windows, gazetteer matches, word clusters and
capitalisation cues, plus optional groups named in the lexicon's settings ("x_runs": the
capitalised run a token sits in; "x_sport": sports context and "Lazio - Napoli" pairs, for
teams named after their city). Word-level parts are cached per word type so tagging
stays fast."""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

from lettore.analyse.ner.context import document_cues
from lettore.analyse.ner.lexicon import Lexicon

ELIDED = frozenset(
    "l' dell' nell' all' dall' sull' un' d' c' quest' quell' sant' dev' tutt' anch' coll' "
    "pell' col' nel' del' al'".split()
)
ARTICLES = frozenset("il lo la i gli le l' un uno una un'".split())


@lru_cache(maxsize=65536)
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


@lru_cache(maxsize=65536)
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


class FirstNames(Container[str]):
    """The gazetteer's one-word first names, asked word by word (a packed gazetteer is
    never walked whole), each answer kept."""

    def __init__(self, gazetteer: Mapping[str, str]) -> None:
        self._gazetteer = gazetteer
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = " " not in word and "FIRST" in self._gazetteer.get(word, "")
            if len(self._known) < 200_000:
                self._known[word] = known
        return known


class FeatureExtractor:
    """Builds crfsuite feature lists for sentences using one `Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.window = lexicon.settings.get("window", 0)
        self._first_names = FirstNames(lexicon.gazetteer)
        self._word_cache: dict[str, _Word] = {}
        self.extras = {key for key, value in lexicon.settings.items() if key.startswith("x_") and value}

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
        if not word.isalpha() and any(ch.isdigit() for ch in word):
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

    def first_names(self) -> FirstNames:
        """Single-token first names from the gazetteer."""
        return self._first_names

    def document(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Features for consecutive sentences of one text, with cues from nearby sentences."""
        return list(self.iter_document(sentences))

    def iter_document(self, sentences: list[list[str]]) -> Iterator[list[list[str]]]:
        """Like `document`, one sentence at a time, so long texts never hold every feature."""
        for tokens, context in self.iter_context(sentences):
            if not tokens:
                yield []
                continue
            feats = self.core([self.word_parts(token) for token in tokens])
            for token_feats, token_context in zip(feats, context):
                token_feats.extend(token_context)
            yield feats

    def iter_context(self, sentences: list[list[str]]) -> Iterator[tuple[list[str], list[list[str]]]]:
        """Per sentence: tokens and each token's context features (gazetteer matches,
        document cues and the like: everything `core` leaves out)."""
        cues = None
        if self.window > 0:
            # The cues ask about capitalised tokens only: their first names, as one set.
            capitalised = {token for tokens in sentences for token in tokens if token[:1].isupper()}
            names = frozenset(token for token in capitalised if token in self._first_names)
            cues = document_cues(sentences, names, self.window)
        sport = sport_context(sentences, self.window) if "x_sport" in self.extras else None
        for index, tokens in enumerate(sentences):
            if not tokens:
                yield tokens, []
                continue
            context = self.context(tokens)
            if sport is not None and sport[index]:
                for token, token_feats in zip(tokens, context):
                    if token[:1].isupper():
                        token_feats.append("d:sport")
            if cues is not None:
                for token_feats, token_cues in zip(context, cues[index]):
                    token_feats.extend(token_cues)
            yield tokens, context

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists for every token of one sentence (no document cues)."""
        parts = [self.word_parts(token) for token in tokens]
        feats = self.core(parts)
        for token_feats, token_context in zip(feats, self.context(tokens)):
            token_feats.extend(token_context)
        return feats

    def context(self, tokens: list[str]) -> list[list[str]]:
        """Per token, the sentence features that are not word-type or word-pair features:
        gazetteer matches of the token and its neighbours (and the optional extras)."""
        gaz = self.lexicon.matches(tokens)
        n = len(tokens)
        result: list[list[str]] = [[] for _ in range(n)]
        for i, marks in enumerate(gaz):
            if not marks:
                continue
            result[i].extend(["g:" + mark for mark in marks])
            if i > 0:
                result[i - 1].extend(["+1g:" + mark for mark in marks])
            if i + 1 < n:
                result[i + 1].extend(["-1g:" + mark for mark in marks])
        if "x_runs" in self.extras:
            add_run_features(tokens, result)
        if "x_sport" in self.extras:
            titled = [token[:1].isupper() for token in tokens]
            for i in range(n):
                if titled[i] and (
                    (i + 2 < n and tokens[i + 1] in DASHES and titled[i + 2])
                    or (i >= 2 and tokens[i - 1] in DASHES and titled[i - 2])
                ):
                    result[i].append("dashpair")
        return result

    def core(self, parts: list[_Word]) -> list[list[str]]:
        """Word-type, neighbour and word-pair features of every token of one sentence;
        `scores.CompiledCRF` computes the same features' weights from cached tables."""
        n = len(parts)
        result: list[list[str]] = []
        for i in range(n):
            word = parts[i]
            out = list(word.own)
            extend = out.extend
            append = out.append
            lower = word.lower
            title = word.title
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
                if i + 2 < n:
                    nxt2 = parts[i + 2]
                    extend(nxt2.next2)
                    append(f"+1w|+2w={nxt.lower}|{nxt2.lower}")
                    if i + 3 < n:
                        append(parts[i + 3].next3)
            result.append(out)
        return result

DASHES = frozenset("- – —".split())
SPORT_WORDS = frozenset(
    """partita partite campionato scudetto gol goal rete reti squadra squadre allenatore
    calcio pallone classifica giornata stagione serie vittoria pareggio sconfitta derby
    attaccante centrocampista difensore portiere tifosi stadio coppa finale semifinale
    regata gara gare match punti rugby basket pallavolo tennis torneo mondiali olimpiadi
    play-off playoff trasferta esordio maglia nazionale""".split()
)


def sport_context(sentences: list[list[str]], window: int) -> list[bool]:
    """Per sentence, whether sports words occur within `window` sentences of it (at least 2)."""
    hits = [sum(1 for t in tokens if t.lower() in SPORT_WORDS) for tokens in sentences]
    n = len(hits)
    prefix = [0]
    for h in hits:
        prefix.append(prefix[-1] + h)
    return [prefix[min(n, i + window + 1)] - prefix[max(0, i - window)] >= 2 for i in range(n)]


def add_run_features(tokens: list[str], feats: list[list[str]]) -> None:
    """Length of the capitalised run each capitalised token sits in and its place in it."""
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < n and tokens[j][:1].isupper():
            j += 1
        length = min(j - i, 4)
        for k in range(i, j):
            place = "S" if j - i == 1 else ("B" if k == i else ("E" if k == j - 1 else "I"))
            feats[k].append(f"run={length}{place}")
        i = j
