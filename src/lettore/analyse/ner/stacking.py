"""Two-stage tagging: a first CRF's labels, aggregated over nearby sentences (how the same
word was tagged elsewhere in the article), become features for a second CRF. The second
stage is trained on first-stage labels from held-out folds, so it learns how far to trust them."""

from __future__ import annotations

from lettore.analyse.ner.context import window_counts


def _label(tag: str) -> str:
    """IOB2 tag without its prefix ("B-PER" -> "PER")."""
    return tag[2:] if len(tag) > 2 else "O"


def stacked_cues(
    tokens: list[list[str]], tags: list[list[str]], window: int
) -> list[list[list[str]]]:
    """Per token, "s1" features: its first-stage tag, its neighbours' and the majority label
    the same capitalised word got in other sentences within `window`."""
    per_sentence: list[dict[str, dict[str, int]]] = []
    for sentence, sentence_tags in zip(tokens, tags):
        found: dict[str, dict[str, int]] = {}
        for token, tag in zip(sentence, sentence_tags):
            if token[:1].isupper():
                counter = found.setdefault(token, {})
                label = _label(tag)
                counter[label] = counter.get(label, 0) + 1
        per_sentence.append(found)
    result: list[list[list[str]]] = []
    windows = window_counts(per_sentence, window)
    for i, (sentence, sentence_tags, counts) in enumerate(zip(tokens, tags, windows)):
        own = per_sentence[i]
        row: list[list[str]] = []
        last = len(sentence) - 1
        for j, (token, tag) in enumerate(zip(sentence, sentence_tags)):
            feats = [
                "s1=" + tag,
                "s1p=" + (sentence_tags[j - 1] if j else "BOS"),
                "s1n=" + (sentence_tags[j + 1] if j < last else "EOS"),
            ]
            counter = counts.get(token) if token[:1].isupper() else None
            if counter:
                mine = own.get(token, {})
                others = {lab: c - mine.get(lab, 0) for lab, c in counter.items()}
                others = {lab: c for lab, c in others.items() if c > 0}
                if others:
                    best = max(sorted(others), key=others.__getitem__)
                    feats.append("s1d=" + best)
                    feats.append("s1d|s1=" + best + "|" + _label(tag))
                    if len(others) > 1:
                        feats.append("s1d=mixed")
            row.append(feats)
        result.append(row)
    return result
