"""`reader eval-subjectivity FILE.tsv`: score the shipped subjectivity model on CheckThat! gold."""

from __future__ import annotations

import argparse

HELP = "score the shipped subjectivity model on CheckThat!-format gold (sentence_id TAB sentence TAB label)"
DESCRIPTION = (
    "Classify the sentences of FILE (a CheckThat! subjectivity file: a header line, then "
    "sentence_id<TAB>sentence<TAB>label, label OBJ or SUBJ) with the shipped Italian model and "
    "print precision, recall and F1 per class. Sentences are judged one by one, as CheckThat! "
    "scores them; --in-context reads the file as one article in reading order and lets each "
    "sentence's neighbours count, as the reader does. The last line reads: macro-f1 0.xxxx."
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the `eval-subjectivity` subcommand."""
    parser = subparsers.add_parser("eval-subjectivity", help=HELP, description=DESCRIPTION)
    parser.add_argument("file", metavar="FILE", help="gold file: sentence_id<TAB>sentence<TAB>label (OBJ/SUBJ)")
    parser.add_argument(
        "--in-context",
        action="store_true",
        help="the file keeps its articles' sentence order: count each sentence's neighbours",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: object = None) -> int:
    """Evaluate and print the report; bad input raises UserError (the library is not used)."""
    # Lazy on purpose: the model and numpy load only when this command runs.
    from lettore.analyse.subjectivity import model_description, subjective_alone, subjective_in_context
    from lettore.analyse.subjectivity.evaluate import evaluate, format_report
    from lettore.analyse.subjectivity.gold import read_gold

    gold = read_gold(args.file)  # fail on a bad file before loading the model
    if getattr(args, "in_context", False):
        mode = "in context: the file read as one article"

        def classify(texts: list[str]) -> list[bool]:
            return [opinion.subjective for opinion in subjective_in_context(texts)]
    else:
        mode = "sentence by sentence"

        def classify(texts: list[str]) -> list[bool]:
            return [subjective for subjective, _ in subjective_alone(texts)]

    print(format_report(evaluate(gold, classify), f"{mode}; {model_description(len(gold))}"))
    return 0
