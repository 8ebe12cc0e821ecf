"""A word inside a named entity is looked up as the entity: the `Un` of "Kim Jong Un" is
part of a person's name, not the determiner `un`."""

from __future__ import annotations

from collections.abc import Iterable

from lettore.model import Entity
from lettore.words import Sense, WordInfo

SOURCE = "entities"
# Names only: a date or an amount is still looked up word by word.
NAMED_LABELS = {
    "PER": "person", "ORG": "organisation", "LOC": "place", "GPE": "place", "MISC": "name",
}


def entity_at(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The named entity of the sentence covering the word at [start, end), if any."""
    for entity in entities:
        if entity.label in NAMED_LABELS and entity.start <= start and end <= entity.end:
            return entity
    return None


def entity_info(entity: Entity) -> WordInfo:
    """The entity as a lookup answer: its name, what it is, its English form."""
    kind = f"proper noun: {NAMED_LABELS.get(entity.label, 'name')}"
    english = entity.english or entity.text
    return WordInfo(
        word=entity.text, lemma=entity.text, pos=kind,
        senses=(Sense(english, "Name", entity.text, kind),), sources=(SOURCE,),
    )
