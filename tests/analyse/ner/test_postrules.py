"""The local-news rules never crash, never change their input and always leave valid IOB2."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lettore.analyse.ner.gazetteer import Gazetteer
from lettore.analyse.ner.lexicon import Lexicon
from lettore.analyse.ner.postrules import apply_local_rules

WORDS = [
    "via", "Via", "piazza", "A.", "e", "D.", "Ferrari", "di", "Carpi", "CARPI", ".", ",", "-", "a",
    "Fanano", "bar", "Mo", "Ka", "Caffé", "Squadra", "Volante", "La", "Pressa", "Gazzetta", "frazione",
    "località", "da", "Mario", "ditta", "Rossi", "portando", "nord", "ai", "Torrazzi", "Consorzio", "«",
]
TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]


def gazetteer() -> Gazetteer:
    lexicon = Lexicon()
    lexicon.add_name("Mario", "FIRST")
    lexicon.add_name("Modena", "ITCITY")
    return Gazetteer(lexicon, ["Carpi", "Fanano", "Rio Saliceto"])


def valid_iob2(tags: list[str]) -> bool:
    """Every I- tag continues an entity of its own label."""
    return all(
        not tag.startswith("I-") or (k > 0 and tags[k - 1][2:] == tag[2:] and tags[k - 1] != "O")
        for k, tag in enumerate(tags)
    )


def repaired(tags: list[str]) -> list[str]:
    """Random tags made valid IOB2: an I- that continues nothing becomes B-."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


tagged_sentence = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(tagged_sentence, max_size=4))
@example([[("frazione", "B-PER"), ("di", "B-LOC"), ("via", "I-LOC")]])  # once left an orphan I- tag
@example([[("frazione", "B-PER"), ("di", "B-PER"), ("via", "I-PER")]])
def test_rules_keep_iob2_valid_and_the_input_intact(article: list[list[tuple[str, str]]]) -> None:
    sentences = [[word for word, _ in pairs] for pairs in article]
    tags = [repaired([tag for _, tag in pairs]) for pairs in article]
    before = [list(t) for t in tags]
    fixed = apply_local_rules(sentences, tags, gazetteer())
    assert tags == before
    assert [len(t) for t in fixed] == [len(s) for s in sentences]
    assert all(valid_iob2(t) for t in fixed)
    assert all(tag in TAGS for t in fixed for tag in t)


def test_a_street_with_initials_replaces_what_the_tagger_split() -> None:
    tokens = "in via A. e D. Ferrari ieri".split()
    tags = ["O", "B-LOC", "I-LOC", "O", "B-PER", "I-PER", "O"]
    street = ["B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC"]
    assert apply_local_rules([tokens], [tags], gazetteer())[0] == ["O", *street, "O"]


def test_a_dateline_the_tagger_took_for_an_organisation_is_a_place() -> None:
    assert apply_local_rules([["CARPI", "."]], [["B-ORG", "O"]], gazetteer())[0] == ["B-LOC", "O"]


def test_an_untagged_name_of_the_organisation_list_is_an_organisation() -> None:
    lexicon = Lexicon()
    lexicon.add_name("Croce Rossa", "ORG")
    tokens = "i volontari della Croce Rossa sono arrivati".split()
    tags = apply_local_rules([tokens], [["O"] * len(tokens)], Gazetteer(lexicon, []))[0]
    assert tags[3:5] == ["B-ORG", "I-ORG"]
