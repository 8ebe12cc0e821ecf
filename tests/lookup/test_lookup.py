"""Word lookup: tokens, lemmas and glosses from the installed sources, the library cache,
saved words, and the hint shown when no dictionary is installed."""

from __future__ import annotations

import pytest

from lettore.lookup.apertium import ApertiumDictionary
from lettore.lookup.freedict import FreeDict
from lettore.lookup.service import Sources, compute, install_hint, lookup_words
from lettore.lookup.tokens import content_words, word_at, words
from lettore.words import SavedWord

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


def tiny_freedict(folder, entries: list[tuple[str, str]]) -> FreeDict:
    """A dictd dictionary in FreeDict's layout, one entry per (headword, senses) pair, in order."""
    import gzip

    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def code(number: int) -> str:
        digits = ""
        while True:
            digits, number = b64[number % 64] + digits, number // 64
            if not number:
                return digits

    folder.mkdir(parents=True, exist_ok=True)
    data, index = b"", []
    for headword, senses in entries:
        entry = f"{headword} /x/\n{senses}\n".encode()
        index.append(f"{headword}\t{code(len(data))}\t{code(len(entry))}")
        data += entry
    (folder / "t.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / "t.dict.dz").write_bytes(gzip.compress(data))
    return FreeDict(folder, "t")


def test_freedict_gives_a_headwords_first_entry_only(tmp_path) -> None:
    """Later entries under a headword are pieces of phrases ("carta igienica" -> toilet paper)."""
    freedict = tiny_freedict(tmp_path, [("carta", "1. card, map\n2. menu"), ("carta", "toilet-paper"),
                                        ("carta", "blotter")])
    assert freedict.senses("carta") == ["card", "map", "menu"]


def test_function_words_get_no_freedict_phrase_fragments(tmp_path) -> None:
    """`in` is filed with "at home", "behind"... in FreeDict: a lookup of `in` shows none of them."""
    freedict = tiny_freedict(tmp_path, [("in", "at home"), ("in", "behind"), ("essere", "sit"), ("casa", "house")])
    found = compute(["in", "è", "casa"], Sources(apertium=None, freedict=freedict))
    assert found["in"].senses == () and found["è"].senses == ()
    assert found["casa"].gloss == "house"


def test_senses_are_capped_and_not_repeated(tmp_path) -> None:
    """At most MAX_SENSES senses; the same gloss twice (any case) is shown once."""
    from lettore.lookup.ranking import MAX_SENSES

    many = ", ".join(f"sense{i}" for i in range(20))
    freedict = tiny_freedict(tmp_path, [("nord", "north, North, " + many)])
    info = compute(["nord"], Sources(apertium=None, freedict=freedict))["nord"]
    assert len(info.senses) == MAX_SENSES
    assert [s.gloss for s in info.senses][:2] == ["north", "sense0"]


def test_the_sense_the_translation_uses_comes_first() -> None:
    """`detto` in "He said that...": dire/say first; in "She dictated...": dettare/dictate."""
    from lettore.lookup.ranking import english_lemmas, for_sentence
    from lettore.words import Sense, WordInfo

    info = WordInfo("detto", "dire", "verb", (Sense("say", "Apertium", "dire", "verb"),
                                              Sense("tell", "Apertium", "dire", "verb"),
                                              Sense("dictate", "Apertium", "dettare", "verb")),
                    ("Apertium",), (("dire", "verb"), ("dettare", "verb")))
    said = for_sentence(info, english_lemmas("He said that the tanks had arrived."))
    assert said.lemma == "dire" and said.senses[0].gloss == "say"
    dictated = for_sentence(info, english_lemmas("She dictated the letter."))
    assert dictated.lemma == "dettare" and dictated.senses[0].gloss == "dictate"
    assert dictated.gloss == "dictate"
    assert for_sentence(info, english_lemmas(None)) == info


@pytest.mark.skipif(not (HAS_APERTIUM and HAS_FREEDICT), reason="apertium and dict-freedict-ita-eng needed")
def test_real_dictionaries_give_in_and_e_without_noise() -> None:
    """The issue's examples: `in` -> in, on (not "at home, behind..."); `è` -> be (not "sit, avail")."""
    found = compute(["in", "è"], Sources())
    assert found["in"].gloss.startswith("in") and "at home" not in found["in"].gloss
    assert found["è"].gloss == "be" and "sit" not in found["è"].gloss


def test_lookups_cached_before_the_ranking_rule_are_made_again(library, tmp_path) -> None:
    """A cached answer from the noisy rule ("in" -> at home...) is not served any more."""
    import json

    library.conn.execute(
        "INSERT INTO glosses (word, lemma, pos, senses, sources, created) VALUES (?, ?, ?, ?, ?, ?)",
        ("in", "in", None, json.dumps({"senses": [{"gloss": "at home", "source": "FreeDict", "lemma": "in",
                                                   "pos": None}], "readings": []}), json.dumps(["FreeDict"]), 0.0),
    )
    library.conn.commit()
    freedict = tiny_freedict(tmp_path, [("in", "at home")])
    assert lookup_words(library, ["in"], Sources(apertium=None, freedict=freedict))["in"].senses == ()


def test_a_word_inside_a_name_is_looked_up_as_the_name() -> None:
    """`Un` of "Kim Jong Un" is the person, not a determiner; a date is still words."""
    from lettore.lookup.entities import entity_at, entity_info
    from lettore.model import Entity

    sentence = "Di recente Kim Jong Un è apparso il 3 maggio a Pyongyang."
    kim = Entity("Kim Jong Un", "PER", 0, 0, sentence.index("Kim"), sentence.index("Kim") + 11)
    date = Entity("3 maggio", "DATE", 0, 0, sentence.index("3 maggio"), sentence.index("3 maggio") + 8)
    place = Entity("Pyongyang", "LOC", 0, 0, sentence.index("Pyongyang"), sentence.index("Pyongyang") + 9,
                   english="Pyongyang")
    un = sentence.index("Un ")
    assert entity_at([date, kim, place], un, un + 2) == kim
    maggio = sentence.index("maggio")
    assert entity_at([date, kim, place], maggio, maggio + 6) is None
    info = entity_info(kim)
    assert (info.lemma, info.pos, info.gloss) == ("Kim Jong Un", "proper noun: person", "Kim Jong Un")
    assert entity_info(place).pos == "proper noun: place"
