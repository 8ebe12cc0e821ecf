"""The NER scorer on a tiny hand-made gold/prediction pair, figures computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.analyse.ner.gold import parse_gold, read_gold, spans
from lettore.analyse.ner.scoring import entity_scores, token_scores
from lettore.errors import UserError
from tests.locations import FIXTURES

FIXTURES = FIXTURES / "ner"


def _tags(name: str) -> list[list[str]]:
    return [[tag for _, tag in sentence] for sentence in read_gold(FIXTURES / name)]


def test_spans_i_after_o_starts_an_entity() -> None:
    assert spans(["O", "I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [
        (1, 3, "PER"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]


def test_entity_scores_by_hand() -> None:
    scores = entity_scores(_tags("tiny_gold.tsv"), _tags("tiny_pred.tsv"))
    # PER: Draghi right, "Mario" wrong span, "Mario Rossi" missed.
    assert (scores.per_label["PER"].tp, scores.per_label["PER"].fp, scores.per_label["PER"].fn) == (1, 1, 1)
    assert scores.per_label["LOC"].precision == 1.0
    assert scores.per_label["LOC"].recall == 0.5
    assert scores.per_label["ORG"].precision == 0.5
    assert scores.per_label["ORG"].recall == 1.0
    assert scores.per_label["ORG"].f1 == pytest.approx(2 / 3)
    assert scores.micro.precision == pytest.approx(0.6)
    assert scores.micro.recall == pytest.approx(0.6)
    assert scores.micro.f1 == pytest.approx(0.6)


def test_token_scores_by_hand() -> None:
    scores = token_scores(_tags("tiny_gold.tsv"), _tags("tiny_pred.tsv"))
    assert scores.per_label["PER"].precision == 1.0
    assert scores.per_label["PER"].recall == pytest.approx(2 / 3)
    assert scores.per_label["PER"].f1 == pytest.approx(0.8)
    assert scores.per_label["LOC"].f1 == pytest.approx(2 / 3)
    assert scores.micro.precision == pytest.approx(0.8)
    assert scores.micro.recall == pytest.approx(4 / 6)
    assert scores.micro.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))


def test_perfect_prediction_scores_one() -> None:
    gold = _tags("tiny_gold.tsv")
    assert entity_scores(gold, gold).micro.f1 == 1.0
    assert token_scores(gold, gold).micro.f1 == 1.0


@pytest.mark.parametrize(
    "text",
    ["Roma\n", "Roma\tX-LOC\n", "\n\n", "Roma\tB-LOC\n\tO\n"],
)
def test_malformed_gold_is_a_user_error(text: str) -> None:
    with pytest.raises(UserError):
        parse_gold(text)


def test_missing_gold_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        read_gold(tmp_path / "absent.tsv")
