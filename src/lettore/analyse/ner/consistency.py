"""Document-level consistency: a name tagged as an entity in one sentence of an article is
the same entity where the tagger missed it elsewhere in that article."""

from __future__ import annotations

from collections import Counter

from lettore.analyse.ner.gold import spans


def harmonise(tokens: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Return `tags` with untagged repeats of tagged names filled in with their usual label."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for sentence, sentence_tags in zip(tokens, tags):
        for first, last, label in spans(sentence_tags):
            labels.setdefault(tuple(sentence[first:last]), Counter())[label] += 1
    if not labels:
        return tags
    best = {name: counts.most_common(1)[0][0] for name, counts in labels.items()}
    longest = max(len(name) for name in best)
    result: list[list[str]] = []
    for sentence, sentence_tags in zip(tokens, tags):
        new = list(sentence_tags)
        i = 0
        while i < len(sentence):
            matched = 0
            for length in range(min(longest, len(sentence) - i), 0, -1):
                name = tuple(sentence[i : i + length])
                if name in best and _free(new, i, i + length) and _is_name(name):
                    label = best[name]
                    new[i] = "B-" + label
                    for j in range(i + 1, i + length):
                        new[j] = "I-" + label
                    matched = length
                    break
            i += matched or 1
        result.append(new)
    return result


def _free(tags: list[str], first: int, last: int) -> bool:
    """True when no token in [first, last) is tagged and the span is not glued to an entity."""
    if any(tag != "O" for tag in tags[first:last]):
        return False
    return last >= len(tags) or not tags[last].startswith("I-")


def _is_name(name: tuple[str, ...]) -> bool:
    """Only capitalised names are propagated (never lowercase words or punctuation)."""
    return name[0][:1].isupper() and name[-1][:1].isupper()
