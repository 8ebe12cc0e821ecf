"""Grammatical repairs of the it->es->en pivot (`pivot_grammar.py`), through post_edit as the engine applies them."""

from __future__ import annotations

import shutil

import pytest

from lettore.translate.engines.apertium import ApertiumEngine
from lettore.translate.pivot_marks import THEIR_MARK, mark_their
from lettore.translate.postedit import RULES, post_edit, pre_edit

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="needs apertium")


@pytest.mark.parametrize(("italian", "marked"), [
    ("Hanno venduto la loro barca.", f"Hanno venduto {THEIR_MARK} la loro barca."),
    ("Parlano dei loro nonni e nell’loro orto.", f"Parlano {THEIR_MARK} dei loro nonni e {THEIR_MARK} nell’loro orto."),
    # the pronoun (`a loro`) gets no mark
    ("Il loro cane abbaia; lo diamo a loro.", f"{THEIR_MARK} Il loro cane abbaia; lo diamo a loro."),
    ("Sono partiti a causa delle loro paure.", "Sono partiti a causa delle loro paure."),  # a locution stays whole
    ("Tornano dopo l’inizio dei loro corsi.", "Tornano dopo l’inizio dei loro corsi."),
])
def test_possessive_loro_is_marked_before_its_article_only(italian, marked):
    assert mark_their(italian) == marked


@pytest.mark.parametrize(("pivot", "english"), [
    (f"The farmers sold {THEIR_MARK} his cows and {THEIR_MARK} of his land.",
     "The farmers sold their cows and of their land."),
    (f"{THEIR_MARK} His garden is small; his dog is not.", "Their garden is small; his dog is not."),
])
def test_the_his_after_a_loro_mark_becomes_their(pivot, english):
    assert post_edit(pivot) == english


def test_a_mark_never_reaches_the_reader_even_with_its_rule_skipped():
    assert THEIR_MARK not in post_edit(f"They lost {THEIR_MARK} the keys.", skip=list(RULES))


@needs_apertium
def test_apertium_says_their_for_loro_and_his_for_suo():
    texts = ["Gli operai hanno chiuso la loro fabbrica.", "Il sindaco ha chiuso la sua fabbrica."]
    raw = dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))
    assert "his factory" in raw[0]  # Spanish `su` for both
    out = dict(ApertiumEngine().translate_stream(texts, "it", "en"))
    assert "their factory" in out[0] and "his factory" in out[1]
    assert THEIR_MARK not in out[0] and pre_edit(texts[1]) == texts[1]


@pytest.mark.parametrize(("pivot", "english"), [
    ("Members of Commission met in Senate.", "Members of the Commission met in the Senate."),
    ("Commission said: “Navy and European Union agree.",
     "The Commission said: “The Navy and the European Union agree."),
    ("His Government and a Supreme Court, the Red Cross, Congress and Attorney General Ann Lee.",
     "His Government and a Supreme Court, the Red Cross, Congress and Attorney General Ann Lee."),
])
def test_an_institution_gets_the_article_the_protection_lost(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("A woman of 71 years met a boy of 8 years.", "A 71-year-old woman met an 8-year-old boy."),
    ("The farmer of 55 years old has a plan of 10 years.", "The 55-year-old farmer has a plan of 10 years."),
    ("A diciottenne and the nurse 27enne met two ventiseienni.",
     "An 18-year-old and the 27-year-old nurse met two 26-year-olds."),
    ("The quarantatreenne and the 60-enne.", "The 43-year-old and the 60-year-old."),
])
def test_ages_come_before_the_noun_as_english_says_them(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("Would have to rain; the club would have to pay.", "Should rain; the club should pay."),
    ("The bridge would have had to have been closed.", "The bridge should have been closed."),
    ("He would have liked to go.", "He would have liked to go."),
])
def test_conditional_dovere_is_should(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("pivot", "english"), [
    ("The nurses thanked the people that helped, the doctors, that were tired.",
     "The nurses thanked the people who helped, the doctors, who were tired."),
    ("The road that crosses the town and the idea that people love.",
     "The road that crosses the town and the idea that people love."),
])
def test_that_after_a_person_is_who(pivot, english):
    assert post_edit(pivot) == english


def test_impersonal_si_with_che_is_marked_and_comes_out_passive():
    from lettore.translate.pivot_marks import IMPERSONAL_MARK, mark_impersonal

    assert mark_impersonal("Si teme che piova, e si dice che nevichi.") == (
        f"{IMPERSONAL_MARK} Si teme che piova, e {IMPERSONAL_MARK} si dice che nevichi.")
    assert mark_impersonal("Si lava le mani e si prevede un calo.") == "Si lava le mani e si prevede un calo."
    assert post_edit(f"{IMPERSONAL_MARK} Foresees that it rains, and {IMPERSONAL_MARK} it says that it snows.") == (
        "It is expected that it rains, and it is said that it snows.")


@needs_apertium
def test_apertium_says_it_is_thought_for_si_pensa_che():
    texts = ["Si pensa che il ponte sia chiuso."]
    assert "It thinks" in dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))[0]
    assert dict(ApertiumEngine().translate_stream(texts, "it", "en"))[0].startswith("It is thought that")


