"""Print the shipped NER tagger's throughput (tokens/s) on KIND WN_train text, the share
of it the local-news rules take, and the tagger's load time.

Usage: python benchmarks/bench_ner.py [--data DIR] [--sentences N]
(DIR: KIND's folder, by default $LETTORE_SHARED_DATA/kind or ../shared/data/kind beside the checkout)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import SHARED_DATA, use_source_tree

use_source_tree()

from lettore.analyse.ner.gold import read_gold  # noqa: E402
from lettore.analyse.ner.postrules import apply_local_rules  # noqa: E402
from lettore.analyse.ner.tagger import Tagger  # noqa: E402


def default_data() -> Path:
    """KIND's folder in the shared data ($LETTORE_SHARED_DATA, else ../shared/data)."""
    return SHARED_DATA / "kind"


def main() -> None:
    """Load the model, tag the sentences from tokens and from raw text, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    started = time.perf_counter()
    tagger = Tagger.load()
    print(f"load: {time.perf_counter() - started:.2f} s")
    gold = read_gold(args.data / "WN_train.tsv")[: args.sentences]
    tokens = [[token for token, _ in sentence] for sentence in gold]
    count = sum(len(t) for t in tokens)
    started = time.perf_counter()
    tagged = tagger.tag_tokens(tokens)
    seconds = time.perf_counter() - started
    print(f"tag_tokens: {count} tokens in {seconds:.2f} s = {count / seconds:,.0f} tokens/s")
    started = time.perf_counter()
    apply_local_rules(tokens, tagged, tagger.gazetteer)
    rules = time.perf_counter() - started
    print(f"  of which local-news rules: {rules:.2f} s ({count / rules:,.0f} tokens/s alone)")
    texts = [" ".join(t) for t in tokens]
    started = time.perf_counter()
    tagger.tag_document(texts)
    seconds = time.perf_counter() - started
    print(f"tag_document (tokenize + consistency): {count / seconds:,.0f} tokens/s")


if __name__ == "__main__":
    main()
