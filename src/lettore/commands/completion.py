"""`reader completion SHELL`: a bash, zsh or fish completion script generated from the parser,
so it completes exactly the commands and options `reader --help` lists."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

SHELLS = ("bash", "zsh", "fish")
# Positional and option values named like these are paths: the shell completes file names.
_FILE_METAVARS = ("FILE", "FILE.tmx", "ID_OR_PATH")
_DIR_METAVARS = ("DIR",)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `completion`."""
    parser = subparsers.add_parser(
        "completion", help="print a shell completion script (bash, zsh, fish)",
        description="Print a completion script for SHELL on standard output. Install it with, for bash:"
        " reader completion bash > ~/.local/share/bash-completion/completions/reader;"
        " zsh: reader completion zsh > ~/.zfunc/_reader (with ~/.zfunc in $fpath);"
        " fish: reader completion fish > ~/.config/fish/completions/reader.fish.",
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")


def run(args: argparse.Namespace, ctx) -> int:
    """Print the script for the chosen shell."""
    print(completion_script(args.shell), end="")
    return 0


def completion_script(shell: str) -> str:
    """The completion script for `shell`, from the full parser with every command."""
    import shtab  # lazy on purpose: only this command needs it

    # lazy: kept off the start-up path of `reader` and its first screen
    from lettore.cli import build_parser

    parser, _ = build_parser(["completion", shell])
    _mark_paths(parser, shtab.FILE, shtab.DIRECTORY)
    return shtab.complete(parser, shell=shell)


def _mark_paths(parser: argparse.ArgumentParser, files: Mapping[str, object], folders: Mapping[str, object]) -> None:
    """Tell shtab which arguments take paths, in this parser and every subcommand's."""
    for action in parser._actions:
        if action.metavar in _FILE_METAVARS:
            action.complete = files  # type: ignore[attr-defined]
        elif action.metavar in _DIR_METAVARS:
            action.complete = folders  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _mark_paths(child, files, folders)
