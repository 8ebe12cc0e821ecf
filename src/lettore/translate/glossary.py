"""The user's glossary: Italian terms with the English every engine must use.

Terms come from `glossary:` in config.yaml and from `glossary.tsv` in the library folder
(`reader glossary add/remove`; the file wins over the config for the same term). Apertium
gets them protected and substituted, the LLM in its request, and any engine's output is
checked for them like names."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from lettore.errors import UserError

FILENAME = "glossary.tsv"


def glossary_path(home: Path) -> Path:
    """Where the library folder keeps its glossary."""
    return home / FILENAME


def read_glossary(path: Path) -> dict[str, str]:
    """Terms from a TSV file (`italian<TAB>english` a line; `#` comments); missing file: none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the glossary {path}: {exc}; fix or delete the file") from None
    terms: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        italian, sep, english = line.partition("\t")
        if sep and italian.strip() and english.strip():
            terms[" ".join(italian.split())] = " ".join(english.split())
    return terms


def write_glossary(path: Path, terms: Mapping[str, str]) -> None:
    """Write the file whole, through a temporary file, so a crash never leaves half of it."""
    ordered = sorted(terms.items(), key=lambda kv: kv[0].casefold())
    body = "# italian\tenglish\n" + "".join(f"{k}\t{v}\n" for k, v in ordered)
    temporary = path.with_suffix(".tsv.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(body, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise UserError(f"cannot write the glossary {path}: {exc.strerror}") from None


def checked_term(text: str, what: str) -> str:
    """A term on one line with single spaces, or `UserError`."""
    flat = " ".join(text.split())
    if not flat:
        raise UserError(f"the {what} term is empty: give it in quotes, e.g. \"carri armati\" \"tanks\"")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in flat):
        raise UserError(f"the {what} term holds control characters: type it as plain text")
    return flat


def merged_glossary(settings: object, home: Path | None) -> dict[str, str]:
    """The config's glossary, then the library folder's file over it."""
    terms = dict(getattr(settings, "glossary", {}) or {})
    if home is not None:
        terms.update(read_glossary(glossary_path(home)))
    return terms


def terms_in(text: str, glossary: Mapping[str, str]) -> list[tuple[str, str]]:
    """The glossary's (Italian, English) pairs whose Italian occurs in `text` as whole words."""
    return [
        (italian, english) for italian, english in glossary.items()
        if re.search(rf"(?<!\w){re.escape(italian)}(?!\w)", text, re.IGNORECASE)
    ]
