"""Precision and recall of claim detection, kind and attribution on a hand-made gold set:
`python -m lettore.analyse.claims.evaluate [--gold FILE]`."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from lettore.model import Article, Block, Claim, Sentence

DEFAULT_GOLD = Path(__file__).resolve().parents[4] / "tests" / "fixtures" / "claims" / "gold.json"


@dataclass(frozen=True)
class Scores:
    """Detection and attribution figures over the whole gold set."""

    detection_precision: float
    detection_recall: float
    kind_accuracy: float
    attribution_precision: float
    attribution_recall: float
    gold_claims: int


def article_from_gold(document: dict) -> Article:
    """An Article whose blocks and sentences are exactly the gold set's."""
    blocks = []
    for index, block in enumerate(document["blocks"]):
        sentences, offset = [], 0
        for number, sentence in enumerate(block["sentences"]):
            text = sentence["text"]
            sentences.append(Sentence(number, text, offset, offset + len(text)))
            offset += len(text) + 1
        text = " ".join(s["text"] for s in block["sentences"])
        blocks.append(Block(index, block["kind"], text, tuple(sentences)))
    return Article(title=document["name"], blocks=tuple(blocks))


def _same_source(predicted: str, gold: str) -> bool:
    """A source matches when one name contains the other ("Biden" / "Joe Biden")."""
    a, b = predicted.casefold(), gold.casefold()
    return a in b or b in a


def _ratio(hits: int, total: int) -> float:
    """hits/total, 0 when there is nothing to count."""
    return hits / total if total else 0.0


def score(documents: list[dict], predicted: list[list[Claim]]) -> Scores:
    """Compare claims found with the gold annotations, document by document."""
    found = gold_total = hits = kind_hits = 0
    attributed = attribution_hits = required = required_hits = 0
    for document, claims in zip(documents, predicted, strict=True):
        by_position = {(c.block, c.sentence): c for c in claims}
        found += len(claims)
        for b, block in enumerate(document["blocks"]):
            for s, gold in enumerate(block["sentences"]):
                if not gold["claim"]:
                    continue
                gold_total += 1
                claim = by_position.get((b, s))
                if claim is None:
                    continue
                hits += 1
                kind_hits += claim.kind in gold["kinds"]
                names = [n for n in gold["attributed_to"] if n]
                match = claim.attributed_to is not None and any(_same_source(claim.attributed_to, n) for n in names)
                if claim.attributed_to is not None:
                    attributed += 1
                    attribution_hits += match
                if names and None not in gold["attributed_to"]:
                    required += 1
                    required_hits += match
    return Scores(
        _ratio(hits, found), _ratio(hits, gold_total), _ratio(kind_hits, hits),
        _ratio(attribution_hits, attributed), _ratio(required_hits, required), gold_total,
    )


def evaluate(gold_path: Path = DEFAULT_GOLD, split: str | None = None) -> Scores:
    """Run the import-time analysis (tagger, rules, claims) on the gold documents of one
    split ("dev": used while writing the rules, "heldout": never tuned on) or all."""
    from lettore.analyse.claims import extract_claims
    from lettore.analyse.run import find_entities

    documents = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    documents = [d for d in documents if split is None or d.get("split") == split]
    predicted = []
    for document in documents:
        article = article_from_gold(document)
        predicted.append(extract_claims(article, find_entities(article), {}))
    return score(documents, predicted)


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    for split in ("dev", "heldout", None):
        result = evaluate(args.gold, split)
        print(f"[{split or 'all'}] gold claims {result.gold_claims}")
        print(f"  claim detection: precision {result.detection_precision:.3f} recall {result.detection_recall:.3f}")
        print(f"  kind accuracy on detected claims: {result.kind_accuracy:.3f}")
        print(f"  attribution: precision {result.attribution_precision:.3f} recall {result.attribution_recall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
