"""`reader glossary add/list/remove`, and prepare honouring the glossary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fakes.articles import make_article
from lettore.cli import main
from lettore.paths import library_path
from lettore.store import Library


@pytest.fixture
def home(tmp_path) -> Path:
    (tmp_path / "config.yaml").write_text('glossary: {"fregata": "frigate"}\n', encoding="utf-8")
    return tmp_path


def reader(home: Path, *args: str) -> int:
    return main(["--home", str(home), "--config", str(home / "config.yaml"), *args])


def test_add_list_remove(home, capsys):
    assert reader(home, "glossary", "add", "carri  armati", "tanks") == 0
    assert "Added: carri armati → tanks" in capsys.readouterr().out
    assert reader(home, "glossary", "add", "carri armati", "battle tanks") == 0
    assert "Changed (was 'tanks')" in capsys.readouterr().out
    assert reader(home, "glossary", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["carri armati\tbattle tanks", "fregata\tfrigate"]
    assert reader(home, "glossary", "remove", "carri armati") == 0
    assert "Removed: carri armati" in capsys.readouterr().out
    assert reader(home, "glossary", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["fregata\tfrigate"]


@pytest.mark.parametrize(("args", "message"), [
    (["remove", "nave"], "is not in the glossary"),
    (["remove", "fregata"], "comes from config.yaml"),
    (["add", "", "tanks"], "term is empty"),
    (["add", "carri\x1barmati", "tanks"], "control characters"),
])
def test_glossary_mistakes_are_user_errors(home, capsys, args, message):
    assert reader(home, "glossary", *args) == 2
    assert message in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs apertium")
def test_prepare_with_apertium_uses_the_glossary(home):
    assert reader(home, "glossary", "add", "carri armati", "tanks") == 0
    library = Library.open(library_path(home))
    article_id, _ = library.add_article(make_article("Titolo", ["La Russia ha mandato i carri armati."]))
    library.close()
    assert reader(home, "prepare", str(article_id), "--engine", "apertium") == 0
    library = Library.open(library_path(home))
    try:
        text = library.translations(article_id)[(1, 0)].text
    finally:
        library.close()
    assert "tanks" in text and "armed carts" not in text
