"""`reader export-words --format csv|anki`: the words saved in the reader (`s`), as a CSV
table or as an Anki-importable tab-separated file with the sentence as context."""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lettore.words import SavedWord

if TYPE_CHECKING:
    from lettore.cli import Context

FORMATS = ("csv", "anki")
CSV_COLUMNS = ("word", "lemma", "part_of_speech", "english", "sentence", "translation", "article", "saved_at")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `export-words`."""
    parser = subparsers.add_parser(
        "export-words", help="write the saved words (csv, or a TSV Anki imports)",
        description="Export the words saved with `s` in the reader, each with its lemma, English"
        " gloss and the sentence it was met in. `--format anki` writes a tab-separated file with"
        " Anki's import headers (File > Import; fields: Italian, English, Context).",
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="csv")
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Write the saved words; an empty list says how to save some (on stderr)."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.store.words import saved_words

    words = saved_words(ctx.library())
    if not words:
        print("reader: no saved words yet; press d on a word in the reader, then s", file=sys.stderr)
    text = render_words(words, args.format)
    if args.output:
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.userfiles import write_user_text

        write_user_text(Path(args.output), text, newline="")
    else:
        sys.stdout.write(text)
    return 0


def render_words(words: list[SavedWord], fmt: str) -> str:
    """The export text in `csv` or `anki` format."""
    return _anki(words) if fmt == "anki" else _csv(words)


def _csv(words: list[SavedWord]) -> str:
    """One row per saved word, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for w in words:
        saved_at = time.strftime("%Y-%m-%d %H:%M", time.localtime(w.created)) if w.created else ""
        writer.writerow(
            [w.word, w.lemma, w.pos or "", w.gloss, w.sentence, w.translation or "", w.article_title or "", saved_at]
        )
    return out.getvalue()


def _anki(words: list[SavedWord]) -> str:
    """Anki's plain-text import: headers, then Italian, English, context (HTML), tags."""
    lines = [
        "#separator:tab",
        "#html:true",
        "#columns:Italian\tEnglish\tContext\tTags",
        "#tags column:4",
    ]
    for w in words:
        front = _html(w.lemma if w.lemma == w.word.lower() else f"{w.lemma} ({w.word})")
        back = _html(w.gloss + (f" — {w.pos}" if w.pos else "")) or "?"
        context = _mark(w.sentence, w.word)
        if w.translation:
            context += "<br><i>" + _html(w.translation) + "</i>"
        tags = "lettore" + (f" {w.pos.replace(' ', '_')}" if w.pos else "")
        lines.append("\t".join((front, back, context, tags)))
    return "\n".join(lines) + "\n"


def _html(text: str) -> str:
    """Escape for Anki's HTML fields; tabs and newlines would break the row."""
    # lazy: heavy, loaded only by the command that needs it
    import html

    return html.escape(text.replace("\t", " ").replace("\r", " ").replace("\n", " "), quote=False)


def _mark(sentence: str, word: str) -> str:
    """The sentence with the saved word in bold (first occurrence)."""
    at = sentence.find(word)
    if at < 0:
        return _html(sentence)
    return _html(sentence[:at]) + "<b>" + _html(word) + "</b>" + _html(sentence[at + len(word) :])
