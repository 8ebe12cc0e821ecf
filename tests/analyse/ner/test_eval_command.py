"""`reader eval-ner`: report layout, closing line and errors a user can cause."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from lettore.commands import eval_ner
from lettore.errors import UserError
from tests.locations import FIXTURES

FIXTURES = FIXTURES / "ner"
CLOSING = re.compile(r"^entity-f1 (\d\.\d{4}) token-f1 (\d\.\d{4}) tokens-per-s (\d+)$")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader")
    eval_ner.add_parser(parser.add_subparsers(dest="command"))
    return parser


def test_report_on_obvious_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    args = _parser().parse_args(["eval-ner", str(FIXTURES / "obvious.tsv")])
    assert args.func(args) == 0
    out = capsys.readouterr().out.strip().splitlines()
    match = CLOSING.match(out[-1])
    assert match, out[-1]
    entity_f1, token_f1, speed = float(match[1]), float(match[2]), int(match[3])
    assert entity_f1 >= 0.8 and token_f1 >= 0.8 and speed > 0
    text = "\n".join(out)
    assert "entity level" in text and "token level" in text
    for label in ("PER", "ORG", "LOC", "micro"):
        assert sum(line.split()[0] == label for line in out if line.strip()) == 2


def test_help_mentions_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["eval-ner", "--help"])
    assert "IOB2" in capsys.readouterr().out


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    args = _parser().parse_args(["eval-ner", str(tmp_path / "nope.tsv")])
    with pytest.raises(UserError, match="no such file"):
        eval_ner.run(args)


def test_malformed_file_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Roma LOC\n", encoding="utf-8")
    args = _parser().parse_args(["eval-ner", str(bad)])
    with pytest.raises(UserError, match=r"bad\.tsv:1"):
        eval_ner.run(args)
