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


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        ("ha spiegato Asia Times ,".split(), ["O", "O", "B-PER", "I-PER", "O"], ["O", "O", "B-ORG", "I-ORG", "O"]),
        ("Newsweek scriveva".split(), ["B-PER", "O"], ["B-ORG", "O"]),
        ("il sito War on the Rocks ha".split(), ["O", "O", "B-ORG", "O", "O", "B-LOC", "O"],
         ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),
        # an entity running on past the outlet keeps its tail as its own entity
        ("Reuters Milano".split(), ["B-ORG", "I-ORG"], ["B-ORG", "B-ORG"]),
        # lower case is not the outlet
        ("la stampa locale".split(), ["O", "O", "O"], ["O", "O", "O"]),
    ],
)
def test_news_outlets_are_organisations(tokens, tags, expected) -> None:
    from lettore.analyse.ner.boundaries import mark_news_outlets

    assert mark_news_outlets(tokens, tags) == expected


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        ("secondo il quotidiano Gazzetta Ufficiale ,".split(), ["O", "O", "O", "O", "O", "O"],
         ["O", "O", "O", "B-ORG", "I-ORG", "O"]),
        ("il sito Defense One scrive".split(), ["O", "O", "O", "O", "O"], ["O", "O", "B-ORG", "I-ORG", "O"]),
        # an entity the tagger already found is left as it is
        ("il sito Bellingcat".split(), ["O", "O", "B-PER"], ["O", "O", "B-PER"]),
        ("un sito web".split(), ["O", "O", "O"], ["O", "O", "O"]),
    ],
)
def test_a_name_after_an_outlet_noun_is_the_outlet(tokens, tags, expected) -> None:
    from lettore.analyse.ner.boundaries import name_after_outlet_noun

    assert name_after_outlet_noun(tokens, tags) == expected
