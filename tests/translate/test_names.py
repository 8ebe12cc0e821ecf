"""Names kept by the offline chain: placeholders through Apertium, hints from entities, the name check."""

from __future__ import annotations

import shutil

import pytest

from fakes.articles import make_article
from lettore.config import Settings
from lettore.model import Entity
from lettore.translate.engines.apertium import ApertiumEngine
from lettore.translate.engines.base import TextHints
from lettore.translate.names import hints_from_entities, missing_names, name_parts
from lettore.translate.prepare import prepare_articles
from lettore.translate.protect import PLACEHOLDERS, protect, restore

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="needs apertium")


def test_protect_swaps_names_for_placeholders_absent_from_the_text():
    text = "Paolo Rossi ha visto Laura Bianchi e Rossi a San Donato."
    guarded, slots = protect(text, ["Laura Bianchi", "San Donato"], [("Roma", "Rome")])
    assert "Bianchi" not in guarded and "San Donato" not in guarded
    assert all(slot.placeholder != "Paolo" for slot in slots)
    assert restore(guarded, slots) == text


def test_a_term_is_put_back_in_english():
    guarded, slots = protect("Il papa vive a Roma.", [], [("Roma", "Rome")])
    assert restore(guarded.replace("Il papa vive a", "The pope lives in"), slots) == "The pope lives in Rome."


def test_more_names_than_placeholders_leaves_the_rest_as_they_are():
    names = [f"Nome{i}" for i in range(len(PLACEHOLDERS) + 3)]
    text = " ".join(names)
    guarded, slots = protect(text, names)
    assert len(slots) == len(PLACEHOLDERS) and restore(guarded, slots) == text


@pytest.mark.parametrize(("entity", "parts"), [
    ("Kim Jong Un", ["Kim Jong Un"]),
    ("St. Martin's", ["St. Martin's"]),
    ("Università del Michigan", ["Michigan"]),
    ("KSWB-TV di San Diego", ["San Diego"]),
    ("partito conservatore gallese", []),
])
def test_name_parts_keep_only_the_name_words(entity, parts):
    assert name_parts(entity) == parts


def test_hints_keep_people_and_give_places_their_english_name():
    entities = [Entity("Laura Bianchi", "PER", 1, 0, 11, 24), Entity("Russia", "LOC", 1, 0, 30, 36,
                                                                     english="Russia"),
                Entity("Germania", "LOC", 1, 1, 0, 8, english="Germany"), Entity("lunedì", "DATE", 1, 0, 0, 6)]
    hints = hints_from_entities(entities)
    assert hints[(1, 0)].keep == ("Laura Bianchi",) and hints[(1, 0)].terms == (("Russia", "Russia"),)
    assert hints[(1, 1)].terms == (("Germania", "Germany"),)


def test_a_country_tagged_as_an_organisation_gets_its_english_name():
    from lettore.analyse.places import english_country_name

    names = ["Messico", "Ferrari", "USA", "Napoli"]
    found = {name: english_country_name(name) for name in names}
    assert found == {"Messico": "Mexico", "Ferrari": None, "USA": None, "Napoli": None}
    # the import-time analysis stores it on the entity; the hints read it from there
    hints = hints_from_entities([Entity(name, "ORG", 1, 0, 10 * k, 10 * k + len(name), None, found[name])
                                 for k, name in enumerate(names)])
    assert hints[(1, 0)].terms == (("Messico", "Mexico"),) and hints[(1, 0)].keep == ("Ferrari", "USA", "Napoli")


def test_missing_names_are_whole_words():
    assert missing_names("Laura White spoke to Rossini.", ["Laura Bianchi", "Rossi"]) == ["Laura Bianchi", "Rossi"]
    assert missing_names("Laura Bianchi met Rossi.", ["Laura Bianchi", "Rossi"]) == []


@needs_apertium
def test_apertium_keeps_the_names_it_used_to_translate():
    texts = ["Il sindaco Laura Bianchi ha parlato lunedì a San Donato.",
             "La foto Rossi mostra i carri armati di Kim Jong Un."]
    hints = [TextHints(keep=("Laura Bianchi", "San Donato")), TextHints(keep=("Rossi", "Kim Jong Un"))]
    raw = dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))
    assert "Laura White" in raw[0] and "Kim Jong Un" not in raw[1]  # what the pivot does alone
    out = dict(ApertiumEngine().translate_stream(texts, "it", "en", hints=hints))
    assert "Laura Bianchi" in out[0] and "San Donato" in out[0]
    assert "Rossi" in out[1] and "Kim Jong Un" in out[1]


