"""`reader add` of a 300-word local news article: wall time of the command (median of 5,
each a new article in a library that already holds the seed), then where the time goes,
phase by phase, in one fresh process.

    LETTORE_SHARED_DATA=../shared/data python benchmarks/bench_add.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LETTORE_SHARED_DATA") or REPO.parent / "shared" / "data")
WORDS = 300


def article_text(words: int = WORDS) -> str:
    """A title and ~`words` words of real local news (the localnews bodies, in turn)."""
    body: list[str] = []
    for path in sorted((SHARED / "localnews").glob("*.txt")):
        body += path.read_text(encoding="utf-8").split()
        if len(body) >= words:
            break
    return "Articolo di prova\n\n" + " ".join(body[:words]) + "\n"


def _env() -> dict[str, str]:
    """The checkout's sources first on the path."""
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def command_times(runs: int = 5) -> list[float]:
    """Seconds of `reader add` for `runs` new articles in a seeded library."""
    home = tempfile.mkdtemp(prefix="bench-add-")
    reader = [sys.executable, "-m", "lettore", "--home", home]
    subprocess.run([*reader, "list"], check=True, capture_output=True, env=_env())  # seeds the library
    times = []
    for run in range(runs):
        path = Path(home) / f"article-{run}.txt"
        path.write_text(article_text().replace("prova", f"prova {run}", 1), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([*reader, "add", str(path)], check=True, capture_output=True, env=_env())
        times.append(time.perf_counter() - started)
    return times


PHASES = r"""
import sys, time
t0 = time.perf_counter()
from lettore.ingest import load_bytes
t1 = time.perf_counter()
article = load_bytes(sys.stdin.buffer.read(), "bench.txt")
t2 = time.perf_counter()
from lettore.analyse.ner import Tagger
Tagger.load()
t3 = time.perf_counter()
from lettore.analyse.run import find_entities
entities = find_entities(article)
t4 = time.perf_counter()
from lettore.analyse.subjectivity import subjective_in_context
subjective_in_context(["Una frase."])
t5 = time.perf_counter()
from lettore.analyse.claims import extract_claims
claims = extract_claims(article, entities, {})
t6 = time.perf_counter()
for name, seconds in [("import ingest", t1 - t0), ("read + segment", t2 - t1), ("NER model load", t3 - t2),
                      ("entities (tag + rules)", t4 - t3), ("subjectivity model load", t5 - t4),
                      ("claims", t6 - t5)]:
    print(f"  {name:26s} {seconds * 1000:7.0f} ms")
print(f"  ({article.sentence_count()} sentences, {len(entities)} entities, {len(claims)} claims)")
"""


def main() -> int:
    """Print the command's median and the phases."""
    times = command_times()
    print(f"reader add, {WORDS}-word article: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
    print("where it goes (one fresh process):")
    result = subprocess.run([sys.executable, "-c", PHASES], input=article_text().encode("utf-8"),
                            capture_output=True, env=_env(), check=True)
    print(result.stdout.decode("utf-8"), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
