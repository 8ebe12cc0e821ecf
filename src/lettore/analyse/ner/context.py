"""Context aggregation across nearby sentences (the article a token sits in): how the same
capitalised word is used elsewhere (inside a longer name, after a first name, after
which lowercase word, mid-sentence or lowercase). Label-free, so the same cues exist at
training and at run time; the CRF learns what they mean."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

WINDOW = 12
MAX_PREV = 6


def _occurrence_cues(
    tokens: list[str], first_names: frozenset[str] | dict, capitalised: Collection[str]
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
            if not caps[i - 1] and prev.isalpha() or prev.endswith("'"):
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


def window_counts(
    per_sentence: list[Mapping[str, Collection[str]]], window: int
) -> Iterator[dict[str, dict[str, int]]]:
    """For each sentence in turn, per word, how often each key was seen for it in the
    sentences within `window` of it (itself included): a sliding sum, updated in place.

    A sentence's value for a word is either a set of keys (each counts once) or a mapping
    of keys to counts. Keys whose count falls to zero are dropped.
    """
    counts: dict[str, dict[str, int]] = {}

    def add(index: int, sign: int) -> None:
        for word, found in per_sentence[index].items():
            counter = counts.get(word)
            if counter is None:
                counter = counts[word] = {}
            get = counter.get
            if isinstance(found, Mapping):
                pairs = [(key, sign * value) for key, value in found.items()]
            else:
                pairs = [(key, sign) for key in found]
            for key, step in pairs:
                count = get(key, 0) + step
                if count:
                    counter[key] = count
                else:
                    del counter[key]

    n = len(per_sentence)
    for i in range(min(window, n)):
        add(i, 1)
    for i in range(n):
        if i + window < n:
            add(i + window, 1)
        if i - window - 1 >= 0:
            add(i - window - 1, -1)
        yield counts


def document_cues(
    sentences: list[list[str]], first_names: frozenset[str] | dict, window: int = WINDOW
) -> list[list[list[str]]]:
    """Per sentence and token, "d:" features from the other sentences within `window`."""
    capitalised = {token for tokens in sentences for token in tokens if token[:1].isupper()}
    per_sentence = [_occurrence_cues(tokens, first_names, capitalised) for tokens in sentences]
    result: list[list[list[str]]] = []
    for tokens, own, counts in zip(sentences, per_sentence, window_counts(per_sentence, window)):
        row: list[list[str]] = []
        for token in tokens:
            counter = counts.get(token) if token[:1].isupper() else None
            if counter is None:
                row.append([])
                continue
            mine = own.get(token, ())
            cues = [cue for cue, count in counter.items() if count - (cue in mine) > 0]
            prev = [cue for cue in cues if cue.startswith("pw=")]
            if len(prev) > MAX_PREV:
                cues = [cue for cue in cues if not cue.startswith("pw=")] + sorted(prev)[:MAX_PREV]
            row.append(["d:" + cue for cue in cues] or ["d:none"])
        result.append(row)
    return result