@needs_apertium
def test_prepare_protects_the_names_of_the_stored_analysis(library):
    article_id, _ = library.add_article(make_article("Titolo", ["Laura Bianchi ha parlato a San Donato."]))
    library.set_analysis(article_id, [Entity("Laura Bianchi", "PER", 1, 0, 0, 13),
                                      Entity("San Donato", "LOC", 1, 0, 28, 38)], [])
    prepare_articles(library, Settings(), [article_id], ["apertium"])
    text = library.translations(article_id)[(1, 0)].text
    assert "Laura Bianchi" in text and "San Donato" in text


@pytest.mark.parametrize(("pivot", "english"), [
    ("Hillary Clinton has written Monday a letter.", "Hillary Clinton wrote on Monday a letter."),
    ("The mayor has affirmed that the law has been approved.", "The mayor said that the law was approved."),
    ("He would have done it.", "He would have done it."),
    ("They have to go.", "They have to go."),
    ("The polizia arrived in United States.", "Police arrived in the United States."),
    ("He said “yes” , then left.", "He said “yes”, then left."),
    ("The ministry has forbidden the march and has signalled a new date.",
     "The ministry forbade the march and signalled a new date."),  # any verb, spelling kept
    ("The prices have risen since the strike has begun.", "The prices rose since the strike began."),
    ("The mayor has news and has to leave.", "The mayor has news and has to leave."),
    ("The police defends the democracy, the people of Rome and the people.",
     "Police defends democracy, the people of Rome and people."),
    ("The court has not accepted and the votes have not been counted.",
     "The court did not accept and the votes were not counted."),
    ("It cost 2,5 millardos, 10.000 euros and 1.234,5 at 4.30.",
     "It cost 2.5 billion, 10,000 euros and 1,234.5 at 4.30."),
    ("The pesquisa continues refinado to Friday.", "The investigation continues up to Friday."),
    ("The squad dipped the ball in the net.", "The team put the ball in the net."),
    ("Among the wounded there is a boy, among 10 and 11 years.",
     "Among the wounded there is a boy, between 10 and 11 years."),  # `between` for two things only
    ("The Friday in the morning further of the 40 percent voted, as in the 2016.",
     "On Friday morning more than 40 percent voted, as in 2016."),
    ("The past year, the 3 May, and in the years ‘90.", "Last year, the 3 May, and in the 1990s."),
    ("The ex mayor said me that he has said to the council that he is in degree to win.",
     "The former mayor told me that he told the council that he is able to win."),
    ("It treats of a goal to the 21º small, not to the 12º small.",
     "It is a goal to the 21st minute, not to the 12th minute."),
])
def test_post_edits_mend_the_pivots_systematic_errors(pivot, english):
    from lettore.translate.postedit import post_edit

    assert post_edit(pivot) == english


def test_sentence_hints_add_capitalised_runs_the_tagger_missed_and_glossary_terms():
    from lettore.translate.names import sentence_hints

    text = "Il Liverpool gioca in Premier League contro i carri armati di Kim Jong Un."
    hint = sentence_hints(text, TextHints(keep=("Kim Jong Un",)), {"carri armati": "tanks"})
    assert hint.keep == ("Kim Jong Un", "Premier League")
    assert hint.terms == (("carri armati", "tanks"),)


@needs_apertium
def test_apertium_keeps_a_percentage_the_pivot_drops():
    text = ["Il 12% degli elettori ha votato."]
    assert "12 percent" not in dict(ApertiumEngine(protect=False).translate_stream(text, "it", "en"))[0]
    assert "12 percent" in dict(ApertiumEngine().translate_stream(text, "it", "en"))[0]


@needs_apertium
def test_apertium_turns_local_news_thousands_into_figures_the_check_finds():
    from lettore.analyse.claims.check import number_mismatches

    text = ["I ladri sono fuggiti con circa 3mila euro e 1,5mila gratta e vinci."]
    raw = dict(ApertiumEngine(protect=False).translate_stream(text, "it", "en"))[0]
    english = dict(ApertiumEngine().translate_stream(text, "it", "en"))[0]
    assert "3,000" in english and "1,500" in english, english
    assert "3mila" in raw and number_mismatches(text[0], raw)
    assert number_mismatches(text[0], english) == []


@pytest.mark.parametrize(("entity", "label", "parts"), [
    ("Castelnovo ne' Monti", "LOC", ["Castelnovo ne' Monti"]),
    ("via dell'Artigianato", "LOC", ["via dell'Artigianato"]),
    ("ospedale Sant'Anna", "LOC", ["Sant'Anna"]),
    ("Leonardo da Vinci", "PER", ["Leonardo da Vinci"]),
    ("Gazzetta di Reggio", "ORG", ["Gazzetta", "Reggio"]),
    ("KSWB-TV di San Diego", "ORG", ["KSWB-TV", "San Diego"]),
    ("Università del Michigan", "ORG", ["Michigan"]),
])
def test_names_with_lowercase_words_keep_what_english_keeps(entity: str, label: str, parts: list[str]) -> None:
    assert name_parts(entity, label) == parts
