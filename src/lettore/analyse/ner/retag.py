"""Small helpers the post-tagging rules share: rewrite a span's IOB2 tags, read tokens."""

from __future__ import annotations

CONNECTIVES = frozenset(
    "di del della dello dei degli delle dell' d' de da dal dalla dai e ed".split()
)


def is_capitalised(token: str) -> bool:
    """True when the token starts with an upper-case letter."""
    return token[:1].isupper()


def is_initial(token: str) -> bool:
    """An initial such as `A.` (one capital letter and its dot)."""
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def relabel(tags: list[str], first: int, last: int, label: str) -> None:
    """Make tokens [first, last) one `label` entity in place, cutting whatever it overlaps
    so that the tags around it stay valid IOB2."""
    if last < len(tags) and tags[last].startswith("I-"):
        tags[last] = "B-" + tags[last][2:]
    tags[first] = "B-" + label
    for k in range(first + 1, last):
        tags[k] = "I-" + label


def entity_at(tags: list[str], index: int) -> tuple[int, int, str]:
    """The entity covering token `index` as (first, last, label); label "" when untagged."""
    if tags[index] == "O":
        return index, index + 1, ""
    label = tags[index][2:]
    first = index
    while first > 0 and tags[first].startswith("I-") and tags[first - 1][2:] == label:
        first -= 1
    last = index + 1
    while last < len(tags) and tags[last] == "I-" + label:
        last += 1
    return first, last, label


def untagged(tags: list[str], first: int, last: int) -> bool:
    """True when no token in [first, last) is part of an entity."""
    return all(tag == "O" for tag in tags[first:last])
