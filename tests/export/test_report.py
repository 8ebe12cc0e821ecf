"""Exports with the claims table: Markdown and HTML reports, one-claim-per-row CSV, through
`reader export`'s renderer, on the seed with a stored analysis."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lettore.export.formats import render
from lettore.model import Translation
from tests.tui.seed_app import seed_library
from tests.tui.test_entities_panel import seed_claims, seed_entities


@pytest.fixture
def analysed(tmp_path: Path):
    """The seed with entities and claims, its Newsweek figure mistranslated ($2 billion)."""
    library, article_id = seed_library(tmp_path / "lib.sqlite3")
    library.set_analysis(article_id, seed_entities(library, article_id), seed_claims())
    wrong = library.translations(article_id)[(6, 0)].text.replace("$20 billion", "$2 billion")
    library.set_translation(article_id, (6, 0), Translation(wrong, "google"))
    yield library, article_id
    library.close()


def test_csv_has_one_claim_per_row_with_claimreview_names(analysed) -> None:
    library, article_id = analysed
    rows = list(csv.DictReader(io.StringIO(render(library, article_id, "csv"))))
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c4"]
    newsweek = rows[2]
    assert newsweek["claimAuthor"] == "Newsweek" and newsweek["kind"] == "statistic"
    assert "20 miliardi di dollari" in newsweek["claimReviewed"]
    assert newsweek["numbers"] == "20 miliardi di dollari=20000000000 USD (circa)"
    assert newsweek["datePublished"] == library.get_article(article_id).date  # the article's date
    assert "20 miliardi" in newsweek["numberCheck"]  # $2 billion is not 20 miliardi
    assert rows[3]["numberCheck"] == "ok"  # 2.000 = 2,000
    assert rows[3]["claimAuthor"] == ""


def test_markdown_report_has_claims_table_entities_and_both_languages(analysed) -> None:
    library, article_id = analysed
    text = render(library, article_id, "md")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| # | kind | claimAuthor | score")
    assert len(table) == 1 + 4
    assert "Newsweek" in table[3] and "⚠" in table[3] and "$2 billion" in table[3]
    assert "**Kim Jong Un**" in text and "also: Kim" in text
    assert text.index("## Claims") < text.index("## Entities") < text.index("## Text")
    assert "> Pyongyang has modified Soviet-era T-62 tanks" in text


class _Checker(HTMLParser):
    """Collects marks and checks every opened element (bar void ones) is closed in order."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self._mark: str | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "mark":
            self._mark = dict(attrs)["class"]

    def handle_endtag(self, tag) -> None:
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data) -> None:
        if self._mark:
            self.marks.append((self._mark, data))
            self._mark = None


def test_html_report_is_well_formed_marks_entities_and_escapes_text(analysed) -> None:
    library, article_id = analysed
    library.set_translation(article_id, (9, 2), Translation("<script>alert(1)</script> & more", "manual"))
    page = render(library, article_id, "html")
    checker = _Checker()
    checker.feed(page)
    assert checker.stack == []
    assert ("PER", "Kim Jong Un") in checker.marks and ("LOC", "Mosca") in checker.marks
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<span class="flag">' in page and page.count("<tr>") >= 1 + 4


def test_html_report_marks_entities_in_the_english_text_too(analysed) -> None:
    library, article_id = analysed
    page = render(library, article_id, "html")
    english_cells = [row.split('<td class="en" lang="en">', 1)[1] for row in page.splitlines()
                     if '<td class="en" lang="en">' in row]
    assert any('<mark class="LOC">Moscow</mark>' in cell for cell in english_cells)  # Mosca, by its English name
    assert any('<mark class="PER">Kim Jong Un</mark>' in cell for cell in english_cells)


@pytest.fixture
def rough(analysed):
    """The seed with two sentences (one of them a claim's) as rough offline MT."""
    library, article_id = analysed
    library.set_translation(article_id, (0, 0), Translation("Recently Kim Jong An is appeared.", "apertium",
                                                            rough=True))
    library.set_translation(article_id, (2, 0), Translation("According to what reported.", "apertium",
                                                            rough=True))
    return library, article_id


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_mark_rough_machine_translation_with_a_legend(rough, fmt) -> None:
    library, article_id = rough
    text = render(library, article_id, fmt)
    assert "rough machine translation" in text
    assert "Recently Kim Jong An is appeared.†" in text
    if fmt == "html":
        assert '<span class="rough" title="rough machine translation">Recently Kim Jong An' in text
        assert ".rough {" in text


def test_reports_without_rough_translation_carry_no_legend(analysed) -> None:
    library, article_id = analysed
    assert "rough machine translation" not in render(library, article_id, "md")


def test_csv_says_which_claims_rest_on_rough_translation(rough) -> None:
    library, article_id = rough
    rows = list(csv.DictReader(io.StringIO(render(library, article_id, "csv"))))
    assert {row["roughTranslation"] for row in rows} <= {"yes", "no"}
    assert all(row["translationSource"] for row in rows)
    marks = {(row["block"], row["sentence"]): row["roughTranslation"] for row in rows}
    assert marks[("2", "0")] == "yes" and marks[("6", "0")] == "no"


def test_a_claim_whose_translation_lost_a_name_is_flagged_in_every_export(analysed) -> None:
    library, article_id = analysed
    wrong = library.translations(article_id)[(0, 3)].text.replace("Vladimir Putin", "Vladimir Pudding")
    library.set_translation(article_id, (0, 3), Translation(wrong, "apertium", rough=True))
    assert "⚠ not in translation: Vladimir Putin" in render(library, article_id, "md")
    assert "⚠ not in translation: Vladimir Putin" in render(library, article_id, "html")
    rows = list(csv.DictReader(io.StringIO(render(library, article_id, "csv"))))
    checks = {(row["block"], row["sentence"]): row["nameCheck"] for row in rows}
    assert checks[("0", "3")] == "not in translation: Vladimir Putin"
    assert checks[("6", "0")] == "ok"
