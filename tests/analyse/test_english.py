"""Finding the Italian analysis in the English translation: cues, figures, entities."""

from __future__ import annotations

from lettore.analyse.english import (
    english_cue_spans,
    english_figure_spans,
    entities_in_translation,
    entity_translation_span,
)
from lettore.model import Entity


def shown(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The marked pieces of a text."""
    return [text[start:end] for start, end in spans]


def test_a_reporting_cue_is_found_by_its_english_renderings() -> None:
    english = "The minister said on Monday, and later stressed, that talks had failed."
    assert set(shown(english, english_cue_spans("ha dichiarato", english))) == {"said"}
    assert set(shown(english, english_cue_spans("ha sottolineato", english))) == {"stressed"}
    assert english_cue_spans("ha mangiato", english) == []


def test_a_figure_is_found_as_english_writes_it_not_inside_larger_numbers() -> None:
    english = "Not 12,000 but 2,000 troops, and twenty billion dollars."
    assert shown(english, english_figure_spans(2000, english)) == ["2,000"]
    assert shown(english, english_figure_spans(20_000_000_000, english)) == ["twenty billion"]


def test_entities_are_found_by_english_name_or_as_written_each_once() -> None:
    english = "Kim met Putin in Moscow; Kim left."
    kim = Entity("Kim", "PER", 0, 0, 0, 3)
    moscow = Entity("Mosca", "LOC", 0, 0, 10, 15, english="Moscow")
    found = entities_in_translation([kim, moscow, kim], english)
    assert [(english[s:e], entity.label) for (s, e), entity in found] == [("Kim", "PER"), ("Moscow", "LOC"),
                                                                           ("Kim", "PER")]
    assert found[0][0] != found[2][0]  # the second Kim is the second mention


def test_money_is_found_as_an_english_figure() -> None:
    english = "It cost 20 billion dollars."
    money = Entity("20 miliardi di dollari", "MONEY", 0, 0, 0, 22, value=20_000_000_000)
    span = entity_translation_span(money, english, [])
    assert span is not None and english[span[0]:span[1]].startswith("20 billion")
    assert entity_translation_span(Entity("Roma", "LOC", 0, 0, 0, 4), english, []) is None
