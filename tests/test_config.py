"""config.yaml: the shipped file is valid and complete; mistakes name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.config import Settings, parse_settings, setting_names
from lettore.errors import UserError

REPO = Path(__file__).resolve().parents[1]


def test_shipped_config_documents_every_key_with_its_default() -> None:
    text = (REPO / "config.yaml").read_text(encoding="utf-8")
    assert parse_settings(text) == Settings()
    for name in setting_names():
        assert f"\n{name}:" in text, f"config.yaml does not document {name}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jobs: 4\nenginez: [google]\n", "config.yaml:2: key 'enginez' is unknown"),
        ("timeout: fast\n", "config.yaml:1: key 'timeout' must be int or float, not str"),
        ("engines: [google, babelfish]\n", "unknown engine(s) ['babelfish']"),
        ("layout: sideways\n", "key 'layout' must be one of"),
        ("highlight_entities: 1\n", "must be bool"),
        ("jobs: [1, 2\n", "config.yaml:2:"),
        ("- a\n- b\n", "must be a mapping"),
    ],
)
def test_mistakes_are_reported_with_line_and_key(text: str, expected: str) -> None:
    with pytest.raises(UserError) as error:
        parse_settings(text)
    assert expected in str(error.value)


def test_values_override_defaults() -> None:
    settings = parse_settings("engines: [memory, apertium]\njobs: 8\ntheme: nord\n")
    assert settings.engines == ("memory", "apertium") and settings.jobs == 8 and settings.theme == "nord"


def test_api_key_from_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = parse_settings("api_keys: {deepl: from-file}\n")
    assert settings.api_key("deepl") == "from-file"
    monkeypatch.setenv("LETTORE_DEEPL_KEY", "from-env")
    assert settings.api_key("deepl") == "from-env"
