"""NO_COLOR: nothing `reader` prints carries colour, even where a terminal would get it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.locations import REPO

# SGR parameters that set a colour: 30-37, 38;..., 39, 40-49, 90-97, 100-107.
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def reader(home: Path, *args: str, no_color: bool) -> subprocess.CompletedProcess[str]:
    """`reader` in a child process that Rich treats as a colour terminal (FORCE_COLOR)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(FORCE_COLOR="1", COLUMNS="100", PYTHONPATH=str(REPO / "src"), LETTORE_HOME=str(home))
    if no_color:
        env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "lettore", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_prepare_progress_bar_is_coloured_without_no_color_and_plain_with_it(tmp_path: Path) -> None:
    """The one Rich output of the CLI (prepare's progress on stderr) drops its colours."""
    coloured = reader(tmp_path / "home", "prepare", no_color=False)
    assert coloured.returncode == 0 and COLOUR.search(coloured.stderr)
    plain = reader(tmp_path / "home", "prepare", no_color=True)
    assert plain.returncode == 0 and "sentences" in plain.stderr
    assert not COLOUR.search(plain.stderr + plain.stdout)


@pytest.mark.parametrize(
    "args", [("list",), ("list", "--json"), ("--help",), ("export", "1", "--format", "md"), ("open", "nowhere.txt")]
)
def test_other_commands_print_no_escape_at_all_under_no_color(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Tables, JSON, help, exports and error lines are plain text."""
    done = reader(tmp_path / "home", *args, no_color=True)
    assert done.returncode in (0, 2)
    assert "\x1b" not in done.stdout + done.stderr
