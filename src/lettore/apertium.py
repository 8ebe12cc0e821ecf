"""Running the installed Apertium tools (`apertium`, `lt-proc`) on text: the packages to
install, where their data lives, and how one run is made and fails. Shared by the offline
translation engine and the word lookup."""

from __future__ import annotations

import contextlib
import subprocess
import threading
from pathlib import Path
from typing import IO

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


class ApertiumPipeline:
    """Modes chained process to process and started before their input is ready: each
    program loads its dictionaries while the caller works, so a later `run` costs little
    more than the translation itself. One `run` per pipeline; `close` releases it."""

    def __init__(self, command: str, modes: list[str], flags: list[str]) -> None:
        self._procs: list[subprocess.Popen[str]] = []
        source: int | IO[str] = subprocess.PIPE
        try:
            for mode in modes:
                proc = subprocess.Popen([command, *flags, mode], stdin=source, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
                if self._procs and self._procs[-1].stdout is not None:
                    self._procs[-1].stdout.close()  # the next program owns it now
                self._procs.append(proc)
                source = proc.stdout if proc.stdout is not None else subprocess.PIPE
        except OSError as exc:
            self.close()
            raise ApertiumFailed(f"could not start {command}: {exc.strerror or exc}") from None

    def run(self, text: str, timeout: float) -> str:
        """The chain's output for `text`; ApertiumFailed when it ran past `timeout` seconds
        or a program failed."""
        first, last = self._procs[0], self._procs[-1]
        if first is not last:
            threading.Thread(target=_feed, args=(first.stdin, text), daemon=True).start()
        try:
            output, _ = last.communicate(text if first is last else None, timeout=timeout)
            for proc in self._procs:
                proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._kill()
            raise ApertiumFailed(f"took longer than {timeout:g} s", timed_out=True) from None
        if any(proc.returncode for proc in self._procs):
            raise ApertiumFailed("a program of the chain failed")
        return output

    def close(self) -> None:
        """End the chain's input, so that unused programs finish on their own (reaped in
        the background, not waited for)."""
        if self._procs and self._procs[0].stdin is not None and not self._procs[0].stdin.closed:
            with contextlib.suppress(OSError):
                self._procs[0].stdin.close()
        for proc in self._procs:
            if proc.poll() is None:
                threading.Thread(target=_reap, args=(proc,), daemon=True).start()

    def _kill(self) -> None:
        """Stop every program of the chain now."""
        for proc in self._procs:
            proc.kill()
        self.close()


def _feed(stream: IO[str] | None, text: str) -> None:
    """Write the whole input and close it; a chain that ended early is not an error here."""
    if stream is None:
        return
    try:
        stream.write(text)
        stream.close()
    except (BrokenPipeError, OSError, ValueError):
        pass


def _reap(proc: subprocess.Popen[str], timeout: float = 60.0) -> None:
    """Wait for a program that was given end of input; kill it if it hangs."""
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
