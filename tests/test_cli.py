"""The `reader` command line: add, list, export, open on paths, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lettore.cli import main

REPO = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `reader` in a child process, as a user would."""
    return subprocess.run([sys.executable, "-m", "lettore", *args], capture_output=True, text=True, timeout=120)


def test_fresh_library_holds_the_translated_seed(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Di recente Kim Jong Un" in out and "2025-05" in out and "100%" in out


def test_export_json_contract_of_the_seed(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "1", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {"id", "title", "date", "source_lang", "target_lang", "blocks", "entities", "claims"} <= set(doc)
    assert doc["date"] == "2025-05" and doc["source_lang"] == "it" and doc["target_lang"] == "en"
    kinds = [b["kind"] for b in doc["blocks"]]
    assert kinds.count("heading") == 2 and kinds[0] == "paragraph"
    for block in doc["blocks"]:
        assert set(block) == {"index", "kind", "text", "sentences"}
        for s in block["sentences"]:
            assert set(s) == {"index", "text", "start", "end", "translation", "translation_source",
                              "translation_rough"}
            assert block["text"][s["start"] : s["end"]] == s["text"]
            assert s["translation"] and s["translation_source"] == "memory"
    assert "Ascolta ora" not in json.dumps(doc)


def test_add_then_export_markdown_marks_untranslated(home: Path, tmp_path: Path, capsys) -> None:
    article = tmp_path / "nota.md"
    article.write_text("# Una nota\n\nIl sig. Rossi ha pagato 3,5 euro. Poi è uscito.\n", encoding="utf-8")
    assert main(["add", str(article)]) == 0
    assert "added" in capsys.readouterr().out
    assert main(["add", str(article)]) == 0
    assert "already in the library" in capsys.readouterr().out
    assert main(["export", str(article), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "## Una nota" in out and "Il sig. Rossi ha pagato 3,5 euro." in out
    assert "not translated yet" in out


def test_export_imports_a_new_path_first(home: Path, tmp_path: Path, capsys) -> None:
    article = tmp_path / "pezzo.txt"
    article.write_text("Titolo breve\n\nIl governo ha approvato la legge. Il voto è finito.\n", encoding="utf-8")
    assert main(["export", str(article)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] == "Titolo breve"
    assert main(["list"]) == 0
    assert "Titolo breve" in capsys.readouterr().out


def test_stdin_import(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lettore", "add", "-"], input="Un testo da standard input. Fine.\n",
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Un testo da standard input" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "/nonexistent/articolo.txt"], "no such file"),
        (["open", "999"], "no article with id 999"),
        (["export", "999"], "no article with id 999"),
    ],
)
def test_user_errors_exit_2_with_one_line(home: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_bad_config_exits_2_naming_file_and_line(home: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("jobs: 2\nthemez: nord\n", encoding="utf-8")
    result = run("--config", str(config), "list")
    assert result.returncode == 2
    assert f"{config}:2: key 'themez' is unknown" in result.stderr


def test_version_and_help_on_every_subcommand() -> None:
    assert "lettore" in run("--version").stdout
    from lettore.commands import COMMAND_MODULES

    for name, _ in COMMAND_MODULES:
        result = run(name, "--help")
        assert result.returncode == 0 and "usage: reader" in result.stdout, name


def test_unknown_command_lists_the_commands(home: Path) -> None:
    result = run("--home", str(home), "nonsense")
    assert result.returncode == 2
    assert "invalid choice: 'nonsense'" in result.stderr and "'export'" in result.stderr


def test_list_json_gives_one_object_per_article(home: Path, tmp_path: Path, capsys) -> None:
    """Scripts read the library as JSON: the fields of `list`, one object per article."""
    article = tmp_path / "nota.md"
    article.write_text("# Una nota\n\nIl governo ha approvato la legge.\n", encoding="utf-8")
    assert main(["add", str(article)]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [
        {"id", "title", "date", "blocks", "sentences", "translated_sentences", "percent_translated",
         "rough_sentences", "percent_rough"}
    ] * 2
    seed, note = sorted(rows, key=lambda r: r["id"])
    assert seed["date"] == "2025-05" and seed["percent_translated"] == 100 and "Kim" in seed["title"]
    assert note["title"] == "Una nota" and note["percent_translated"] == 0 and note["date"] is None


def test_add_on_a_fresh_library_brings_the_seed_as_list_and_reader_do(home: Path, tmp_path: Path, capsys) -> None:
    """`reader add` first on a fresh library: the seed is there too, as after `reader list`."""
    article = tmp_path / "pezzo.txt"
    article.write_text("Titolo breve\n\nIl voto è finito.\n", encoding="utf-8")
    assert main(["add", str(article)]) == 0
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Titolo breve" in out and "Di recente Kim Jong Un" in out


def test_help_serves_as_the_manual(capsys) -> None:
    """`reader --help` names every command, the bare command, environment, files and exit codes."""
    from lettore.commands import COMMAND_MODULES

    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name, _ in COMMAND_MODULES:
        assert f"\n    {name}" in out, name
    for section in ("With no COMMAND", "environment:", "files:", "exit status:", "LETTORE_HOME", "NO_COLOR"):
        assert section in out, section
    assert "2 a problem you can fix" in out and "3 partial translation" in out
