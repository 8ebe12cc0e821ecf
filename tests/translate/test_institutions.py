"""Institutions named in Italian go through as their English names, not kept as names."""

from __future__ import annotations

from lettore.translate.engines.base import TextHints
from lettore.translate.institutions import institution_terms
from lettore.translate.names import sentence_hints


def test_institutions_are_found_longest_first_in_any_case_after_the_capital():
    text = "Il Parlamento Europeo, il Partito Democratico e la flotta nel Pacifico; il senato tace."
    assert institution_terms(text) == [("Parlamento Europeo", "European Parliament"),
                                       ("Partito Democratico", "Democratic Party"), ("Pacifico", "Pacific")]


def test_a_name_the_tagger_kept_inside_an_institution_becomes_its_english_term():
    hint = sentence_hints("Ieri il Senato ha votato con Laura Bianchi.", TextHints(keep=("Senato", "Laura Bianchi")))
    assert hint.keep == ("Laura Bianchi",) and hint.terms == (("Senato", "Senate"),)
