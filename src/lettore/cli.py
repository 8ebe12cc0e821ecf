"""`reader`: argument parsing and the one place user errors become exit code 2.

Heavy imports (Textual, the tagger, engines) happen inside the command that needs them,
so `reader --help` and `reader list` stay instant.
"""

from __future__ import annotations

import errno
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING

from lettore import __version__
from lettore.commands import COMMAND_MODULES
from lettore.errors import UserError

if TYPE_CHECKING:
    import argparse

    from lettore.config import Settings
    from lettore.store import Library

EXIT_OK, EXIT_BUG, EXIT_USER = 0, 1, 2


@dataclass
class Context:
    """What every command needs: settings, where the library is, and the library itself."""

    settings: Settings
    home: Path
    _library: Library | None = field(default=None, repr=False)

    def library(self) -> Library:
        """Open the library once, reporting on stderr if a bad file had to be moved aside."""
        if self._library is None:
            # lazy: kept off the start-up path of `reader` and its first screen
            from lettore.paths import library_path

            # lazy: kept off the start-up path of `reader` and its first screen
            from lettore.store import Library

            self._library = Library.open(
                library_path(self.home), self.settings.lock_timeout, _tell
            )
            for notice in self._library.notices:
                print(f"reader: {_one_line(notice)}", file=sys.stderr)
        return self._library

    def close(self) -> None:
        """Close the library if it was opened."""
        if self._library is not None:
            self._library.close()
            self._library = None


def _tell(message: str) -> None:
    """A progress message (such as waiting for a lock) on stderr, at once."""
    print(f"reader: {_one_line(message)}", file=sys.stderr, flush=True)


def _load_command(module_path: str) -> ModuleType | None:
    """Import a command module; a command whose module is not there yet is not offered."""
    try:
        return importlib.import_module(module_path)
    except ModuleNotFoundError as exc:
        if exc.name == module_path:
            return None
        raise


def build_parser(argv: Sequence[str] | None = None) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The parser with global options and one subparser per available command.

    A bare `reader` (no command named, no --help) skips importing the command modules:
    it only opens the reader, and every import delays its first screen.
    """
    # lazy: kept off the start-up path of `reader` and its first screen
    import argparse

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.help_text import EPILOG

    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read Italian news beside its English translation, sentence by sentence, offline.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lettore {__version__}")
    parser.add_argument("--home", metavar="DIR",
                        help="library folder (default: $LETTORE_HOME or the platform data dir)")
    parser.add_argument("--config", metavar="FILE",
                        help="config file (default: $LETTORE_CONFIG or the user config dir)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, ModuleType] = {}
    if _is_bare(list(sys.argv[1:] if argv is None else argv)):
        return parser, modules
    for name, module_path in COMMAND_MODULES:
        module = _load_command(module_path)
        if module is not None:
            module.add_parser(subparsers)
            modules[name] = module
    return parser, modules


def _is_bare(argv: list[str]) -> bool:
    """No command word and no --help: only global options (and their values)."""
    takes_value = {"--home", "--config"}
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in takes_value:
            skip = True
        elif word in ("-h", "--help") or not word.startswith("-"):
            return False
    return True


def make_context(args: argparse.Namespace | SimpleNamespace) -> Context:
    """Settings from the config file, home from --home / LETTORE_HOME / config / default."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.config import load_settings

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.paths import home_dir, user_config_path

    settings = load_settings(user_config_path(args.config))
    home = home_dir(args.home or settings.home)
    return Context(settings=replace(settings, home=str(home)), home=home)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `reader`; returns the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    args: argparse.Namespace | SimpleNamespace
    if words:
        parser, modules = build_parser(words)
        args = parser.parse_args(words)
    else:  # a bare `reader` opens the reader: no parser to build (argparse alone is ~2 ms)
        args, modules = SimpleNamespace(home=None, config=None, command=None), {}
    ctx: Context | None = None
    try:
        ctx = make_context(args)
        if args.command is None:
            # lazy: kept off the start-up path of `reader` and its first screen
            from lettore.commands.open import run_default

            return run_default(args, ctx)
        code = int(modules[args.command].run(args, ctx) or 0)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after exit
        return code
    except UserError as exc:
        print(f"reader: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_USER
    except sqlite3.DatabaseError as exc:
        return _damaged_library(ctx, exc)
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return EXIT_OK
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            raise
        _drop_stdout()
        print(f"reader: error: cannot write the output: {exc.strerror}", file=sys.stderr)
        return EXIT_USER
    finally:
        if ctx is not None:
            ctx.close()


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG}


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (a test's capture): nothing to flush
        pass


def _damaged_library(ctx: Context | None, exc: sqlite3.DatabaseError) -> int:
    """A SQLite error met mid-run: a lock, a full disk or a permission problem is exit 2
    with the file untouched; a damaged page is said, and marks the file to be moved aside
    on the next start."""
    if ctx is None:
        raise exc
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.paths import library_path

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.store.connection import damage_marker

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.store.problems import library_error, problem_kind

    path = library_path(ctx.home)
    kind = problem_kind(exc)
    if kind == "other":
        raise exc
    if kind != "damaged":
        message = str(library_error(path, exc, ctx.settings.lock_timeout))
        print(f"reader: error: {_one_line(message)}", file=sys.stderr)
        return EXIT_USER
    damage_marker(path).touch()
    print(
        f"reader: error: the library {path} is damaged ({exc}); run reader again: it will be"
        " moved aside (kept, not deleted) and a fresh library created",
        file=sys.stderr,
    )
    return EXIT_USER


def _one_line(message: str) -> str:
    """Error messages are one line, whatever text they quote, and drive no terminal."""
    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.text_clean import inert

    return inert(" ".join(message.split()))
