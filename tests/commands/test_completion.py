"""`reader completion SHELL`: scripts generated from the parser, that a real bash completes with."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lettore.cli import main
from lettore.commands import COMMAND_MODULES


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    """What `reader completion SHELL` prints."""
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def bash_complete(script_path: Path, line: str) -> list[str]:
    """The words bash offers at the end of `line`, with the script sourced."""
    program = (
        f'source "{script_path}"; read -ra COMP_WORDS <<< "$LINE"; [[ "$LINE" == *" " ]] && COMP_WORDS+=("");'
        ' COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$LINE"; COMP_POINT=${#LINE};'
        ' _shtab_reader; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", program], env={"LINE": line, "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
def test_bash_completes_commands_options_and_choices(home, tmp_path, capsys) -> None:
    """Commands by prefix, a command's options, and an option's choices."""
    path = tmp_path / "reader.bash"
    path.write_text(script("bash", capsys), encoding="utf-8")
    assert bash_complete(path, "reader ex") == ["export", "export-words"]
    assert bash_complete(path, "reader export 1 --format ") == ["json", "md", "html", "csv"]
    assert "--engine-url" in bash_complete(path, "reader prepare --")
    assert bash_complete(path, "reader completion ") == ["bash", "zsh", "fish"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_command_is_in_every_shell_script(shell, home, capsys) -> None:
    """The script comes from the full parser: every command is offered."""
    text = script(shell, capsys)
    for name, _ in COMMAND_MODULES:
        assert name in text, name
    if shutil.which(shell):  # a syntax check where the shell is installed
        subprocess.run([shell, "-n"], input=text, text=True, check=True, timeout=60)


def test_unknown_shell_is_refused(home, capsys) -> None:
    """argparse names the choices (exit 2)."""
    with pytest.raises(SystemExit) as exc:
        main(["completion", "tcsh"])
    assert exc.value.code == 2
    assert "bash" in capsys.readouterr().err
