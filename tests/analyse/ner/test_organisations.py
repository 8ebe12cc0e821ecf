"""Organisations in local news: shops, bars and firms, police units written as names,
newspapers (each convention on sentences written for these tests, tagged by the shipped tagger)."""

from __future__ import annotations

import pytest

from lettore.analyse.ner import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def entities(tagger: Tagger, text: str) -> set[tuple[str, str]]:
    """The (text, label) pairs the tagger finds in one sentence."""
    return {(text[s:e], label) for s, e, label in tagger.tag_text(text)}


@pytest.mark.parametrize(
    ("text", "shop"),
    [
        ("Terza spaccata in un mese al Mo.Ka Caffé di Sassuolo.", "Mo.Ka Caffé"),
        ("Il furgone era parcheggiato davanti alla Bellei Elettrauto.", "Bellei Elettrauto"),
        ("Hanno svaligiato la macelleria da Mario in pieno giorno.", "da Mario"),
        ("Il direttore dell'Extracoop di Mirandola ha sporto denuncia.", "Extracoop"),
        ("I ladri sono entrati nel bar Gianni passando dal retro.", "Gianni"),
        ("Un camion della ditta Ferroli è uscito di strada.", "Ferroli"),
        ("I genitori della scuola paritaria San Giuseppe hanno protestato.", "San Giuseppe"),
        ('Spaccata nella notte alla tabaccheria "Il Portico" di Formigine.', "Il Portico"),
        ("Il ristorante «La Lanterna» ha chiuso dopo trent'anni.", "La Lanterna"),
        ("Il tetto della Ceramiche Ronchetti è crollato sotto la neve.", "Ceramiche Ronchetti"),
        ("Cento operai delle Officine Meccaniche Sala sono in cassa integrazione.", "Officine Meccaniche Sala"),
        ("Sciopero al Salumificio Bompani per il rinnovo del contratto.", "Salumificio Bompani"),
        ("Niente riscaldamento al liceo Spallanzani, studenti in cappotto", "Spallanzani"),
    ],
)
def test_named_shops_bars_and_firms_are_one_organisation(tagger: Tagger, text: str, shop: str) -> None:
    found = entities(tagger, text)
    assert (shop, "ORG") in found
    assert not any(label == "PER" for _, label in found)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Sono intervenuti gli agenti della Squadra Volante.", "Squadra Volante"),
        ("Una pattuglia della Polizia Locale ha chiuso la strada.", "Polizia Locale"),
        ("I militari del Radiomobile hanno arrestato il ladro.", "Radiomobile"),
        ("Sul posto sono arrivati i Vigili del Fuoco.", "Vigili del Fuoco"),
        ("Indaga la Squadra Mobile della questura.", "Squadra Mobile"),
    ],
)
def test_police_units_written_as_names_are_organisations(tagger: Tagger, text: str, unit: str) -> None:
    assert (unit, "ORG") in entities(tagger, text)


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        ("«Siamo preoccupati», ha detto il sindaco a La Pressa.", "La Pressa"),
        ("Lo ha riferito ieri la Gazzetta di Modena.", "Gazzetta di Modena"),
        ("La notizia è stata pubblicata dal Resto del Carlino.", "Resto del Carlino"),
        ("Lo riporta il Corriere Adriatico.", "Corriere Adriatico"),
    ],
)
def test_newspapers_are_organisations(tagger: Tagger, text: str, paper: str) -> None:
    assert (paper, "ORG") in entities(tagger, text)


@pytest.mark.parametrize(
    "text", ["Il primo ministro della Nuova Zelanda ha parlato.", "Umberto Eco ha scritto un romanzo."]
)
def test_paper_head_words_alone_name_no_paper(tagger: Tagger, text: str) -> None:
    found = entities(tagger, text)
    assert not any(label == "ORG" for _, label in found)


def test_a_capitalised_article_after_a_is_no_paper_when_it_names_a_place(tagger: Tagger) -> None:
    assert ("La Spezia", "ORG") not in entities(tagger, "Il treno è arrivato a La Spezia in ritardo.")


def test_a_consortium_named_by_its_head_word_is_an_organisation(tagger: Tagger) -> None:
    assert ("Consorzio", "ORG") in entities(tagger, "Il presidente del Consorzio ha sporto denuncia.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sono intervenuti i volontari della Croce Rossa con due ambulanze.", "Croce Rossa"),
        ("Ne ha parlato anche Medici Senza Frontiere nel suo rapporto.", "Medici Senza Frontiere"),
    ],
)
def test_names_of_kinds_organisation_list_are_organisations(tagger: Tagger, text: str, name: str) -> None:
    assert (name, "ORG") in entities(tagger, text)
