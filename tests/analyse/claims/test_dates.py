"""A claim's date holds an ISO date only: relative phrases are resolved against the
article's date, or left out (and named in `why`) when the article has no date."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from lettore.analyse.claims import extract_claims
from lettore.analyse.claims.dates import resolve_relative
from lettore.analyse.claims.evaluate import article_from_gold
from lettore.analyse.rules import find_rule_entities
from lettore.model import Claim

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-W\d{2}")


def _claim(sentence: str, published: str | None) -> Claim:
    """The claim of a one-sentence article dated `published`, with the rule entities."""
    document = {"name": "t", "blocks": [{"kind": "paragraph", "sentences": [{"text": sentence}]}]}
    article = replace(article_from_gold(document), date=published)
    entities = [e._replace(block=0, sentence=0) for e in find_rule_entities(sentence)]
    (claim,) = extract_claims(article, entities, {})
    return claim


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ieri sera i ladri hanno rubato 3mila euro dalla cassa del bar.", "2026-03-11"),
        ("L'altro ieri i ladri hanno rubato 3mila euro dalla cassa del bar.", "2026-03-10"),
        ("Martedì i ladri hanno rubato 3mila euro dalla cassa del bar.", "2026-03-10"),
        ("La settimana scorsa i ladri hanno rubato 3mila euro dalla cassa del bar.", "2026-W10"),
        ("Il mese scorso i ladri hanno rubato 3mila euro dalla cassa del bar.", "2026-02"),
        ("Il 5 febbraio i ladri hanno rubato 3mila euro dalla cassa del bar.", "2026-02-05"),
    ],
)
def test_relative_dates_resolve_against_the_article_date(sentence: str, expected: str) -> None:
    claim = _claim(sentence, "2026-03-12T09:30:00+01:00")  # a Thursday
    assert claim.date == expected


def test_undated_article_leaves_the_date_out_and_says_so() -> None:
    claim = _claim("Ieri sera i ladri hanno rubato 3mila euro dalla cassa del bar.", None)
    assert claim.date is None
    assert "Ieri sera" in claim.why


@pytest.mark.parametrize("published", [None, "2026-03-12"])
def test_dates_are_iso_or_nothing(published: str | None) -> None:
    for sentence in ("In giugno i ladri hanno rubato 3mila euro.", "Stamattina i ladri hanno rubato 3mila euro.",
                     "Nel marzo 2024 i ladri hanno rubato 3mila euro."):
        date = _claim(sentence, published).date
        assert date is None or _ISO.fullmatch(date), (sentence, date)


def test_resolve_relative_reads_italian() -> None:
    from datetime import date

    assert resolve_relative("ieri mattina", date(2026, 1, 1)) == "2025-12-31"
    assert resolve_relative("l'anno scorso", date(2026, 1, 1)) == "2025"


def test_a_month_without_year_is_the_last_one_before_the_article() -> None:
    assert _claim("In giugno i ladri hanno rubato 3mila euro dalla cassa.", "2026-03-12").date == "2025-06"
    assert _claim("Il 2 marzo i ladri hanno rubato 3mila euro dalla cassa.", "2026-03-12").date == "2026-03-02"


def test_next_weekday_is_the_coming_one() -> None:
    from datetime import date

    tuesday = date(2025, 10, 14)
    assert resolve_relative("giovedì prossimo", tuesday) == "2025-10-16"
    assert resolve_relative("il prossimo lunedì", tuesday) == "2025-10-20"
    assert resolve_relative("lunedì scorso", tuesday) == "2025-10-13"


def test_a_dated_article_whose_phrase_cannot_be_resolved_does_not_claim_to_be_undated() -> None:
    claim = _claim("Il processo per direttissima si terrà a data da destinarsi dopo Natale.", "2026-03-12")
    assert "undated" not in claim.why
