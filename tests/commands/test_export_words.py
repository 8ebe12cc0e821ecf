"""`reader export-words`: saved words as CSV, and as a TSV that Anki imports with the
sentence as context."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from lettore.cli import main
from lettore.paths import library_path
from lettore.store import Library
from lettore.store.words import save_word
from lettore.words import SavedWord

WORDS = [
    SavedWord("costano", "costare", "verb", "cost", "Le case costano troppo.", "Houses cost too much.",
              None, "Prezzi", 1_700_000_000.0),
    SavedWord("case", "casa", "noun", "house, home", "Le case\tcostano <molto>.", None, None, "Prezzi",
              1_700_000_100.0),
]


def fill(home: Path) -> None:
    """Save two words in the library under `home`."""
    library = Library.open(library_path(home))
    for word in WORDS:
        save_word(library, word)
    library.close()


def test_csv_has_one_row_per_word(home: Path, capsys) -> None:
    """The CSV round-trips through a CSV reader with every column."""
    fill(home)
    assert main(["export-words", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["word"], r["lemma"], r["english"]) for r in rows] == [
        ("costano", "costare", "cost"), ("case", "casa", "house, home")
    ]
    assert rows[0]["sentence"] == "Le case costano troppo."
    assert rows[0]["translation"] == "Houses cost too much."


def test_anki_file_has_headers_and_four_fields(home: Path, tmp_path: Path) -> None:
    """Each note is one line of four tab-separated fields; the word is bold in its context."""
    fill(home)
    out = tmp_path / "words.txt"
    assert main(["export-words", "-f", "anki", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#separator:tab" and "#html:true" in lines
    notes = [line.split("\t") for line in lines if not line.startswith("#")]
    assert all(len(note) == 4 for note in notes)
    assert notes[0][0] == "costare (costano)"
    assert notes[0][2] == "Le case <b>costano</b> troppo.<br><i>Houses cost too much.</i>"
    assert notes[1][2] == "Le <b>case</b> costano &lt;molto&gt;."


def test_empty_list_says_how_to_save(home: Path, capsys) -> None:
    """No saved words: a header-only CSV and a hint on stderr."""
    assert main(["export-words"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("word,lemma")
    assert "press d" in captured.err
