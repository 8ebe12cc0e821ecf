"""Word lookup: tokens, lemmas and glosses from the installed sources, the library cache,
saved words, and the hint shown when no dictionary is installed."""

from __future__ import annotations

import pytest

from lettore.lookup.apertium import ApertiumDictionary
from lettore.lookup.entry import SavedWord
from lettore.lookup.freedict import FreeDict
from lettore.lookup.service import Sources, compute, install_hint, lookup_words
from lettore.lookup.tokens import content_words, word_at, words

HAS_APERTIUM = ApertiumDictionary().available()
HAS_FREEDICT = FreeDict().available()


def test_words_keep_offsets_and_elisions() -> None:
    """Elided articles stay one token with their apostrophe; offsets cut the original."""
    text = "Dell'esercito, 3 carri armati."
    found = words(text)
    assert [w.text for w in found] == ["Dell'", "esercito", "carri", "armati"]
    assert all(text[w.start : w.end] == w.text for w in found)


def test_content_words_skip_function_words() -> None:
    """The vocabulary list shows meaning words only."""
    text = "Il governo ha detto che le case della città costano di più."
    assert [w.text for w in content_words(text)] == ["governo", "detto", "case", "città", "costano"]


def test_word_at_offset() -> None:
    """A click inside a word finds that word; a click on a space finds none."""
    text = "Le case costano"
    assert word_at(text, 4).text == "case"
    assert word_at(text, 2) is None


def test_no_sources_gives_lemma_and_install_hint() -> None:
    """Without dictionaries the lemma still comes from simplemma and the hint names packages."""
    sources = Sources(apertium=None, freedict=None)
    info = compute(["costano"], sources)["costano"]
    assert info.lemma == "costare"
    assert info.senses == ()
    hint = install_hint(sources)
    assert hint and "apertium-spa-ita" in hint and "dict-freedict-ita-eng" in hint


def test_missing_files_count_as_not_installed(tmp_path) -> None:
    """Dictionaries pointed at an empty folder are unavailable, not an error."""
    sources = Sources(ApertiumDictionary(tmp_path), FreeDict(tmp_path))
    assert sources.names() == ()
    assert compute(["case"], sources)["case"].senses == ()


@pytest.mark.skipif(not HAS_APERTIUM, reason="apertium-spa-ita / apertium-eng-spa not installed")
def test_apertium_lemma_pos_and_glosses() -> None:
    """An inflected form goes to its lemma and English through Spanish."""
    info = compute(["case", "governo"], Sources(freedict=None))
    assert (info["case"].lemma, info["case"].pos) == ("casa", "noun")
    assert "house" in info["case"].gloss
    assert "government" in info["governo"].gloss
    assert {s.source for s in info["case"].senses} == {"Apertium"}


@pytest.mark.skipif(not HAS_FREEDICT, reason="dict-freedict-ita-eng not installed")
def test_freedict_senses() -> None:
    """FreeDict gives senses for a headword."""
    assert "house" in FreeDict().senses("casa")
    assert FreeDict().senses("zzzz") == []


@pytest.mark.skipif(not HAS_APERTIUM, reason="apertium not installed")
def test_lookups_are_cached_in_the_library(library) -> None:
    """The second lookup is answered from the library even when the sources vanish."""
    first = lookup_words(library, ["case"], Sources(freedict=None))["case"]

    class Broken(ApertiumDictionary):
        def analyse(self, forms):  # pragma: no cover - must not run
            raise AssertionError("the cache should have answered")

    again = lookup_words(library, ["Case"], Sources(apertium=Broken(), freedict=None))["case"]
    assert again == first


def test_saved_words_round_trip_without_duplicates(library) -> None:
    """Saving the same lemma with the same sentence twice keeps one entry."""
    from lettore.store.words import delete_saved_word, save_word, saved_words

    word = SavedWord("case", "casa", "noun", "house, home", "Le case costano.", "Houses cost.")
    assert save_word(library, word) is True
    assert save_word(library, word) is False
    kept = saved_words(library)
    assert [(w.lemma, w.sentence) for w in kept] == [("casa", "Le case costano.")]
    delete_saved_word(library, kept[0].id)
    assert saved_words(library) == []
