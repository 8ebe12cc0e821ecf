"""Reading a file the user named: every way it can fail becomes one UserError line that
says which file and what to do, so each reader of user files does not repeat the list."""

from __future__ import annotations

import stat
from pathlib import Path

from lettore.errors import UserError


def read_user_bytes(path: Path, expected: str) -> bytes:
    """The file's bytes; `expected` names what it should be ("a .txt, .md or .html file")."""
    try:
        if not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            raise UserError(f"{path} is not a regular file (a pipe or device?): give {expected}")
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a directory: give {expected}") from None
    except PermissionError:
        raise UserError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None


def read_user_text(path: Path, expected: str) -> str:
    """The file as UTF-8 text (for formats that are UTF-8 by definition)."""
    data = read_user_bytes(path, expected)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; give {expected}") from None


def write_user_text(path: Path, text: str, newline: str | None = None) -> None:
    """Write an export where the user asked; a pipe, a device or a folder there is refused
    at once (opening a FIFO nobody reads would block forever)."""
    try:
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            kind = "a directory" if path.is_dir() else "not a regular file (a pipe or device?)"
            raise UserError(f"{path} is {kind}: give a file name to write, or leave out -o for standard output")
        path.write_text(text, encoding="utf-8", newline=newline)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
