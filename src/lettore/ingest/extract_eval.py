"""Body extraction scored against a gold body: token-level bag-of-words precision,
recall and F1 (the measure of the public article-extraction benchmarks)."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

_TOKEN = re.compile(r"\w+", re.UNICODE)


class BodyScore(NamedTuple):
    """Token overlap between an extracted body and the gold one."""

    precision: float
    recall: float
    f1: float
    extracted: int
    gold: int
    common: int


def tokens(text: str) -> Counter[str]:
    """The bag of lower-cased word tokens of a text."""
    return Counter(token.lower() for token in _TOKEN.findall(text))


def score_body(extracted: str, gold: str) -> BodyScore:
    """Precision, recall and F1 of `extracted` against `gold`."""
    got, want = tokens(extracted), tokens(gold)
    return _score(sum((got & want).values()), sum(got.values()), sum(want.values()))


def micro_average(scores: list[BodyScore]) -> BodyScore:
    """All pages' tokens pooled: overall precision, recall and F1."""
    return _score(sum(s.common for s in scores), sum(s.extracted for s in scores), sum(s.gold for s in scores))


def _score(common: int, extracted: int, gold: int) -> BodyScore:
    """The three figures from the three counts."""
    precision = common / extracted if extracted else 0.0
    recall = common / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyScore(precision, recall, f1, extracted, gold, common)
