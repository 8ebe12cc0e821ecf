"""Where the subjectivity training data lives and how its files read."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.gold import read_gold

REPO = Path(__file__).resolve().parents[2]


def shared_data() -> Path:
    """$LETTORE_SHARED_DATA, else ../shared/data beside the checkout."""
    return Path(os.environ.get("LETTORE_SHARED_DATA") or REPO.parent / "shared" / "data")


def default_subjectivity_dir() -> Path:
    """The shared data's subjectivity folder (CheckThat! and NewsSD-ITA files)."""
    return shared_data() / "subjectivity"


def read_newssd(path: Path) -> tuple[list[str], list[int]]:
    """Sentences and labels (1 = SUBJ) from a NewsSD-ITA csv file, in its articles' order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row["Sentence"] for row in rows], [int(row["Label"] == "SUBJ") for row in rows]


def read_checkthat(folder: Path, split: str) -> tuple[list[str], list[int]]:
    """Sentences and labels (1 = SUBJ) of one CheckThat! 2025 Italian split."""
    gold = read_gold(folder / f"checkthat2025_{split}_it.tsv")
    return [sentence.text for sentence in gold], [int(sentence.subjective) for sentence in gold]


def same_sentence_key(text: str) -> str:
    """A key that matches one sentence across files despite spacing and punctuation."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def in_article_order(texts: list[str], scores: np.ndarray, ordered: list[str]) -> tuple[np.ndarray, list[int]]:
    """The columns of `scores` for the `ordered` sentences found in `texts`, and their positions."""
    column = {same_sentence_key(text): i for i, text in enumerate(texts)}
    found = [i for i, text in enumerate(ordered) if same_sentence_key(text) in column]
    return scores[:, [column[same_sentence_key(ordered[i])] for i in found]], found
