"""`reader tm import/export`: the memory round-trips through standard TMX."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakes.articles import make_article
from lettore.cli import main
from lettore.model import Translation
from lettore.paths import library_path
from lettore.store import Library
from lettore.translate.memory import remember
from lettore.translate.tmx import TmxUnit, read_tmx, write_tmx


@pytest.fixture
def home(tmp_path) -> Path:
    (tmp_path / "config.yaml").write_text("engines: [memory, apertium]\n", encoding="utf-8")
    return tmp_path


def reader(home: Path, *args: str) -> int:
    return main(["--home", str(home), "--config", str(home / "config.yaml"), *args])


def test_import_then_export_round_trips(home, tmp_path, capsys):
    source = tmp_path / "in.tmx"
    units = [TmxUnit("Buongiorno a tutti.", "Good morning, everyone.", "it", "en", "manual"),
             TmxUnit("La seduta è tolta.", "The session is closed.", "it-IT", "en-GB"),
             TmxUnit("Bonjour.", "Hello.", "fr", "en")]
    write_tmx(source, units)
    assert reader(home, "tm", "import", str(source)) == 0
    assert "2 new" in capsys.readouterr().out  # the French unit is another language pair
    out = tmp_path / "out.tmx"
    assert reader(home, "tm", "export", str(out)) == 0
    pairs = {(u.source, u.target) for u in read_tmx(out)}
    assert pairs == {("Buongiorno a tutti.", "Good morning, everyone."),
                     ("La seduta è tolta.", "The session is closed.")}


def test_export_leaves_rough_units_out_unless_asked(home, tmp_path):
    library = Library.open(library_path(home))
    remember(library, [("Il treno è in ritardo.", "The train is late.", "google", False),
                       ("Piove su Milano da ore.", "It rains on Milan of hours.", "apertium", True)])
    library.close()
    plain, rough = tmp_path / "plain.tmx", tmp_path / "rough.tmx"
    assert reader(home, "tm", "export", str(plain)) == 0
    assert reader(home, "tm", "export", str(rough), "--rough") == 0
    assert [u.source for u in read_tmx(plain)] == ["Il treno è in ritardo."]
    marked = {u.source: u.origin for u in read_tmx(rough)}
    assert marked["Piove su Milano da ore."] == "apertium (rough)"


def test_export_one_article_in_reading_order(home, tmp_path):
    library = Library.open(library_path(home))
    article_id, _ = library.add_article(make_article("Titolo", ["Prima frase. Seconda frase."]))
    other, _ = library.add_article(make_article("Altro", ["Non esportare questa frase."]))
    library.set_translations(article_id, [((1, 1), Translation("Second sentence.", "libre")),
                                          ((0, 0), Translation("Title", "libre"))])
    library.set_translations(other, [((1, 0), Translation("Do not export this.", "libre"))])
    library.close()
    out = tmp_path / "article.tmx"
    assert reader(home, "tm", "export", str(out), "--article", str(article_id)) == 0
    assert [(u.source, u.target) for u in read_tmx(out)] == [
        ("Titolo", "Title"), ("Seconda frase.", "Second sentence.")]


@pytest.mark.parametrize("args", [["import", "missing.tmx"], ["export", "x.tmx", "--article", "42"]])
def test_tm_user_errors(home, tmp_path, args, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert reader(home, "tm", *args) == 2
    assert "reader: error:" in capsys.readouterr().err


def test_import_of_a_broken_file_is_a_user_error(home, tmp_path, capsys):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    assert reader(home, "tm", "import", str(bad)) == 2


def test_import_of_a_directory_says_so(home, tmp_path, capsys):
    assert reader(home, "tm", "import", str(tmp_path)) == 2
    assert "is a directory" in capsys.readouterr().err


def test_import_reports_new_updated_and_unchanged_units(home, tmp_path, capsys):
    first, second = tmp_path / "first.tmx", tmp_path / "second.tmx"
    write_tmx(first, [TmxUnit("Uno.", "One.", "it", "en"), TmxUnit("Due.", "Two.", "it", "en")])
    write_tmx(second, [TmxUnit("Uno.", "One.", "it", "en"), TmxUnit("Due.", "2.", "it", "en"),
                       TmxUnit("Tre.", "Three.", "it", "en")])
    assert reader(home, "tm", "import", str(first)) == 0
    assert "2 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert reader(home, "tm", "import", str(second)) == 0
    assert "1 new, 1 updated, 1 unchanged" in capsys.readouterr().out


def test_article_export_says_how_many_rough_translations_it_left_out(home, tmp_path, capsys):
    library = Library.open(library_path(home))
    article_id, _ = library.add_article(make_article("Titolo", ["Prima frase. Seconda frase."]))
    library.set_translations(article_id, [
        ((0, 0), Translation("Title", "apertium", rough=True)),
        ((1, 0), Translation("First sentence.", "manual")),
        ((1, 1), Translation("Second phrase.", "apertium", rough=True))])
    library.close()
    out = tmp_path / "article.tmx"
    assert reader(home, "tm", "export", str(out), "--article", str(article_id)) == 0
    said = capsys.readouterr().out
    assert "Exported 1 units" in said
    assert "Left out: 2 rough machine translations (add --include-rough" in said
    assert reader(home, "tm", "export", str(out), "--article", str(article_id),
                  "--include-rough") == 0
    assert len(read_tmx(out)) == 3
