"""Score the subjectivity model against CheckThat! gold and format the report
`reader eval-subjectivity` prints (per-class precision, recall, F1; macro-F1 last)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lettore.analyse.prf import PRF
from lettore.analyse.subjectivity.gold import LABELS, GoldSentence


@dataclass(frozen=True)
class Evaluation:
    """Per-class scores, how many sentences were classified and how long it took."""

    per_class: dict[str, PRF]
    sentences: int
    seconds: float

    @property
    def macro_f1(self) -> float:
        """Unweighted mean of the classes' F1, CheckThat!'s official measure."""
        return sum(scores.f1 for scores in self.per_class.values()) / len(self.per_class)

    @property
    def sentences_per_second(self) -> int:
        """Classification throughput (the model's work only, no file reading)."""
        return int(self.sentences / self.seconds) if self.seconds > 0 else 0


def score(gold: Sequence[bool], predicted: Sequence[bool], seconds: float = 0.0) -> Evaluation:
    """Per-class counts of predicted against gold verdicts (True = SUBJ)."""
    per_class = {}
    for label, positive in zip(LABELS, (False, True), strict=True):
        pairs = list(zip(gold, predicted, strict=True))
        per_class[label] = PRF(
            tp=sum(1 for g, p in pairs if g == p == positive),
            fp=sum(1 for g, p in pairs if p == positive != g),
            fn=sum(1 for g, p in pairs if g == positive != p),
        )
    return Evaluation(per_class, len(gold), seconds)


def evaluate(gold: Sequence[GoldSentence], classify: Callable[[list[str]], list[bool]]) -> Evaluation:
    """Classify the gold sentences (all at once, in file order) and score the verdicts."""
    started = time.perf_counter()
    predicted = classify([sentence.text for sentence in gold])
    seconds = time.perf_counter() - started
    return score([sentence.subjective for sentence in gold], predicted, seconds)


def format_report(evaluation: Evaluation, mode: str) -> str:
    """A per-class table, the throughput, then the closing line `macro-f1 0.xxxx`."""
    lines = [f"subjectivity ({mode})", f"  {'class':<6} {'prec':>7} {'rec':>7} {'f1':>7} {'gold':>7} {'pred':>7}"]
    for label, scores in evaluation.per_class.items():
        lines.append(
            f"  {label:<6} {scores.precision:7.4f} {scores.recall:7.4f} {scores.f1:7.4f} "
            f"{scores.tp + scores.fn:7d} {scores.tp + scores.fp:7d}"
        )
    lines.append("")
    lines.append(f"{evaluation.sentences} sentences classified in {evaluation.seconds:.2f} s "
                 f"({evaluation.sentences_per_second} sentences/s)")
    lines.append(f"macro-f1 {evaluation.macro_f1:.4f}")
    return "\n".join(lines)
