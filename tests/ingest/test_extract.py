"""Article extraction on the page set: the story kept, the page dropped, metadata read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lettore.ingest import load_bytes, parse_page
from lettore.ingest.extract import extract_html
from lettore.ingest.extract_eval import micro_average, score_body
from locations import FIXTURES, REPO

PAGES = sorted((FIXTURES / "pages").glob("*.html"))


def body_of(path: Path) -> str:
    """The extracted body (standfirst and blocks, not the headline), one block a line."""
    parsed = extract_html(path.read_text(encoding="utf-8"))
    assert parsed is not None
    blocks = [text for _, text in parsed.blocks]
    if parsed.title and blocks and blocks[0] == parsed.title:
        blocks = blocks[1:]
    return "\n".join(blocks)


def gold_of(path: Path) -> str:
    return path.with_name(path.stem + ".gold.txt").read_text(encoding="utf-8")


def test_the_page_set_has_enough_pages() -> None:
    assert len(PAGES) >= 15


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_each_page_keeps_its_body_and_drops_the_rest(path: Path) -> None:
    score = score_body(body_of(path), gold_of(path))
    assert score.f1 >= 0.95, score


def test_the_page_set_scores_at_least_the_target_overall() -> None:
    overall = micro_average([score_body(body_of(path), gold_of(path)) for path in PAGES])
    assert overall.f1 >= 0.97


def test_furniture_never_reaches_the_article() -> None:
    for path in PAGES:
        body = body_of(path)
        for furniture in ("Commenta per primo", "Leggi anche", "Riproduzione riservata", "Black Friday",
                          "Incidente sulla tangenziale", "Questo sito utilizza cookie", "Condividi", "Prima pagina"):
            assert furniture.lower() not in body.lower(), (path.stem, furniture)


def test_metadata_comes_from_json_ld_opengraph_and_canonical() -> None:
    parsed = extract_html((FIXTURES / "pages" / "liveblog-maltempo.html").read_text(encoding="utf-8"))
    assert parsed is not None
    assert parsed.title == "Maltempo in Emilia, la diretta: il Secchia sopra il livello di guardia"
    assert parsed.date == "2024-05-16"
    assert parsed.author == "Giulia Ferrari"
    assert parsed.site_name == "Gazzetta della Bassa"
    assert parsed.source_url == "https://www.gazzettadellabassa.example/live/maltempo-emilia"


def test_an_html_file_is_imported_through_the_extractor() -> None:
    path = FIXTURES / "pages" / "semantic-dice_00374.html"
    article = load_bytes(path.read_bytes(), path.name)
    assert article.title == "Ritrovato il minibus"
    assert article.blocks[0].kind == "heading"
    assert not any("Commenti" in block.text or "marco_77" in block.text for block in article.blocks)


def test_plain_text_imports_do_not_load_lxml_or_trafilatura(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Un articolo breve.\n", encoding="utf-8")
    code = (
        "import sys; from lettore.ingest import load_path; load_path(sys.argv[1]);"
        "print(sorted(m for m in ('lxml', 'trafilatura', 'feedparser') if m in sys.modules))"
    )
    env_path = str(REPO / "src")
    out = subprocess.run(
        [sys.executable, "-c", code, str(text)], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "[]"


def test_character_references_cannot_smuggle_terminal_escapes() -> None:
    page = (FIXTURES / "pages" / "liveblog-maltempo.html").read_text(encoding="utf-8")
    page = page.replace("Giulia Ferrari", "Giulia&#x1b;[2J Ferrari").replace(
        "La Protezione civile", "La &#x1b;]8;;http://x&#x07;Protezione&#x202e; civile"
    )
    parsed = parse_page(page)
    texts = [parsed.author or "", parsed.title or "", *(text for _, text in parsed.blocks)]
    assert any("Protezione civile" in text for text in texts)
    assert not any(ch in text for text in texts for ch in "\x1b\x07\u202e")
