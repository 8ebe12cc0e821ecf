"""Sentence segmentation: the splits a reader would make, with offsets that always line up."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lettore.segment import make_block, split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kim-tanks-russia.it.txt"


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il sig. Rossi è arrivato. Poi è andato via.", ["Il sig. Rossi è arrivato.", "Poi è andato via."]),
        ("La sig.ra Bianchi e la dott.ssa Verdi. Il prof. Neri no.",
         ["La sig.ra Bianchi e la dott.ssa Verdi.", "Il prof. Neri no."]),
        ("L'on. Meloni e il sen. Renzi, l'ing. Rossi e l'avv. Conte parlano. Fine.",
         ["L'on. Meloni e il sen. Renzi, l'ing. Rossi e l'avv. Conte parlano.", "Fine."]),
        ("Vedi art. 3, pag. 12, n. 5 e cfr. vol. 2. Poi basta.",
         ["Vedi art. 3, pag. 12, n. 5 e cfr. vol. 2.", "Poi basta."]),
        ("Frutta, verdura ecc. Il resto dopo.", ["Frutta, verdura ecc.", "Il resto dopo."]),
        ("Ad es. il pane, p.es. Mario. Fine.", ["Ad es. il pane, p.es. Mario.", "Fine."]),
        ("J. R. R. Tolkien scrisse molto. G. Conte no.", ["J. R. R. Tolkien scrisse molto.", "G. Conte no."]),
        ("Costano 2.000 euro, cioè 1.234.567,89 lire. Il 3,5% è poco.",
         ["Costano 2.000 euro, cioè 1.234.567,89 lire.", "Il 3,5% è poco."]),
        ("Visita www.esempio.it/a.b?c=1. Scrivi a mario.rossi@esempio.it. Grazie.",
         ["Visita www.esempio.it/a.b?c=1.", "Scrivi a mario.rossi@esempio.it.", "Grazie."]),
        ("«Non ci arrenderemo!», ha detto Conte. Poi è uscito.",
         ["«Non ci arrenderemo!», ha detto Conte.", "Poi è uscito."]),
        ("“Andremo avanti.” Poi è uscito.", ["“Andremo avanti.”", "Poi è uscito."]),
        ('"Siamo pronti." ha detto il ministro. Poi basta.',
         ['"Siamo pronti." ha detto il ministro.', "Poi basta."]),
        ('Ha detto: "Basta." E se n\'è andato.', ['Ha detto: "Basta."', "E se n'è andato."]),
        ("Ma... forse no. Aspetta… Ecco.", ["Ma... forse no.", "Aspetta…", "Ecco."]),
        ("Davvero?! Sì. Perché? non lo so.", ["Davvero?!", "Sì.", "Perché? non lo so."]),
        ("La Juventus ha vinto la serie A. Il campionato è finito.",
         ["La Juventus ha vinto la serie A.", "Il campionato è finito."]),
        ("La Fiat S.p.A. ha detto no. Fine.", ["La Fiat S.p.A. ha detto no.", "Fine."]),
        ("Nel 2025. 300 persone c'erano.", ["Nel 2025.", "300 persone c'erano."]),
        ("(Così pare.) Poi si vedrà.", ["(Così pare.)", "Poi si vedrà."]),
        ("Dr. Rossi parla. Poi tace.", ["Dr. Rossi parla.", "Poi tace."]),
    ],
)
def test_italian_sentences_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_spaced_quote_with_attribution_stays_one_sentence() -> None:
    text = 'Ucraina. " Sono stato lieto, lo sottolineo. ", ha detto Putin. Fine.'
    assert texts(text) == ["Ucraina.", '" Sono stato lieto, lo sottolineo. ", ha detto Putin.', "Fine."]


def test_seed_article_splits_into_its_natural_sentences() -> None:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n")][1:]
    counts = [len(split_sentences(p)) for p in paragraphs]
    assert counts == [4, 1, 3, 1, 2, 1, 3, 2, 1, 3]
    first = split_sentences(paragraphs[0])
    assert first[3].text.startswith('" Sono stato lieto')
    assert first[3].text.endswith("legame militare tra Pyongyang e Mosca.")
    assert "Kursk \", ha non a caso dichiarato Vladimir Putin" in first[3].text


def test_offsets_index_the_text() -> None:
    text = "  Primo.   Secondo!\n\nTerzo "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Primo.", "Secondo!", "Terzo"]
    assert [s.index for s in sentences] == [0, 1, 2]
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text


def test_blank_line_always_ends_a_sentence() -> None:
    assert texts("senza punto\n\naltro paragrafo") == ["senza punto", "altro paragrafo"]


def test_heading_block_is_one_sentence() -> None:
    block = make_block(3, "heading", "Guerra. Pace")
    assert (block.index, block.kind, len(block.sentences)) == (3, "heading", 1)
    paragraph = make_block(0, "paragraph", "Guerra. Pace.")
    assert [s.text for s in paragraph.sentences] == ["Guerra.", "Pace."]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\t ") == ()


def test_long_unbroken_text_is_linear() -> None:
    import time

    text = "a. " * 300_000 + "x" * 1_000_000 + ' "b. ' * 100_000
    began = time.perf_counter()
    split_sentences(text)
    assert time.perf_counter() - began < 5


ALPHABET = st.sampled_from([*list('aZè .!?…"«»“”\'()\n\t 0,'), "sig.", "S.p.A.", "G.", " \u00a0"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(ALPHABET).map("".join)))
def test_offsets_cover_every_non_space_character_in_order(text: str) -> None:
    sentences = split_sentences(text)
    covered: list[int] = []
    previous_end = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end] == sentence.text == sentence.text.strip()
        covered.extend(range(sentence.start, sentence.end))
        previous_end = sentence.end
    non_space = [i for i, char in enumerate(text) if not char.isspace()]
    assert set(non_space) <= set(covered)
