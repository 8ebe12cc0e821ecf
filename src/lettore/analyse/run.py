"""The import-time analysis of one article: named entities (the shipped tagger), typed
expressions (dates, money, quantities, codes), English place names (of places, and of
countries tagged as organisations), then claims."""

from __future__ import annotations

from lettore.model import Article, Claim, Entity, Translation


def find_entities(article: Article) -> list[Entity]:
    """Tagger and rule entities for every sentence, in text order, rules winning overlaps."""
    from lettore.analyse.ner import Tagger
    from lettore.analyse.places import english_country_name, english_place_name
    from lettore.analyse.rules import find_rule_entities

    located = [(b.index, s) for b in article.blocks for s in b.sentences]
    tagged = Tagger.load().tag_document([s.text for _, s in located])
    entities: list[Entity] = []
    for (block, sentence), spans in zip(located, tagged):
        rule_entities = [e._replace(block=block, sentence=sentence.index) for e in find_rule_entities(sentence.text)]
        taken = [(e.start, e.end) for e in rule_entities]
        found = list(rule_entities)
        for start, end, label in spans:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            text = sentence.text[start:end]
            english = english_place_name(text) if label == "LOC" else None
            if label == "ORG":  # a country the tagger calls an organisation (`la Cina`)
                english = english_country_name(text)
            found.append(Entity(text, label, block, sentence.index, start, end, None, english))
        found.sort(key=lambda e: (e.start, e.end))
        entities.extend(found)
    return entities


def analyse_article(
    article: Article, translations: dict[tuple[int, int], Translation]
) -> tuple[list[Entity], list[Claim]]:
    """Entities, then the claims that use them."""
    from lettore.analyse.claims import extract_claims

    entities = find_entities(article)
    return entities, extract_claims(article, entities, translations)
