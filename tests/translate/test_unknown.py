"""Words the it->es->en pivot does not know, looked up through the Catalan pair."""

from __future__ import annotations

import shutil

import pytest

from lettore.translate.engines.apertium import ApertiumEngine
from lettore.translate.unknown import CATALAN_MODES, accepted, fill, look_up, marked_words, strip_marks


def _has_catalan() -> bool:
    return shutil.which("apertium") is not None and set(CATALAN_MODES) <= ApertiumEngine().modes()


needs_catalan = pytest.mark.skipif(not _has_catalan(), reason="needs apertium-cat-ita and apertium-eng-cat")


def test_marked_words_are_the_italian_unknowns_once_each():
    spanish = "La *clavicola del *leader y la *clavicola de *Londra, #‘*ok, a*b."
    assert marked_words(spanish) == ["clavicola", "leader", "Londra", "ok"]


def test_marks_are_removed_unless_the_source_holds_the_character():
    assert strip_marks("El *gatto de Martin#’s", "Il gatto di Martin’s") == "El gatto de Martin’s"
    assert strip_marks("El #calcio y la *polizia", "Il #calcio e la polizia") == "El #calcio y la polizia"


@pytest.mark.parametrize(("word", "english", "kept"), [
    ("clavicola", "clavicle", "clavicle"),
    ("affrettò", "it warmed up", "warmed up"),
    ("Cina", "China", "China"),
    ("Artico", "The Arctic", "Arctic"),
    ("Villarreal", "Villa-real", None),       # a name split in two is not a place's English
    ("Londra", "london", None),                # a capital must come back capitalised
    ("clavicola", "*clavicola", None),         # the Catalan pair does not know it either
    ("gatto", "gatto", None),
    ("richiamare", "to return at calling to", None),
])
def test_a_lookup_is_accepted_only_when_it_is_a_translation(word, english, kept):
    assert accepted(word, english) == kept


def test_look_up_asks_once_for_all_words_and_drops_what_did_not_translate():
    calls = []

    def run(text, modes):
        calls.append((text, tuple(modes)))
        return "clavicle\n\n*sbranato\n\nLondon\n"

    assert look_up(["clavicola", "sbranato", "Londra"], run) == {"clavicola": "clavicle", "Londra": "London"}
    assert calls == [("clavicola\n\nsbranato\n\nLondra\n", CATALAN_MODES)]


def test_english_loans_figures_and_short_words_are_not_looked_up():
    asked = []
    look_up(["leader", "staff", "2019bis", "ok", "orso"], lambda text, modes: asked.append(text) or "bear\n")
    assert asked == ["orso\n"]


def test_a_lookup_that_loses_alignment_is_not_used():
    assert look_up(["clavicola", "Londra"], lambda text, modes: "clavicle London\n") == {}


def test_fill_puts_whole_words_in_and_mends_the_article():
    english = "A automobilisti saw a orso near Londra and Londrasud."
    found = {"automobilisti": "motorist", "orso": "bear", "Londra": "London"}
    assert fill(english, ["automobilisti", "orso", "Londra", "gatto"], {**found, "orso": "ugly bear"}) == (
        "A motorist saw an ugly bear near London and Londrasud.")


@needs_catalan
def test_apertium_translates_words_its_pivot_lacks_through_catalan():
    texts = ["Il calciatore si è rotto la clavicola.", "Gli automobilisti hanno visto un orso a Londra."]
    plain = dict(ApertiumEngine(post_edits=False, look_up_unknown=False).translate_stream(texts, "it", "en"))
    assert "clavicola" in plain[0] and "Londra" in plain[1]
    out = dict(ApertiumEngine(post_edits=False).translate_stream(texts, "it", "en"))
    assert "clavicle" in out[0] and "motorists" in out[1] and "London" in out[1]
