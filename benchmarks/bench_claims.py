"""Claim extraction throughput on ~1 MB of Italian news text (NTREX Italian side,
repeated, four lines a paragraph, segmented), with the rule entities
(dates, money) as input, against the same text's tokenisation as the baseline.

    python benchmarks/bench_claims.py [--mb 1.0]
"""

from __future__ import annotations

import argparse
import re
import time

from _common import use_source_tree

use_source_tree()


def article(megabytes: float):
    """An Article of real Italian paragraphs (the analysis benchmark's text) of ~`megabytes`."""
    from _common import italian_text
    from lettore.model import Article
    from lettore.segment import make_block

    blocks = tuple(make_block(i, "paragraph", p) for i, p in enumerate(italian_text(megabytes)))
    return Article(title="bench", blocks=blocks)


def main() -> int:
    """Print sentences/s, MB/s and the ratio to tokenisation."""
    from lettore.analyse.claims import extract_claims
    from lettore.analyse.rules import find_rule_entities

    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1.0)
    args = parser.parse_args()
    doc = article(args.mb)
    sentences = [(b.index, s) for b in doc.blocks for s in b.sentences]
    size = sum(len(s.text.encode("utf-8")) for _, s in sentences) / 1e6
    entities = [e._replace(block=b, sentence=s.index) for b, s in sentences for e in find_rule_entities(s.text)]

    started = time.perf_counter()
    tokens = sum(len(re.findall(r"\w+|[^\w\s]", s.text)) for _, s in sentences)
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    claims = extract_claims(doc, entities, {})
    elapsed = time.perf_counter() - started

    print(f"text: {size:.2f} MB, {len(sentences)} sentences, {tokens} tokens, {len(claims)} claims")
    print(f"claims: {elapsed:.2f} s, {len(sentences) / elapsed:,.0f} sentences/s, {size / elapsed:.2f} MB/s")
    print(f"baseline tokenisation: {baseline:.3f} s; claims / tokenisation time = {elapsed / baseline:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
