"""Document-level consistency: a name tagged as an entity in one sentence of an article is
the same entity where the tagger missed it elsewhere in that article, and a name tagged
with different labels takes the label it gets most often there."""

from __future__ import annotations

from collections import Counter

from lettore.analyse.ner.gold import spans


def harmonise(
    tokens: list[list[str]], tags: list[list[str]], window: int | None = None
) -> list[list[str]]:
    """Return `tags` with untagged repeats of tagged names filled in with their usual label.

    With `window`, only sentences at most that far apart count as the same article (for
    long streams of articles such as a gold file); without it the whole list is one article.
    """
    found = [
        [(tuple(sentence[first:last]), label) for first, last, label in spans(sentence_tags)]
        for sentence, sentence_tags in zip(tokens, tags)
    ]
    if not any(found):
        return tags
    n = len(tokens)
    reach = n if window is None else window
    counts: dict[tuple[str, ...], Counter[str]] = {}

    def add(index: int, sign: int) -> None:
        for name, label in found[index]:
            counter = counts.get(name)
            if counter is None:
                counter = counts[name] = Counter()
            counter[label] += sign

    for i in range(min(reach + 1, n)):
        add(i, 1)
    result: list[list[str]] = []
    for i, (sentence, sentence_tags) in enumerate(zip(tokens, tags)):
        if i > 0 and i + reach < n:
            add(i + reach, 1)
        if i - reach - 1 >= 0:
            add(i - reach - 1, -1)
        result.append(_relabel(_fill(sentence, sentence_tags, counts), counts, sentence))
    return result


def _relabel(
    tags: list[str], counts: dict[tuple[str, ...], Counter[str]], sentence: list[str]
) -> list[str]:
    """Give each tagged name the label it has most often nearby, when that is a clear majority."""
    for first, last, label in spans(tags):
        counter = counts.get(tuple(sentence[first:last]))
        if not counter:
            continue
        best, count = counter.most_common(1)[0]
        if best != label and count > counter[label]:
            tags[first] = "B-" + best
            for j in range(first + 1, last):
                tags[j] = "I-" + best
    return tags


def _fill(
    sentence: list[str], sentence_tags: list[str], counts: dict[tuple[str, ...], Counter[str]]
) -> list[str]:
    """Tag untagged occurrences of known names in one sentence, longest name first."""
    new = list(sentence_tags)
    i = 0
    while i < len(sentence):
        if not sentence[i][:1].isupper() or new[i] != "O":
            i += 1
            continue
        matched = 0
        for length in range(min(6, len(sentence) - i), 0, -1):
            name = tuple(sentence[i : i + length])
            counter = counts.get(name)
            if not counter or not _is_name(name) or not _free(new, i, i + length):
                continue
            label, count = counter.most_common(1)[0]
            if count <= 0:
                continue
            new[i] = "B-" + label
            for j in range(i + 1, i + length):
                new[j] = "I-" + label
            matched = length
            break
        i += matched or 1
    return new


def _free(tags: list[str], first: int, last: int) -> bool:
    """True when no token in [first, last) is tagged and the span is not glued to an entity."""
    if any(tag != "O" for tag in tags[first:last]):
        return False
    return last >= len(tags) or not tags[last].startswith("I-")


def _is_name(name: tuple[str, ...]) -> bool:
    """Only capitalised names are propagated (never lowercase words or punctuation)."""
    return name[0][:1].isupper() and name[-1][:1].isupper()
