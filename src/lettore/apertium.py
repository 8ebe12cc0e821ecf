"""Running the installed Apertium tools (`apertium`, `lt-proc`) on text: the packages to
install, where their data lives, and how one run is made and fails. Shared by the offline
translation engine and the word lookup."""

from __future__ import annotations

import subprocess
from pathlib import Path

PACKAGES = "apertium apertium-spa-ita apertium-eng-spa"
DATA_DIR = Path("/usr/share/apertium")


class ApertiumFailed(Exception):
    """A run that did not finish well: the tool could not start, took too long, or failed."""

    def __init__(self, reason: str, timed_out: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.timed_out = timed_out


def run_apertium(argv: list[str], text: str, timeout: float, check: bool = True) -> str:
    """The output of one run with `text` on its input; ApertiumFailed when it could not
    start, ran past `timeout` seconds, or (with `check`) exited with an error."""
    try:
        done = subprocess.run(argv, input=text, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ApertiumFailed(f"took longer than {timeout:g} s", timed_out=True) from None
    except OSError as exc:
        raise ApertiumFailed(f"could not start {argv[0]}: {exc.strerror or exc}") from None
    if check and done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ApertiumFailed(detail[:200])
    return done.stdout
