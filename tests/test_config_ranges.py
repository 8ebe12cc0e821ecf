"""Numeric settings are finite and in a sane range, from the config file or the command
line; a pathological YAML document is a message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.cli import main
from lettore.config import parse_settings
from lettore.errors import UserError


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("timeout: .inf\n", "timeout"),
        ("timeout: .nan\n", "timeout"),
        ("jobs: 100000000000\n", "jobs"),
        ("retries: 1000000\n", "retries"),
        ("lock_timeout: -1\n", "lock_timeout"),
        ("request_deadline: .inf\n", "request_deadline"),
        ("max_answer_bytes: 10\n", "max_answer_bytes"),
    ],
)
def test_absurd_values_are_refused_naming_file_and_key(text: str, key: str) -> None:
    with pytest.raises(UserError, match=rf"my\.yaml:1: key '{key}' must be between"):
        parse_settings(text, "my.yaml")


def test_values_in_range_are_kept() -> None:
    settings = parse_settings("timeout: 2.5\njobs: 64\nretries: 0\nlock_timeout: 0\nmax_answer_bytes: 5000\n")
    assert (settings.timeout, settings.jobs, settings.retries, settings.lock_timeout) == (2.5, 64, 0, 0.0)
    assert settings.max_answer_bytes == 5000


def test_deeply_nested_yaml_is_a_user_error() -> None:
    with pytest.raises(UserError, match="nested too deeply"):
        parse_settings("keys: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "1e9"])
def test_prepare_timeout_on_the_command_line_is_checked(value: str, home: Path, capsys) -> None:
    assert main(["prepare", "--timeout", value, "--engine", "memory"]) == 2
    err = capsys.readouterr().err
    assert "--timeout must be between" in err and "Traceback" not in err


def test_prepare_jobs_on_the_command_line_is_checked(home: Path, capsys) -> None:
    assert main(["prepare", "--jobs", "100000000000", "--engine", "memory"]) == 2
    assert "--jobs must be between" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text", ['theme: "\\e]0;PWN\\a"\n', 'keys: {quit: "q\\u202e"}\n', 'home: "/tmp/\\x9bx"\n']
)
def test_config_strings_with_controls_are_refused(text: str) -> None:
    with pytest.raises(UserError, match="contains control characters"):
        parse_settings(text, "my.yaml")
