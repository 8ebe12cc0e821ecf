"""Plain text articles: paragraphs, headings, scraping residue, title, date and identity."""

from __future__ import annotations

import time

import pytest

from lettore.ingest import load_bytes, load_path
from lettore.ingest.residue import parse_date, strip_residue
from lettore.ingest.text import parse_text
from tests.locations import SEEDS

SEED = SEEDS / "kim-tanks-russia.it.txt"


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in load_bytes(text.encode(), "a.txt").blocks]


def test_seed_loads_with_date_headings_and_no_residue() -> None:
    article = load_path(SEED)
    assert article.date == "2025-05"
    assert article.source_path == str(SEED)
    assert [b.kind for b in article.blocks].count("heading") == 2
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Kim e i carri armati", "Un aiuto alla Russia"]
    assert article.blocks[0].text.startswith("Di recente Kim Jong Un")
    assert all("Ascolta" not in b.text and "00:00" not in b.text for b in article.blocks)
    assert article.title == "Di recente Kim Jong Un è apparso in alcune foto diffuse dai media statali…"
    assert [b.index for b in article.blocks] == list(range(len(article.blocks)))


def test_lines_join_within_paragraphs_and_blank_lines_separate() -> None:
    text = "Una riga spezzata\na metà frase che continua\nqui.\n\n\n  Secondo   paragrafo.  \n"
    assert kinds_and_texts(text) == [
        ("paragraph", "Una riga spezzata a metà frase che continua qui."),
        ("paragraph", "Secondo paragrafo."),
    ]


def test_short_unpunctuated_line_between_paragraphs_is_a_heading() -> None:
    text = "Titolo dell'articolo\n\nPrimo paragrafo.\n\nUn sottotitolo\n\nAltro testo.\n\nFirma finale"
    assert [k for k, _ in kinds_and_texts(text)] == ["heading", "paragraph", "heading", "paragraph", "paragraph"]
    assert load_bytes(text.encode(), "a.txt").title == "Titolo dell'articolo"


@pytest.mark.parametrize("line", ["Una domanda?", "Una citazione:", "x" * 81, "2025", "Una frase finita."])
def test_lines_that_are_not_headings(line: str) -> None:
    assert kinds_and_texts(f"{line}\n\nTesto.")[0][0] == "paragraph"


def test_one_paragraph_per_line_text_keeps_its_paragraphs() -> None:
    long = "Questa è una riga lunga che contiene una frase intera e supera di sicuro gli ottanta caratteri."
    text = f"Il titolo\n{long}\n{long}\n{long}"
    assert [k for k, _ in kinds_and_texts(text)] == ["heading", "paragraph", "paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        (" date 2025-05 Ascolta ora 00:00 00:00", "2025-05"),
        ("date 2024-11-03", "2024-11-03"),
        ("Data: 12 maggio 2025", "2025-05-12"),
        ("Pubblicato il 3/4/2025 alle 10:30", "2025-04-03"),
        ("Aggiornato: lunedì 1 settembre 2025, 09:15", "2025-09-01"),
        ("Ascolta ora", None),
        ("Ascolta ora 01:02 03:04", None),
        ("Leggi anche: Putin e Kim, l'alleanza", None),
        ("© Riproduzione riservata", None),
        ("RIPRODUZIONE RISERVATA ©", None),
        ("Condividi: Facebook | Twitter | WhatsApp", None),
        ("Questo sito utilizza cookie tecnici e di profilazione.", None),
    ],
)
def test_residue_lines_are_dropped_and_dates_kept(line: str, date: str | None) -> None:
    residue = strip_residue(line)
    assert residue.text == ""
    assert residue.date == date


@pytest.mark.parametrize(
    "line",
    [
        "Data la situazione, il governo tace.",
        "Facebook ha annunciato nuove regole per i minori.",
        "Il Garante chiede il consenso esplicito per i cookie di profilazione.",
        "Leggi anche tu il rapporto, ha detto il ministro, perché " + "è importante " * 20,
        "Tutti i giorni arrivano nuove notizie.",
    ],
)
def test_article_sentences_are_not_residue(line: str) -> None:
    assert strip_residue(line).text == line


def test_residue_inside_a_paragraph_run_is_removed() -> None:
    text = "Primo paragrafo.\nLeggi anche: altro articolo\nSecondo paragrafo.\n\nRiproduzione riservata ©"
    assert [t for _, t in kinds_and_texts(text)] == ["Primo paragrafo.", "Secondo paragrafo."]


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("2025-13-01") is None
    assert parse_date("32 maggio 2025") is None
    assert parse_date("12 maggio 2025") == "2025-05-12"


def test_long_first_sentence_title_is_shortened_on_a_word_boundary() -> None:
    article = load_bytes(("Parola " * 40 + "fine. Altro.").encode(), "a.txt")
    assert len(article.title) <= 80
    assert article.title.endswith("Parola…")


def test_title_falls_back_to_the_file_stem() -> None:
    assert load_bytes("…".encode(), "notizia.txt").title == "notizia"
    assert load_bytes(b"1234\n\n5678", "/tmp/notizia.txt").title == "notizia"
    assert load_bytes(b"Un anno. Poi.", "notizia.txt").title == "Un anno."


def test_content_hash_identifies_the_same_article() -> None:
    one = load_bytes(b"Primo.\r\n\r\nSecondo.", "a.txt")
    same = load_bytes("\ufeffPrimo.  \n\n\nSecondo.\n".encode(), "b.txt")
    other = load_bytes(b"Primo.\n\nTerzo.", "a.txt")
    assert one.content_hash == same.content_hash != other.content_hash
    assert len(one.content_hash) == 64


def test_stdin_source_and_format_guessing() -> None:
    article = load_bytes(b"# Titolo\n\nTesto *importante*.")
    assert article.source_path == "<stdin>"
    assert article.title == "Titolo"
    assert article.blocks[1].text == "Testo importante."
    html = load_bytes(b"<!DOCTYPE html><html><body><p>Ciao.</p><script>x</script></body></html>")
    assert [b.text for b in html.blocks] == ["Ciao."]


def test_large_text_and_single_huge_line_load_quickly() -> None:
    paragraph = SEED.read_bytes().split(b"\n\n", 2)[2]
    data = (paragraph + b"\n\n") * (5_000_000 // len(paragraph))
    began = time.process_time()
    article = load_bytes(data, "big.txt")
    assert article.sentence_count() > 20_000
    line = "Il sig. Rossi ha pagato 2.000 euro, cioè il 3,5% in più. " * 18_000
    load_bytes(line.encode(), "line.txt")
    assert time.process_time() - began < 10


def test_a_line_that_is_only_a_date_under_the_title_is_the_articles_date() -> None:
    parsed = parse_text("Furto in un bar di Formigine\n\nMartedì 14 ottobre 2025\n\n"
                        "Ieri sera due giovani sono entrati nel bar e hanno preso la cassa.\n")
    assert parsed.date == "2025-10-14"
    assert [text for _, text in parsed.blocks] == [
        "Furto in un bar di Formigine", "Ieri sera due giovani sono entrati nel bar e hanno preso la cassa."]


def test_a_date_line_after_the_opening_paragraphs_stays_text() -> None:
    parsed = parse_text("Titolo\n\nPrimo paragrafo del pezzo.\n\nSecondo paragrafo del pezzo.\n\n"
                        "Terzo paragrafo del pezzo.\n\n14 ottobre 2025\n")
    assert parsed.date is None
    assert parsed.blocks[-1] == ("paragraph", "14 ottobre 2025")
