"""The entity panel lists each entity once: short names and acronyms join their full form."""

from __future__ import annotations

from lettore.analyse.grouping import group_entities
from lettore.model import Entity


def _e(text: str, label: str, block: int, sentence: int = 0, start: int = 0) -> Entity:
    return Entity(text, label, block, sentence, start, start + len(text))


def _names(groups: list) -> dict[str, int]:
    return {g.name: len(g.mentions) for g in groups}


def test_surname_joins_full_name() -> None:
    groups = group_entities([_e("Kim Jong Un", "PER", 0), _e("Kim", "PER", 1), _e("Kim", "PER", 2),
                             _e("kim  jong-un", "PER", 3)])
    assert len(groups) == 1
    group = groups[0]
    assert (group.label, group.name, len(group.mentions)) == ("PER", "Kim Jong Un", 4)
    assert "Kim" in group.aliases


def test_ambiguous_short_name_stays_apart() -> None:
    groups = group_entities([_e("Kim Jong Un", "PER", 0), _e("Kim Yo Jong", "PER", 1),
                             _e("Kim", "PER", 2)])
    assert _names(groups) == {"Kim Jong Un": 1, "Kim Yo Jong": 1, "Kim": 1}


def test_acronym_joins_its_initials() -> None:
    groups = group_entities([_e("KCNA", "ORG", 0), _e("Korean Central News Agency", "ORG", 1),
                             _e("ONU", "ORG", 2), _e("Organizzazione delle Nazioni Unite", "ORG", 3),
                             _e("NATO", "ORG", 4)])
    assert _names(groups) == {"Korean Central News Agency": 2,
                              "Organizzazione delle Nazioni Unite": 2, "NATO": 1}
    kcna = next(g for g in groups if g.name.startswith("Korean"))
    assert kcna.aliases == ("KCNA",)


def test_bracketed_acronym_after_name_joins_it() -> None:
    # "l'Agenzia telegrafica centrale coreana (KCNA) ... la KCNA"
    name = _e("Agenzia telegrafica centrale coreana", "ORG", 0, 0, 2)
    bracketed = _e("KCNA", "ORG", 0, 0, name.end + 2)
    later = _e("KCNA", "ORG", 1, 0, 3)
    groups = group_entities([later, bracketed, name])
    assert _names(groups) == {"Agenzia telegrafica centrale coreana": 3}


def test_labels_kept_apart_and_sorted() -> None:
    groups = group_entities([_e("Roma", "LOC", 2), _e("Giorgia Meloni", "PER", 0),
                             _e("Meloni", "PER", 1), _e("Roma", "ORG", 3),
                             _e("ANSA", "ORG", 1), _e("Pechino", "LOC", 0)])
    assert [(g.label, g.name) for g in groups] == [
        ("LOC", "Pechino"), ("LOC", "Roma"), ("ORG", "ANSA"), ("ORG", "Roma"),
        ("PER", "Giorgia Meloni")]
    assert groups[-1].key == "PER:giorgia meloni"
    assert len(groups[-1].mentions) == 2


def test_empty() -> None:
    assert group_entities([]) == []
