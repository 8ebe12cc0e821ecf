"""Extract the names of every Italian municipality, current and former (ISTAT's list as
python-codicefiscale ships it), into the shipped `municipalities.txt.gz` (part of
`python -m training.ner.train`; alone: `python -m training.ner.places`).

One name a line, tokenized as the tagger sees it, with the one-word heads of `X di Y`
names (`Castelvetro`); names mostly written lowercase in the training text (`Calcio`, `Opera`,
`Male`: they read as words far more often) are left out.
Extracted at build time so the runtime needs neither the package nor its 7 MB table."""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

from lettore.analyse.ner.gazetteer import MUNICIPALITIES_PATH, NAME_CONNECTIVES
from lettore.analyse.ner.lexicon import Lexicon, load_lexicon
from lettore.analyse.ner.tagger import LEXICON_PATH
from lettore.analyse.ner.tokenizer import tokenize_words

NAME_KEYS = ("name", "name_alt", "name_trans", "name_alt_trans")


def municipality_names() -> set[str]:
    """Every name and alternative name in python-codicefiscale's municipality table."""
    import codicefiscale  # training-time only

    data = Path(codicefiscale.__file__).parent / "data" / "municipalities.json"
    names: set[str] = set()
    for place in json.loads(data.read_text(encoding="utf-8")):
        for key in NAME_KEYS:
            for name in (place.get(key) or "").split("/"):
                if name.strip():
                    names.add(name.strip())
    return names


def as_written(name: str) -> str:
    """The name tokenized, with the connectives the table title-cases in lowercase
    (`Gravina Di Catania` -> `Gravina di Catania`, `Pavullo Nel Frignano` -> `Pavullo nel
    Frignano`, `Reggio Nell' Emilia` -> `Reggio nell'Emilia`; the truncated `de'`/`ne'` keep
    their space, as news writes them: `Castelnovo ne' Monti`)."""
    tokens = tokenize_words(re.sub(r"\b(?!(?:de|ne)['’])(\w+['’])\s+", r"\1", name, flags=re.IGNORECASE))
    return " ".join(
        token.lower() if k and token.lower() in NAME_CONNECTIVES else token for k, token in enumerate(tokens)
    )


def short_forms(names: set[str]) -> set[str]:
    """The one-word heads local news uses for `X di Y` names (`Castelvetro` for
    `Castelvetro di Modena`, `Novi` for `Novi di Modena`)."""
    found: set[str] = set()
    for name in names:
        tokens = name.split(" ")
        truncated = tokens[2:3] == ["'"]  # `Cappella de' Picenardi`: its head alone is a common word
        head = tokens[0]
        if len(tokens) > 2 and tokens[1] in NAME_CONNECTIVES and not truncated and head.isalpha() and len(head) > 3:
            found.add(head)
    return found


def write_municipalities(lexicon: Lexicon, folder: Path) -> Path:
    """Write the list beside the model, leaving out the names the lexicon's capitalisation
    cues say are common words."""
    caps = lexicon.caps
    names = {as_written(name) for name in municipality_names()}
    kept = sorted(
        {
            written
            for written in names | short_forms(names)
            if written[:1].isupper() and (" " in written or not caps.get(written.lower(), "").startswith("low"))
        }
    )
    out = folder / MUNICIPALITIES_PATH.name
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as sink:
        sink.write(("\n".join(kept) + "\n").encode("utf-8"))  # mtime 0: the same bytes every run
    print(f"{out}: {len(kept)} names")
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the municipality list beside the shipped model, with its lexicon's cues."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--package", type=Path, default=MUNICIPALITIES_PATH.parent, help="folder of the model")
    args = parser.parse_args(argv)
    write_municipalities(load_lexicon(args.package / LEXICON_PATH.name), args.package)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
