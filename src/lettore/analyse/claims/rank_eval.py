"""Claims on local news against the hand-made gold (training/gold/localnews/claims.json):
share of key claims in their article's top five, speaker accuracy, share of sentences
that come out as claims. `python -m lettore.analyse.claims.rank_eval [--data DIR]`."""

from __future__ import annotations

import argparse
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from lettore.model import Claim

REPO = Path(__file__).resolve().parents[4]
DEFAULT_GOLD = REPO / "training" / "gold" / "localnews" / "claims.json"
TOP = 5


@dataclass(frozen=True)
class RankScores:
    """The three targets of issue #12's claims part, plus the counts behind them."""

    key_claims: int
    key_in_top: int
    speakers: int
    speakers_right: int
    spurious_speakers: int
    sentences: int
    claims: int
    numbers_right: int
    shown: int

    @property
    def shown_share(self) -> float:
        """Claims at or above the panel's threshold per sentence."""
        return self.shown / self.sentences if self.sentences else 0.0

    @property
    def top_share(self) -> float:
        """Share of key claims in their article's top five by score."""
        return self.key_in_top / self.key_claims if self.key_claims else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Share of gold-attributed sentences whose claim names an acceptable speaker."""
        return self.speakers_right / self.speakers if self.speakers else 0.0

    @property
    def claim_share(self) -> float:
        """Claims per sentence of the articles."""
        return self.claims / self.sentences if self.sentences else 0.0


def default_data() -> Path:
    """The localnews folder of the shared data ($LETTORE_SHARED_DATA or ../shared/data)."""
    shared = os.environ.get("LETTORE_SHARED_DATA") or str(REPO.parent / "shared" / "data")
    return Path(shared) / "localnews"


def _key(text: str) -> str:
    """What identifies a sentence across runs: its first 50 characters, spaces folded."""
    return re.sub(r"\s+", " ", text).strip()[:50]


def same_speaker(predicted: str | None, accepted: list[str]) -> bool:
    """A speaker matches when one of the accepted names contains it or it contains one."""
    if predicted is None:
        return False
    got = predicted.casefold()
    return any(a.casefold() in got or got in a.casefold() for a in accepted)


def ranked(claims: list[Claim]) -> list[Claim]:
    """Claims by score, highest first, reading order on ties (as the panel shows them)."""
    return sorted(claims, key=lambda c: (-c.score, c.block, c.sentence))


def score_article(gold: dict, claims: list[Claim], sentences: int) -> RankScores:
    """Figures for one article."""
    by_key = {_key(c.text): c for c in claims}
    top = {_key(c.text) for c in ranked(claims)[:TOP]}
    keys = [_key(k["text"]) for k in gold["key_claims"]]
    numbers_right = 0
    for k in gold["key_claims"]:
        claim = by_key.get(_key(k["text"]))
        values = sorted(n.value for n in claim.numbers if n.value is not None) if claim else []
        numbers_right += values == sorted(k["numbers"])
    attributed = {_key(s["text"]): s["speaker"] for s in gold["speakers"]}
    right = sum(same_speaker(getattr(by_key.get(k), "attributed_to", None), v) for k, v in attributed.items())
    spurious = sum(1 for k, c in by_key.items() if c.attributed_to and k not in attributed)
    from lettore.analyse.claims.scoring import PANEL_THRESHOLD

    shown = sum(c.score >= PANEL_THRESHOLD for c in claims)
    return RankScores(
        len(keys), sum(k in top for k in keys), len(attributed), right, spurious, sentences, len(claims),
        numbers_right, shown,
    )


def _add(a: RankScores, b: RankScores) -> RankScores:
    """Sum of two sets of counts."""
    return RankScores(*(x + y for x, y in zip(a.__dict__.values(), b.__dict__.values(), strict=True)))


def evaluate(split: str | None, gold_path: Path = DEFAULT_GOLD, data: Path | None = None) -> RankScores:
    """Run the import-time analysis on the gold articles of one split ("dev", "heldout")
    or all, and total the figures."""
    from lettore.analyse.run import analyse_article
    from lettore.ingest import load_path

    folder = data or default_data()
    total = RankScores(0, 0, 0, 0, 0, 0, 0, 0, 0)
    for gold in json.loads(gold_path.read_text(encoding="utf-8"))["articles"]:
        if split is not None and gold["split"] != split:
            continue
        article = load_path(folder / gold["file"])
        _, claims = analyse_article(article, {})
        total = _add(total, score_article(gold, claims, article.sentence_count()))
    return total


def main(argv: list[str] | None = None) -> int:
    """Print the figures per split."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--data", type=Path, default=None, help="the localnews folder")
    args = parser.parse_args(argv)
    for split in ("dev", "heldout"):
        s = evaluate(split, args.gold, args.data)
        print(
            f"[{split}] key claims in top {TOP}: {s.key_in_top}/{s.key_claims} = {s.top_share:.3f}; "
            f"speakers right {s.speakers_right}/{s.speakers} = {s.speaker_accuracy:.3f} "
            f"(+{s.spurious_speakers} spurious); claims {s.claims}/{s.sentences} sentences = {s.claim_share:.3f}, "
            f"{s.shown_share:.3f} at or above the panel threshold; "
            f"key-claim figures right {s.numbers_right}/{s.key_claims}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