@pytest.mark.parametrize(("pivot", "english"), [
    ("It was the one who was can vote; ask to was the one who was knows.", "Anyone can vote; ask to anyone knows."),
    ("The boy no <prn> would have done it.", "The boy would not have done it."),
    ("They saw a moment historical, the area seismic and an example typical.",
     "They saw a historical moment, the seismic area and a typical example."),
    ("The man able to vote was a mayor happy with it.", "The man able to vote was a mayor happy with it."),
    ("Florida Fish and Wildlife Commission met the ocean Pacific.",
     "Florida Fish and Wildlife Commission met the ocean Pacific."),
])
def test_more_of_the_pivots_constructions(pivot, english):
    assert post_edit(pivot) == english


@pytest.mark.parametrize(("italian", "edited"), [
    ("Vorrei ringraziare tutti, ma non mi sentivo bene.", "Io vorrei ringraziare tutti, ma io non mi sentivo bene."),
    ("Ha detto: “Non ero pronto”.", "Ha detto: “Io non ero pronto”."),
    ("Io non ero pronto e te lo dico io.", "Io non ero pronto e te lo dico io."),  # the subject is there
    ("Il credo degli aerei e il vedo.", "Il credo degli aerei e il vedo."),  # nouns, not verbs
    ("Non posso dire se mi sarei fermato.", "Io non posso dire se io mi sarei fermato."),  # `se`: `if`
])
def test_a_first_person_verb_the_pivot_would_make_third_gets_io(italian, edited):
    from lettore.translate.italian_pre_edits import first_person_subject

    assert first_person_subject(italian) == edited


@needs_apertium
def test_apertium_says_i_for_an_italian_first_person_imperfect():
    texts = ["Non potevo dormire."]
    assert "It could not" in dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))[0]
    assert dict(ApertiumEngine().translate_stream(texts, "it", "en"))[0].startswith("I could not")


@pytest.mark.parametrize(("italian", "edited"), [
    ("La torta viene tagliata e i pezzi vengono subito serviti.", "La torta è tagliata e i pezzi sono subito serviti."),
    ("Venne eletto nel 2010 e verrà rieletto.", "Fu eletto nel 2010 e sarà rieletto."),
    ("Viene a Roma e vengono con noi.", "Viene a Roma e vengono con noi."),  # motion, not a passive
])
def test_the_venire_passive_becomes_essere(italian, edited):
    from lettore.translate.italian_pre_edits import venire_passive

    assert venire_passive(italian) == edited


@needs_apertium
def test_apertium_says_is_closed_for_viene_chiuso():
    texts = ["Il ponte viene chiuso ogni notte."]
    assert "is closed" not in dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))[0]
    assert "is closed" in dict(ApertiumEngine().translate_stream(texts, "it", "en"))[0]


@pytest.mark.parametrize(("italian", "edited"), [
    ("Il prezzo è rimasto alto e le vendite sono già cresciute.",
     "Il prezzo ha rimasto alto e le vendite hanno già cresciuto."),
    ("Sono nato qui; era diminuita.", "Ho nato qui; aveva diminuito."),
    # not `successo`: `aveva successo` is `had success`
    ("È stato un successo ed è successo ieri.", "È stato un successo ed è successo ieri."),
])
def test_essere_compounds_the_pivot_takes_for_passives_get_avere(italian, edited):
    from lettore.translate.italian_pre_edits import essere_as_avere

    assert essere_as_avere(italian) == edited


@needs_apertium
def test_apertium_says_remained_for_e_rimasto():
    texts = ["Il sindaco è rimasto in silenzio."]
    assert "is remained" in dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))[0]
    assert "remained" in (out := dict(ApertiumEngine().translate_stream(texts, "it", "en"))[0]) and "is " not in out


@pytest.mark.parametrize(("italian", "edited"), [
    ("I leader del G7 e tre film", "I leaders del G7 e tre films"),
    ("Il loro team batte i loro team rivali.", "Il loro team batte i loro teams rivali."),  # `il loro`: one team
])
def test_an_invariable_english_loanword_gets_its_plural(italian, edited):
    from lettore.translate.italian_pre_edits import plural_loanwords

    assert plural_loanwords(italian) == edited


@pytest.mark.parametrize(("pivot", "english"), [
    ("They sold the farm, that produces wine, and the mill.", "They sold the farm, which produces wine, and the mill."),
    ("It was the rain, that flooded the road.", "It was the rain, that flooded the road."),  # a cleft
    ("They thanked the nurses, that worked all night.", "They thanked the nurses, who worked all night."),
])
def test_that_after_a_comma_and_a_thing_is_which(pivot, english):
    assert post_edit(pivot) == english


def test_an_age_in_apposition_is_the_bare_figure():
    assert post_edit("Ann Lee, 45 years, and Bo, 7 years old, came; it took 3 years, then more.") == (
        "Ann Lee, 45, and Bo, 7, came; it took 3 years, then more.")


@pytest.mark.parametrize(("italian", "edited"), [
    ("Un passaggio da Luca e cellule da un paziente.",
     "Un passaggio a partire da Luca e cellule a partire da un paziente."),
    ("Ucciso da Rossi, vive qui da un anno, fuori dall’Europa.",
     "Ucciso da Rossi, vive qui da un anno, fuori dall’Europa."),
])
def test_bare_da_before_a_name_is_from_unless_an_agent_or_a_time(italian, edited):
    assert pre_edit(italian) == edited


@needs_apertium
def test_apertium_says_what_for_neutral_quello_che():
    texts = ["È quello che volevano."]
    assert "the one who" in dict(ApertiumEngine(protect=False).translate_stream(texts, "it", "en"))[0]
    out = dict(ApertiumEngine().translate_stream(texts, "it", "en"))[0]
    assert "what" in out and "the one who" not in out
