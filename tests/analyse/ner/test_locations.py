"""Places in local news: hamlets from context, datelines, streets and squares, municipalities
(each convention on sentences written for these tests, tagged by the shipped tagger)."""

from __future__ import annotations

import pytest

from lettore.analyse.ner import Tagger
from lettore.ingest import load_path
from tests.locations import FIXTURES


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def entities(tagger: Tagger, *sentences: str) -> list[set[tuple[str, str]]]:
    """Per sentence, the (text, label) pairs the tagger finds, the sentences read as one article."""
    found = tagger.tag_document(list(sentences))
    return [{(text[s:e], label) for s, e, label in spans} for text, spans in zip(sentences, found, strict=True)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Il furto è avvenuto ieri sera a Baggiovara, in una villetta isolata.", "Baggiovara"),
        ("I vigili del fuoco sono arrivati in località Pradella poco dopo le tre.", "Pradella"),
        ("La donna abita nella frazione di Fellicarolo da vent'anni.", "Fellicarolo"),
        ("Lo scooter è stato ritrovato ai Torrazzi, dietro un capannone.", "Torrazzi"),
    ],
)
def test_hamlets_are_known_from_their_context(tagger: Tagger, text: str, place: str) -> None:
    assert entities(tagger, text)[0] >= {(place, "LOC")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("FANANO. Un incendio ha distrutto un fienile nella notte.", "FANANO"),
        ("SASSUOLO - Due auto si sono scontrate all'incrocio.", "SASSUOLO"),
        ("VIGNOLA, un uomo di 40 anni è stato denunciato.", "VIGNOLA"),
        ("MODENA La Squadra Volante ha fermato un giovane.", "MODENA"),
        ("CASTELNOVO NE' MONTI. Un fienile è bruciato nella notte.", "CASTELNOVO NE' MONTI"),
        ("SAN CESARIO SUL PANARO - Un ciclista è stato investito.", "SAN CESARIO SUL PANARO"),
    ],
)
def test_an_upper_case_place_opening_a_paragraph_is_a_dateline(tagger: Tagger, text: str, place: str) -> None:
    found = entities(tagger, text)[0]
    assert (place, "LOC") in found
    assert not any(label != "LOC" and name == place for name, label in found)


def test_a_dateline_alone_as_a_sentence_is_a_place(tagger: Tagger) -> None:
    assert entities(tagger, "NOVI.", "Una ragazza è stata derubata sulla ciclabile.")[0] == {("NOVI", "LOC")}


def test_an_agency_opening_a_sentence_is_no_dateline(tagger: Tagger) -> None:
    assert ("ANSA", "LOC") not in entities(tagger, "ANSA.", "Un terremoto ha colpito la costa.")[0]


def test_upper_case_section_heads_are_not_places(tagger: Tagger) -> None:
    assert entities(tagger, "LA FUGA I due sono scappati a piedi verso i campi.")[0] == set()


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("L'incidente è avvenuto in via A. e D. Ferrari, vicino alla stazione.", "via A. e D. Ferrari"),
        ("Il corteo è partito da piazza XX Settembre alle dieci.", "piazza XX Settembre"),
        ("La casa si trova in via Chiesa nord, all'ultimo piano.", "via Chiesa nord"),
        ("Hanno chiuso al traffico viale Gramsci per due giorni.", "viale Gramsci"),
        ("Il mercato si sposta in largo Garibaldi da lunedì.", "largo Garibaldi"),
        ("Una buca enorme si è aperta in strada Morane ieri.", "strada Morane"),
    ],
)
def test_a_street_noun_and_its_name_are_one_place(tagger: Tagger, text: str, street: str) -> None:
    assert (street, "LOC") in entities(tagger, text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "I ladri sono fuggiti portando via Parmigiano reggiano e salumi.",
        "Hanno portato via Rolex e collane dalla vetrina.",
    ],
)
def test_via_as_an_adverb_is_no_street(tagger: Tagger, text: str) -> None:
    assert not any(name.startswith("via") for name, _ in entities(tagger, text)[0])


def test_a_street_stops_before_the_town_it_is_in(tagger: Tagger) -> None:
    found = entities(tagger, "Il bar di piazza Grande di Modena ha riaperto.")[0]
    assert ("piazza Grande", "LOC") in found
    assert ("Modena", "LOC") in found


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Il giovane, residente a Maranello, è stato fermato dai carabinieri.", "Maranello"),
        ("Il giovane è stato fermato a Castelvetro.", "Castelvetro"),
        ("Le scuole di Nonantola resteranno chiuse.", "Nonantola"),
        ("Il sentiero parte da Fanano e arriva al lago.", "Fanano"),
    ],
)
def test_municipalities_are_places(tagger: Tagger, text: str, town: str) -> None:
    assert (town, "LOC") in entities(tagger, text)[0]


def test_a_town_and_its_repeats_agree_in_label(tagger: Tagger) -> None:
    first, second = entities(
        tagger, "A Rio Saliceto la sagra è stata rinviata.", "Il sindaco di Rio Saliceto ha spiegato perché."
    )
    assert ("Rio Saliceto", "LOC") in first
    assert ("Rio Saliceto", "LOC") in second


def test_a_surname_that_is_also_a_town_stays_a_person(tagger: Tagger) -> None:
    first, second = entities(tagger, "Ha parlato il ministro Mario Monti.", "Secondo Monti la crisi è finita.")
    assert ("Mario Monti", "PER") in first
    assert ("Monti", "LOC") not in second


def test_a_first_name_after_a_is_no_hamlet(tagger: Tagger) -> None:
    found = entities(tagger, "Le chiavi sono rimaste a Matteo e alla sorella.")[0]
    assert found == {("Matteo", "PER")}


def test_an_unknown_surname_after_a_stays_a_person(tagger: Tagger) -> None:
    assert entities(tagger, "Il premio è stato assegnato a Sinner dopo la finale.")[0] == {("Sinner", "PER")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("L'incidente è avvenuto a Montecuccolo, frazione di Pavullo nel Frignano.", "Pavullo nel Frignano"),
        ("Il corteo è partito da San Cesario sul Panaro all'alba.", "San Cesario sul Panaro"),
    ],
)
def test_a_municipality_of_several_words_is_one_place(tagger: Tagger, text: str, place: str) -> None:
    found = entities(tagger, text)[0]
    assert (place, "LOC") in found
    assert not any(label == "LOC" and text != place and text in place for text, label in found)


def test_a_municipality_with_a_truncated_preposition_is_one_place(tagger: Tagger) -> None:
    found = entities(tagger, "Il nuovo ponte collegherà Castelnovo ne' Monti alla statale 63.")[0]
    assert ("Castelnovo ne' Monti", "LOC") in found


def test_towns_in_a_list_are_places_whatever_the_tagger_first_called_them(tagger: Tagger) -> None:
    # A story written for this test; in it the tagger alone calls Correggio an ORG and Rubiera a PER.
    article = load_path(FIXTURES / "ner" / "local-court-story.it.txt")
    sentences = [s.text for block in article.blocks for s in block.sentences]
    found = entities(tagger, *sentences)[next(i for i, s in enumerate(sentences) if "Rubiera" in s)]
    assert {("Correggio", "LOC"), ("Rubiera", "LOC"), ("Sant'Ilario d'Enza", "LOC")} <= found
