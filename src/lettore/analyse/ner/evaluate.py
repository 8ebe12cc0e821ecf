"""Score the tagger against KIND-format gold and format the report `reader eval-ner` prints."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from lettore.analyse.ner.consistency import harmonise
from lettore.analyse.ner.gold import read_gold
from lettore.analyse.ner.scoring import Scores, entity_scores, token_scores


@dataclass(frozen=True)
class Evaluation:
    """Entity- and token-level scores plus tagging throughput."""

    entity: Scores
    token: Scores
    tokens: int
    seconds: float

    @property
    def tokens_per_second(self) -> int:
        """Tagging throughput (features and CRF decoding, no file reading)."""
        return int(self.tokens / self.seconds) if self.seconds > 0 else 0


CONSISTENCY_WINDOW = 20


def evaluate_file(
    path: Path | str, tagger: object, consistency_window: int = CONSISTENCY_WINDOW
) -> Evaluation:
    """Tag the tokens of a gold file with `tagger` and score the result.

    A gold file is a stream of articles without boundaries, so document consistency
    looks `consistency_window` sentences either way (0 turns it off).
    """
    gold = read_gold(path)
    tokens = [[token for token, _ in sentence] for sentence in gold]
    gold_tags = [[tag for _, tag in sentence] for sentence in gold]
    started = time.perf_counter()
    predicted = tagger.tag_tokens(tokens)  # type: ignore[attr-defined]
    if consistency_window > 0:
        predicted = harmonise(tokens, predicted, window=consistency_window)
    seconds = time.perf_counter() - started
    return Evaluation(
        entity_scores(gold_tags, predicted),
        token_scores(gold_tags, predicted),
        sum(len(t) for t in tokens),
        seconds,
    )


def summary_line(evaluation: Evaluation) -> str:
    """The closing line: `entity-f1 0.xxxx token-f1 0.xxxx tokens-per-s N`."""
    return (
        f"entity-f1 {evaluation.entity.micro.f1:.4f} "
        f"token-f1 {evaluation.token.micro.f1:.4f} "
        f"tokens-per-s {evaluation.tokens_per_second}"
    )


def format_report(evaluation: Evaluation) -> str:
    """Per-label and micro P/R/F1 tables for both levels, then the summary line."""
    lines: list[str] = []
    for title, scores in (
        ("entity level (exact span and label)", evaluation.entity),
        ("token level (labels without B-/I-)", evaluation.token),
    ):
        lines.append(title)
        lines.append(f"  {'label':<6} {'prec':>7} {'rec':>7} {'f1':>7} {'gold':>7} {'pred':>7}")
        rows = [*scores.per_label.items(), ("micro", scores.micro)]
        for label, prf in rows:
            lines.append(
                f"  {label:<6} {prf.precision:7.4f} {prf.recall:7.4f} {prf.f1:7.4f} "
                f"{prf.tp + prf.fn:7d} {prf.tp + prf.fp:7d}"
            )
        lines.append("")
    lines.append(f"{evaluation.tokens} tokens tagged in {evaluation.seconds:.2f} s")
    lines.append(summary_line(evaluation))
    return "\n".join(lines)
