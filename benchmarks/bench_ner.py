"""Print the shipped NER tagger's throughput (tokens/s) on KIND WN_train text.

Usage: python benchmarks/bench_ner.py [--data /work/shared/data/kind] [--sentences N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lettore.analyse.ner.gold import read_gold
from lettore.analyse.ner.tagger import Tagger


def main() -> None:
    """Load the model, tag the sentences from tokens and from raw text, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/kind"))
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    started = time.perf_counter()
    tagger = Tagger.load()
    print(f"load: {time.perf_counter() - started:.2f} s")
    gold = read_gold(args.data / "WN_train.tsv")[: args.sentences]
    tokens = [[token for token, _ in sentence] for sentence in gold]
    count = sum(len(t) for t in tokens)
    started = time.perf_counter()
    tagger.tag_tokens(tokens)
    seconds = time.perf_counter() - started
    print(f"tag_tokens: {count} tokens in {seconds:.2f} s = {count / seconds:,.0f} tokens/s")
    texts = [" ".join(t) for t in tokens]
    started = time.perf_counter()
    tagger.tag_document(texts)
    seconds = time.perf_counter() - started
    print(f"tag_document (tokenize + consistency): {count / seconds:,.0f} tokens/s")


if __name__ == "__main__":
    main()
