"""Context aggregation across nearby sentences (the article a token sits in): how the same
capitalised word is used elsewhere (inside a longer name, after a first name, after
which lowercase word, mid-sentence or lowercase). Label-free, so the same cues exist at
training and at run time; the CRF learns what they mean."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Container

WINDOW = 12
MAX_PREV = 6


def _occurrence_cues(
    tokens: list[str], first_names: Container[str], capitalised: Collection[str]
) -> dict[str, set[str]]:
    """Cues for each capitalised word type from one sentence (a lowercase word counts only
    when its capitalised form is among `capitalised`, the words that will be looked up)."""
    cues: dict[str, set[str]] = {}
    n = len(tokens)
    caps = [t[:1].isupper() for t in tokens]
    for i, token in enumerate(tokens):
        if not caps[i]:
            if len(token) > 2 and token.isalpha() and token.islower():
                title = token.capitalize()
                if title in capitalised:
                    cues.setdefault(title, set()).add("lower")
            continue
        found = cues.setdefault(token, set())
        if i > 0:
            found.add("mid")
            prev = tokens[i - 1]
            if (not caps[i - 1] and prev.isalpha()) or prev.endswith("'"):
                found.add("pw=" + prev.lower())
        left = i > 0 and caps[i - 1]
        right = i + 1 < n and caps[i + 1]
        if left and right:
            found.add("seq-mid")
        elif left:
            found.add("seq-last")
        elif right:
            found.add("seq-first")
        else:
            found.add("alone")
        if left and tokens[i - 1] in first_names:
            found.add("after-first")
        if right and tokens[i + 1] in first_names:
            found.add("before-first")
        if token.isupper() and len(token) > 1:
            found.add("allcaps")
    return cues


def document_cues(
    sentences: list[list[str]], first_names: Container[str], window: int = WINDOW
) -> list[list[list[str]]]:
    """Per sentence and token, "d:" features from the other sentences within `window`:
    the cues of the capitalised word's occurrences there (found through a per-word index
    of the sentences it occurs in, so only those few sentences are visited)."""
    capitalised = {token for tokens in sentences for token in tokens if token[:1].isupper()}
    where: dict[str, list[int]] = {}
    found: dict[str, list[set[str]]] = {}
    for index, tokens in enumerate(sentences):
        for word, cues in _occurrence_cues(tokens, first_names, capitalised).items():
            where.setdefault(word, []).append(index)
            found.setdefault(word, []).append(cues)
    result: list[list[list[str]]] = []
    for index, tokens in enumerate(sentences):
        row: list[list[str]] = []
        done: dict[str, list[str]] = {}
        for token in tokens:
            if not token[:1].isupper():
                row.append([])
                continue
            features = done.get(token)
            if features is None:
                features = done[token] = _cues_near(where[token], found[token], index, window)
            row.append(features)
        result.append(row)
    return result


def _cues_near(sentences: list[int], cue_sets: list[set[str]], index: int, window: int) -> list[str]:
    """The "d:" features of one word in sentence `index`: every cue it has in the other
    sentences within `window` (at most MAX_PREV previous-word cues, the first in order)."""
    first = bisect_left(sentences, index - window)
    last = bisect_right(sentences, index + window)
    cues: set[str] = set()
    for position in range(first, last):
        if sentences[position] != index:
            cues.update(cue_sets[position])
    if not cues:
        return ["d:none"]
    prev = [cue for cue in cues if cue.startswith("pw=")]
    if len(prev) > MAX_PREV:
        cues = {cue for cue in cues if not cue.startswith("pw=")} | set(sorted(prev)[:MAX_PREV])
    return ["d:" + cue for cue in sorted(cues)]
