"""`reader eval-ner FILE.tsv`: score the shipped NER model on KIND-format gold data."""

from __future__ import annotations

import argparse

from lettore.errors import UserError

HELP = "score the shipped NER model on KIND-format gold (token TAB IOB2 tag)"
DESCRIPTION = (
    "Tag the tokens of FILE with the shipped Italian NER model and print precision, "
    "recall and F1 per label and micro-averaged, at entity level (exact span and label) "
    "and token level (labels without B-/I-, as the NERMuD scorer counts them). The last "
    "line reads: entity-f1 0.xxxx token-f1 0.xxxx tokens-per-s N."
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the `eval-ner` subcommand."""
    parser = subparsers.add_parser("eval-ner", help=HELP, description=DESCRIPTION)
    parser.add_argument(
        "file", metavar="FILE", help="gold file: token<TAB>IOB2 tag per line, blank line between sentences"
    )
    parser.add_argument(
        "--window",
        type=int,
        default=None,
        help="sentences either way that count as one article for document consistency "
        "(default 20; 0 scores the tagger without it)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: object = None) -> int:
    """Evaluate and print the report; bad input raises UserError (the library is not used)."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.analyse.ner.evaluate import CONSISTENCY_WINDOW, evaluate_file, format_report

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.analyse.ner.gold import read_gold

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.analyse.ner.tagger import Tagger

    read_gold(args.file)  # fail on a bad file before loading the model
    tagger = Tagger.load()
    window = getattr(args, "window", None)
    if window is not None and window < 0:
        raise UserError(f"--window must be 0 or more, got {window}")
    window = CONSISTENCY_WINDOW if window is None else window
    evaluation = evaluate_file(args.file, tagger, consistency_window=window)
    print(format_report(evaluation))
    return 0
