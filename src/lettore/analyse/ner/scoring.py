"""Precision, recall and F1 for NER: entity level (exact span and label) and token level
(tags without B-/I-, as the NERMuD scorer counts them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lettore.analyse.ner.gold import spans
from lettore.analyse.prf import PRF


@dataclass(frozen=True)
class Scores:
    """Per-label and micro-averaged figures for one level (entity or token)."""

    per_label: dict[str, PRF]
    micro: PRF


def entity_scores(gold: list[list[str]], pred: list[list[str]]) -> Scores:
    """Exact-match entity scores: a predicted entity counts only with the same span and label."""
    counts: dict[str, Counter[str]] = {}
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        gold_spans = set(spans(gold_tags))
        pred_spans = set(spans(pred_tags))
        for _, _, label in gold_spans & pred_spans:
            counts.setdefault(label, Counter())["tp"] += 1
        for _, _, label in pred_spans - gold_spans:
            counts.setdefault(label, Counter())["fp"] += 1
        for _, _, label in gold_spans - pred_spans:
            counts.setdefault(label, Counter())["fn"] += 1
    return _scores(counts)


def token_scores(gold: list[list[str]], pred: list[list[str]]) -> Scores:
    """Token scores: each token's label with the B-/I- prefix stripped; O is not a class."""
    counts: dict[str, Counter[str]] = {}
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        if len(gold_tags) != len(pred_tags):
            raise ValueError("gold and predicted sentences differ in length")
        for gold_tag, pred_tag in zip(gold_tags, pred_tags):
            g, p = _label(gold_tag), _label(pred_tag)
            if g == p:
                if g != "O":
                    counts.setdefault(g, Counter())["tp"] += 1
                continue
            if p != "O":
                counts.setdefault(p, Counter())["fp"] += 1
            if g != "O":
                counts.setdefault(g, Counter())["fn"] += 1
    return _scores(counts)


def _label(tag: str) -> str:
    """The label of an IOB2 tag without its prefix ("B-PER" -> "PER")."""
    return tag[2:] if tag[:2] in ("B-", "I-") else "O"


def _scores(counts: dict[str, Counter[str]]) -> Scores:
    """Turn raw counts into per-label and micro PRF."""
    per_label = {
        label: PRF(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())
    }
    micro = PRF(
        sum(s.tp for s in per_label.values()),
        sum(s.fp for s in per_label.values()),
        sum(s.fn for s in per_label.values()),
    )
    return Scores(per_label, micro)
