"""Head nouns of foreign organisation names stay with their organisation."""

from __future__ import annotations

import pytest

from lettore.analyse.ner.boundaries import attach_org_heads


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        ("dalla Korean Central News Agency Kim ha".split(),
         ["O", "B-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER", "O"],
         ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-PER", "O"]),
        ("secondo Associated Press .".split(), ["O", "B-ORG", "O", "O"], ["O", "B-ORG", "I-ORG", "O"]),
        ("il Financial Times scrive".split(), ["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]),
        # a head noun after a person or place is left alone
        ("Mario Rossi Group".split(), ["B-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]),
        ("a Roma Press".split(), ["O", "B-LOC", "O"], ["O", "B-LOC", "O"]),
    ],
)
def test_org_heads_join_the_organisation(tokens, tags, expected) -> None:
    assert attach_org_heads(tokens, tags) == expected
