"""Reading CheckThat! gold: both published layouts, and every bad file a user can give."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.analyse.subjectivity.gold import GoldSentence, parse_gold, read_gold
from lettore.errors import UserError
from tests.locations import FIXTURES, SHARED_DATA

HEADER = "sentence_id\tsentence\tlabel\n"


def test_plain_and_csv_quoted_sentences_read_the_same() -> None:
    text = HEADER + (
        'x1\t"Basta così", ha detto il sindaco.\tSUBJ\n'
        'x2\t"""Basta così"", ha detto il sindaco."\tSUBJ\n'
        'x3\t"Laddove non accadesse, valuteremo"\tOBJ\n'
    )
    gold = parse_gold(text)
    assert gold[0] == GoldSentence("x1", '"Basta così", ha detto il sindaco.', True)
    assert gold[1].text == gold[0].text
    assert gold[2] == GoldSentence("x3", "Laddove non accadesse, valuteremo", False)


def test_columns_found_by_header_and_blank_lines_skipped() -> None:
    gold = parse_gold("label\tsentence\n\nOBJ\tIl Comune ha chiuso la strada.\n\n")
    assert gold == [GoldSentence("line 3", "Il Comune ha chiuso la strada.", False)]


def test_fixture_reads() -> None:
    gold = read_gold(FIXTURES / "subjectivity" / "obvious.tsv")
    assert len(gold) == 7 and sum(sentence.subjective for sentence in gold) == 3
    assert gold[2].text == '"La seduta è aggiornata a giovedì", ha comunicato la segreteria.'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("id\ttext\ttag\nx\tCiao.\tOBJ\n", "header with 'sentence' and 'label'"),
        (HEADER + "x1\tIl sindaco ha parlato.\tNEUTRAL\n", r"<gold>:2: unknown label 'NEUTRAL'"),
        (HEADER + "x1\tIl sindaco ha parlato.\tOBJ\nx2 Il sindaco ha parlato. OBJ\n", "<gold>:3: expected 3"),
        (HEADER, "no labelled sentences"),
    ],
)
def test_bad_text_is_a_user_error_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_gold(text)


def test_unreadable_files_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        read_gold(tmp_path / "nope.tsv")
    latin = tmp_path / "latin.tsv"
    latin.write_bytes(HEADER.encode() + "x\tPerché sì.\tOBJ\n".encode("latin-1"))
    with pytest.raises(UserError, match="not UTF-8"):
        read_gold(latin)
    with pytest.raises(UserError, match="is a directory"):
        read_gold(tmp_path)


@pytest.mark.parametrize(("split", "count"), [("train", 1613), ("dev", 667), ("dev_test", 513)])
def test_every_checkthat_split_reads_whole(split: str, count: int) -> None:
    path = SHARED_DATA / "subjectivity" / f"checkthat2025_{split}_it.tsv"
    if not path.exists():
        pytest.skip("CheckThat! data not available")
    gold = read_gold(path)
    assert len(gold) == count and len({sentence.sentence_id for sentence in gold}) == count
    assert not any(sentence.text.startswith('"""') for sentence in gold)
