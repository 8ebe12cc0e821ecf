"""Rules run over the tagger's output for one article: the conventions of Italian local
news (streets, datelines, hamlets, municipalities, police units, shops, newspapers),
which the KIND-trained CRF sees too rarely to learn."""

from __future__ import annotations

from lettore.analyse.ner.gazetteer import Gazetteer
from lettore.analyse.ner.locations import (
    LOCALITY_NOUNS,
    PLACE_PREPOSITIONS,
    mark_dateline,
    mark_localities,
    mark_municipalities,
    mark_streets,
)
from lettore.analyse.ner.organisations import (
    INSTITUTION_HEADS,
    PAPER_ARTICLES,
    PAPER_HEADS,
    SHOP_HEADS,
    SHOP_NOUNS,
    SHOP_SUFFIXES,
    UNIT_HEADS,
    UNIT_WORDS,
    mark_known_organisations,
    mark_newspapers,
    mark_shops,
    mark_units,
)
from lettore.analyse.ner.street_nouns import STREET_NOUNS

# Words without which a rule has nothing to do in a sentence (it is skipped: most are).
UNIT_TRIGGERS = UNIT_HEADS | UNIT_WORDS
SHOP_TRIGGERS = SHOP_NOUNS | SHOP_HEADS | INSTITUTION_HEADS
PAPER_TRIGGERS = PAPER_HEADS | PAPER_ARTICLES
LOCALITY_TRIGGERS = LOCALITY_NOUNS | PLACE_PREPOSITIONS


def apply_local_rules(
    sentences: list[list[str]], tags: list[list[str]], gazetteer: Gazetteer
) -> list[list[str]]:
    """The tags with every local-news rule applied (a new list; `tags` is not changed)."""
    fixed = [list(sentence_tags) for sentence_tags in tags]
    for tokens, sentence_tags in zip(sentences, fixed, strict=True):
        if not tokens:
            continue
        words = set(tokens)
        lowered = {token.lower() for token in words}
        if not UNIT_TRIGGERS.isdisjoint(words):
            mark_units(tokens, sentence_tags)
        if not SHOP_TRIGGERS.isdisjoint(words) or any(w.endswith(SHOP_SUFFIXES) for w in lowered):
            mark_shops(tokens, sentence_tags, gazetteer)
        if not PAPER_TRIGGERS.isdisjoint(words):
            mark_newspapers(tokens, sentence_tags, gazetteer)
        if not STREET_NOUNS.isdisjoint(lowered):
            mark_streets(tokens, sentence_tags, gazetteer)
        if not LOCALITY_TRIGGERS.isdisjoint(lowered):
            mark_localities(tokens, sentence_tags, gazetteer)
        mark_dateline(tokens, sentence_tags, gazetteer)
        mark_known_organisations(tokens, sentence_tags, gazetteer)
    mark_municipalities(sentences, fixed, gazetteer)
    return fixed
