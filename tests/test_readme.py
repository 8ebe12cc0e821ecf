"""The README's set-up is what CI runs, and it documents every key of every screen."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding

from tests.locations import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(text: str) -> list[str]:
    """The shell lines of the README's ```sh blocks, without their comments."""
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    return [line.split("  #")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_first_commands_use_a_virtual_environment_and_ci_runs_the_test_one() -> None:
    """Debian's PEP 668 Python refuses a bare pip install: both commands make a venv first."""
    install, test = _commands(README)[:2]
    for command in (install, test):
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -e ")
    assert install.endswith("&& reader") and test.endswith("&& python -m pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci
    assert "Python 3.11" in README


def test_one_apt_line_names_the_packages_ci_installs() -> None:
    """The optional Debian packages are one apt-get line, the same that CI installs."""
    apt = [c for c in _commands(README) if "apt-get install" in c]
    assert len(apt) == 1
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_packages = set(re.search(r"apt-get install -y -qq ([^>]*)", ci).group(1).split()) - {"python3-venv"}
    assert set(apt[0].split("install", 1)[1].split()) == ci_packages


def _screens() -> list[tuple[str, list[Binding]]]:
    """The bindings of each screen and panel, by the README's name for it."""
    from lettore.tui.app import LettoreApp
    from lettore.tui.screens.library import LibraryScreen
    from lettore.tui.screens.reader import ReaderScreen
    from lettore.tui.widgets.article_view import ArticleView
    from lettore.tui.widgets.claims_panel import ClaimsPanel
    from lettore.tui.widgets.entity_panel import EntityPanel

    return [
        ("reader", [*LettoreApp.BINDINGS, *ReaderScreen.BINDINGS, *ArticleView.BINDINGS]),
        ("library", list(LibraryScreen.BINDINGS)),
        ("entity panel", list(EntityPanel.BINDINGS)),
        ("claims panel", list(ClaimsPanel.BINDINGS)),
    ]


NAMES = {"escape": "Escape", "enter": "Enter", "delete": "Delete", "slash": "/", "question_mark": "?",
         "space": "space", "home": "Home", "end": "End", "pagedown": "PageDown", "pageup": "PageUp",
         "right_square_bracket": "]", "left_square_bracket": "[", "down": "down", "up": "up"}


@pytest.mark.parametrize("screen", ["reader", "library", "entity panel", "claims panel"])
def test_every_key_of_the_screen_is_in_the_readme_keys_table(screen: str) -> None:
    """A key added to a screen and left out of the README fails here."""
    rows = [line for line in README.splitlines() if line.startswith(f"| {screen} |")]
    documented = " ".join(rows)
    bindings = dict(_screens())[screen]
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        for key in binding.key.split(","):
            if len(key) == 1:
                assert f"`{key}`" in documented, (screen, key)
            else:
                assert re.search(rf"(?<![\w-]){re.escape(NAMES.get(key, key))}(?![\w-])", documented), (screen, key)
