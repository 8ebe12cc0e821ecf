"""`reader eval-subjectivity`: report layout, closing line, context mode and errors a user can cause."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lettore.analyse.subjectivity.encoder import encoder_available
from lettore.cli import main
from tests.locations import FIXTURES

OBVIOUS = FIXTURES / "subjectivity" / "obvious.tsv"
CLOSING = re.compile(r"^macro-f1 (\d\.\d{4})$")


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["eval-subjectivity", *args]) == 0
    return capsys.readouterr().out.strip().splitlines()


def test_report_on_obvious_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    out = _report(capsys, str(OBVIOUS))
    match = CLOSING.match(out[-1])
    assert match, out[-1]
    assert float(match[1]) == 1.0
    rows = {line.split()[0]: line.split()[1:] for line in out if line.strip().startswith(("OBJ", "SUBJ"))}
    assert rows == {"OBJ": ["1.0000"] * 3 + ["4", "4"], "SUBJ": ["1.0000"] * 3 + ["3", "3"]}
    assert "sentence by sentence" in out[0] and "7 sentences classified" in "\n".join(out)
    assert ("multilingual-e5-small" if encoder_available() else "lexical") in out[0]


def test_wrong_verdicts_lower_the_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flipped = tmp_path / "flipped.tsv"
    lines = OBVIOUS.read_text(encoding="utf-8").splitlines()
    swap = {"OBJ": "SUBJ", "SUBJ": "OBJ"}
    flipped.write_text("\n".join([lines[0], *(line.rsplit("\t", 1)[0] + "\t" + swap[line.rsplit("\t", 1)[1]]
                                              for line in lines[1:])]) + "\n", encoding="utf-8")
    assert _report(capsys, str(flipped))[-1] == "macro-f1 0.0000"


def test_in_context_reads_the_file_as_one_article(capsys: pytest.CaptureFixture[str]) -> None:
    out = _report(capsys, "--in-context", str(OBVIOUS))
    assert "in context" in out[0] and CLOSING.match(out[-1])


def test_help_mentions_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["eval-subjectivity", "--help"])
    assert "OBJ or SUBJ" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("sentence\tlabel\nIl sindaco ha parlato.\tFORSE\n", "bad.tsv:2: unknown label")],
)
def test_bad_file_exits_2_with_one_line(tmp_path: Path, content: str | None, message: str) -> None:
    bad = tmp_path / "bad.tsv"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lettore", "eval-subjectivity", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
