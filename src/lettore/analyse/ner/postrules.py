"""Rules run over the tagger's output for one article: the conventions of Italian local
news (streets, datelines, hamlets, municipalities, police units, shops, newspapers),
which the KIND-trained CRF sees too rarely to learn."""

from __future__ import annotations

from lettore.analyse.ner.gazetteer import Gazetteer
from lettore.analyse.ner.locations import mark_dateline, mark_localities, mark_municipalities, mark_streets
from lettore.analyse.ner.organisations import mark_known_organisations, mark_newspapers, mark_shops, mark_units


def apply_local_rules(
    sentences: list[list[str]], tags: list[list[str]], gazetteer: Gazetteer
) -> list[list[str]]:
    """The tags with every local-news rule applied (a new list; `tags` is not changed)."""
    fixed = [list(sentence_tags) for sentence_tags in tags]
    for tokens, sentence_tags in zip(sentences, fixed, strict=True):
        if not tokens:
            continue
        mark_units(tokens, sentence_tags)
        mark_shops(tokens, sentence_tags, gazetteer)
        mark_newspapers(tokens, sentence_tags, gazetteer)
        mark_streets(tokens, sentence_tags, gazetteer)
        mark_localities(tokens, sentence_tags, gazetteer)
        mark_dateline(tokens, sentence_tags, gazetteer)
        mark_known_organisations(tokens, sentence_tags, gazetteer)
    mark_municipalities(sentences, fixed, gazetteer)
    return fixed
