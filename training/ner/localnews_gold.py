"""Build the local-news entity gold (KIND IOB2 `token<TAB>tag`) from the articles and
the hand annotations beside the gold:

    python -m training.ner.localnews_gold --data $LETTORE_SHARED_DATA/localnews

Each article is split into blocks and sentences as `reader add` splits it and tokenized
as the tagger tokenizes; every annotation line (`surface<TAB>LABEL[<TAB>occurrences]`,
surface as space-separated tokens) tags the matching token runs, longest first; the
optional third column lists which occurrences (1-based) it applies to."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from lettore.analyse.ner.tokenizer import tokenize_words
from lettore.ingest.text import parse_text
from lettore.segment import make_block

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold" / "localnews"
# Every third article from the second, in id order, is held out as test; the rest is dev.
SPLITS = {
    "test": ("dice_00428", "dice_00480", "dice_00518", "dice_00544", "dice_48226"),
    "dev": (
        "dice_00374", "dice_00455", "dice_00462", "dice_00506", "dice_00517",
        "dice_00525", "dice_00530", "dice_00553", "dice_48219", "dice_48234",
    ),
}


@dataclass(frozen=True)
class Annotation:
    """One hand annotation: a token run, its label, and the occurrences it covers (None: all)."""

    tokens: tuple[str, ...]
    label: str
    occurrences: frozenset[int] | None


def read_annotations(path: Path) -> list[Annotation]:
    """The annotations of one article, longest surface first."""
    found: list[Annotation] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        surface, label, *rest = line.split("\t")
        occurrences = frozenset(int(n) for n in rest[0].split(",")) if rest else None
        found.append(Annotation(tuple(surface.split(" ")), label, occurrences))
    return sorted(found, key=lambda a: -len(a.tokens))


def article_sentences(text: str) -> list[list[str]]:
    """The article's sentences as tokens, split the way an imported article is."""
    parsed = parse_text(text)
    return [
        tokenize_words(sentence.text)
        for index, (kind, block_text) in enumerate(parsed.blocks)
        for sentence in make_block(index, kind, block_text).sentences
    ]


def tag_article(sentences: list[list[str]], annotations: list[Annotation]) -> list[list[str]]:
    """IOB2 tags for the article's sentences from its annotations."""
    seen: dict[tuple[str, ...], int] = {}
    result: list[list[str]] = []
    for tokens in sentences:
        tags = ["O"] * len(tokens)
        i = 0
        while i < len(tokens):
            counted: set[tuple[str, ...]] = set()
            step = 1
            for annotation in annotations:
                n = len(annotation.tokens)
                if tuple(tokens[i : i + n]) != annotation.tokens:
                    continue
                if annotation.tokens not in counted:
                    seen[annotation.tokens] = seen.get(annotation.tokens, 0) + 1
                    counted.add(annotation.tokens)
                if annotation.occurrences is not None and seen[annotation.tokens] not in annotation.occurrences:
                    continue
                tags[i : i + n] = ["B-" + annotation.label] + ["I-" + annotation.label] * (n - 1)
                step = n
                break
            i += step
        result.append(tags)
    return result


def write_split(data: Path, names: tuple[str, ...], out: Path) -> None:
    """Write one split's articles, in order, as one gold file."""
    with out.open("w", encoding="utf-8") as sink:
        for name in names:
            sentences = article_sentences((data / f"{name}.txt").read_text(encoding="utf-8"))
            annotations = read_annotations(GOLD_DIR / "annotations" / f"{name}.txt")
            for tokens, tags in zip(sentences, tag_article(sentences, annotations), strict=True):
                sink.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags, strict=True))
                sink.write("\n")


def main(argv: list[str] | None = None) -> int:
    """Write dev.tsv and test.tsv beside the annotations."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the localnews dice_*.txt articles")
    parser.add_argument("--out", type=Path, default=GOLD_DIR, help="folder to write dev.tsv and test.tsv")
    args = parser.parse_args(argv)
    for split, names in SPLITS.items():
        write_split(args.data, names, args.out / f"{split}.tsv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
