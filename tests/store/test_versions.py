"""Every translation a sentence has had is kept: choose one, go back, drop a manual edit."""

from __future__ import annotations

import sqlite3

from fakes.articles import make_article
from lettore.model import Translation
from lettore.store import Library
from lettore.store.schema import MIGRATIONS
from lettore.translate.memory import MACHINE_ORIGINS, remember

KEY = (1, 0)


def article(library: Library) -> int:
    return library.add_article(make_article("Titolo", ["Prima frase del testo."]))[0]


def test_every_translation_is_a_version_and_the_same_text_is_not_repeated(library):
    aid = article(library)
    library.set_translation(aid, KEY, Translation("First sentence of the text.", "memory"))
    library.set_translation(aid, KEY, Translation("First phrase of the text.", "google"))
    library.set_translation(aid, KEY, Translation("First phrase of the text.", "google"))
    versions = library.versions(aid, KEY)
    assert [(v.translation.text, v.translation.source) for v in versions] == [
        ("First sentence of the text.", "memory"), ("First phrase of the text.", "google")]
    assert library.translations(aid)[KEY].source == "google"


def test_going_back_shows_the_previous_version_until_the_first(library):
    aid = article(library)
    for text, source in [("Ref.", "memory"), ("Google.", "google"), ("Rough.", "apertium")]:
        library.set_translation(aid, KEY, Translation(text, source))
    assert library.previous_version(aid, KEY).text == "Google."
    assert library.previous_version(aid, KEY).text == "Ref."
    assert library.previous_version(aid, KEY) is None
    assert library.translations(aid)[KEY].text == "Ref."
    library.choose_version(aid, KEY, 2)
    assert library.translations(aid)[KEY].text == "Rough."


def test_dropping_the_manual_version_shows_the_engine_one_again(library):
    aid = article(library)
    library.set_translation(aid, KEY, Translation("Google.", "google"))
    library.set_translation(aid, KEY, Translation("Mine.", "manual"))
    assert library.drop_manual(aid, KEY).text == "Google."
    assert [v.translation.source for v in library.versions(aid, KEY)] == ["google"]


def test_an_engine_never_replaces_a_human_memory_unit(library):
    remember(library, [("Prima frase.", "First sentence.", "tmx:seed.tmx", False)])
    remember(library, [("Prima frase.", "First phrase.", "google", False)])
    assert library.tm_units()[0][1] == "First sentence."
    remember(library, [("Prima frase.", "My own.", "manual", False)])
    assert library.tm_units()[0][1] == "My own."
    remember(library, [("Altra frase.", "Other phrase.", "apertium", True)])
    remember(library, [("Altra frase.", "Another sentence.", "google", False)])
    assert dict((s, t) for s, t, _, _ in library.tm_units())["Altra frase."] == "Another sentence."


def test_machine_origins_are_exactly_the_engines():
    from lettore.translate.engines.registry import ENGINE_NAMES

    assert set(ENGINE_NAMES) - {"memory"} == MACHINE_ORIGINS


def test_an_old_library_keeps_its_translations_as_first_versions(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:3]):
        conn.executescript(script + f"PRAGMA user_version = {number + 1};")
    conn.execute("INSERT INTO articles (id, content_hash, title, source_lang, target_lang, added_at)"
                 " VALUES (1, 'h', 'T', 'it', 'en', 0)")
    conn.execute("INSERT INTO translations VALUES (1, 0, 0, 'Title.', 'memory', 0, 1.0)")
    conn.commit()
    conn.close()
    library = Library.open(path)
    try:
        assert [v.translation.text for v in library.versions(1, (0, 0))] == ["Title."]
    finally:
        library.close()
