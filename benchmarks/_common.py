"""What the benchmarks share: where the repository and the shared data are, the source
tree first on the path (so a benchmark measures this checkout, not an installed copy),
and the generated inputs more than one benchmark reads."""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
# The fake services of the test suite (local HTTP servers speaking an engine's protocol).
FAKES = REPO / "tests"
SHARED_DATA = Path(os.environ.get("LETTORE_SHARED_DATA") or REPO.parent / "shared" / "data")
NTREX = SHARED_DATA / "ntrex" / "newstest2019-ref.ita.txt"


def use_source_tree(fakes: bool = False) -> None:
    """Put this checkout's package (and, when asked, the test suite's fake servers) first
    on the import path."""
    for path in ([FAKES] if fakes else []) + [SRC]:
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))


def italian_text(megabytes: float) -> list[str]:
    """Paragraphs of real Italian news text (NTREX) adding up to about `megabytes`."""
    lines = [line.strip() for line in NTREX.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        for i in range(0, len(lines), 4):
            paragraph = " ".join(lines[i : i + 4])
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8"))
    return paragraphs


def make_large_article(path: Path, paragraphs: int = 5000) -> None:
    """An Italian article of ~2.5 MB built from the seed's sentences, reshuffled."""
    use_source_tree()
    from lettore.segment import split_sentences  # after the path is set

    seed = (REPO / "seeds" / "kim-tanks-russia.it.txt").read_text(encoding="utf-8")
    sentences = [s.text for line in seed.splitlines()[1:] if len(line) > 80 for s in split_sentences(line)]
    rng = random.Random(7)
    blocks = []
    for i in range(paragraphs):
        if i % 25 == 0:
            blocks.append(f"Capitolo {i // 25 + 1}")
        text = " ".join(rng.choice(sentences) for _ in range(3))
        blocks.append(f"Paragrafo {i + 1}. {text}")
    blocks.append("Ultimo paragrafo dell'articolo generato, che chiude il testo.")
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def jobs_option() -> int:
    """The engine benchmarks' `--jobs` (requests at once, default 4)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=4)
    return int(parser.parse_args().jobs)


def numbered_library(folder: Path, articles: int = 10) -> tuple[Any, list[int]]:
    """A library in `folder` holding `articles` numbered articles (a heading and 7
    paragraphs of 7 sentences each: 50 sentences), and their ids."""
    use_source_tree(fakes=True)
    from fakes.articles import numbered_article
    from lettore.store import Library

    library = Library.open(folder / "library.sqlite3")
    return library, [library.add_article(numbered_article(f"Articolo {n}", 7, 7))[0] for n in range(articles)]
