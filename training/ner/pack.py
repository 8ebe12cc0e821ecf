"""Write the tagger's run-time files from the training outputs kept in training/ner/,
without retraining (part of `python -m training.ner.train`; alone:
`python -m training.ner.pack --data $LETTORE_SHARED_DATA/kind`):

- lexicon.pack from lexicon.json.gz (the built lexicon), in the packed form the tagger
  opens in milliseconds;
- model.npz from model.crfsuite (the fitted CRF), compiled with its pair-feature index
  and the most frequent word types of the unlabeled text already weighed.

The window network (window_net.npz) is itself the training output and is left as it is."""

from __future__ import annotations

import argparse
from pathlib import Path

from lettore.analyse.ner.tagger import LEXICON_PATH, MODEL_PATH
from training.ner.lexicon_json import LEXICON_SOURCE, read_json_lexicon


def main(argv: list[str] | None = None) -> int:
    """Read the training outputs, write the run-time files into the package."""
    from training.ner.train import CRF_PATH, compile_model, default_data, unlabeled_text

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(), help="folder with KIND *_train.tsv")
    parser.add_argument("--package", type=Path, default=MODEL_PATH.parent, help="folder for the run-time files")
    parser.add_argument("--lexicon", type=Path, default=LEXICON_SOURCE, help="built lexicon (gzip'd JSON)")
    parser.add_argument("--crf", type=Path, default=CRF_PATH, help="fitted crfsuite model")
    parser.add_argument("--unlabeled", nargs="*", default=[], help="KIND files read as unlabeled text")
    args = parser.parse_args(argv)
    lexicon = read_json_lexicon(args.lexicon)
    lexicon.save(args.package / LEXICON_PATH.name)
    compile_model(args.crf, lexicon, args.package / MODEL_PATH.name, unlabeled_text(args))
    print(f"wrote {args.package / LEXICON_PATH.name} and {args.package / MODEL_PATH.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
