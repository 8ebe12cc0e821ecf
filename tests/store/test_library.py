"""The SQLite library: articles stored once, translations, memory, state, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lettore.model import Article, ReadingState, Translation
from lettore.segment import make_block
from lettore.store import Library


def _article(text: str = "Primo paragrafo. Seconda frase.", hash_: str = "h1") -> Article:
    blocks = (make_block(0, "heading", "Titolo"), make_block(1, "paragraph", text))
    return Article(title="Titolo", blocks=blocks, date="2025-05", content_hash=hash_, source_path="/tmp/a.txt")


def test_article_round_trips_with_sentence_offsets(library: Library) -> None:
    article_id, created = library.add_article(_article())
    assert created
    stored = library.get_article(article_id)
    assert stored.title == "Titolo" and stored.date == "2025-05"
    paragraph = stored.blocks[1]
    assert [s.text for s in paragraph.sentences] == ["Primo paragrafo.", "Seconda frase."]
    for s in paragraph.sentences:
        assert paragraph.text[s.start : s.end] == s.text


def test_stored_blocks_equal_the_ingested_ones_and_count_before_building(library: Library) -> None:
    """A stored block counts its sentences without building them, then builds exactly the
    sentences the segmenter made (texts, offsets, order), for tricky Italian too."""
    text = ("Il sig. Rossi, dott. in legge, disse: «Sono 2.000 unità, ecc.» Poi partì... "
            "L'U.E. tace. È così? Sì!")
    article = _article(text)
    stored = library.get_article(library.add_article(article)[0])
    paragraph = stored.blocks[1]
    assert paragraph.sentence_count() == len(article.blocks[1].sentences) > 1
    assert paragraph._built is None  # counted, not built
    assert stored.blocks == article.blocks and hash(paragraph) == hash(article.blocks[1])
    assert stored.sentence_count() == article.sentence_count()


def test_same_content_is_stored_once(library: Library) -> None:
    first, created = library.add_article(_article())
    second, created_second = library.add_article(_article())
    assert created and first == second and not created_second
    assert len(library.list_articles()) == 1


def test_translations_progress_and_pending(library: Library) -> None:
    article_id, _ = library.add_article(_article())
    library.set_pending(article_id, [((1, 0), "timeout")])
    assert library.pending(article_id) == {(1, 0): "timeout"}
    library.set_translations(article_id, [((1, 0), Translation("First paragraph.", "google"))])
    assert library.pending(article_id) == {}
    assert library.translations(article_id)[(1, 0)].source == "google"
    summary = library.list_articles()[0]
    assert summary.sentences == 3 and summary.translated == 1
    assert round(summary.percent_translated) == 33
    assert library.article_ids_needing_translation() == [article_id]


def test_memory_rough_never_replaces_good(library: Library) -> None:
    library.tm_add([("k", "Ciao", "Hello", "deepl", False)])
    library.tm_add([("k", "Ciao", "Hi rough", "apertium", True)])
    assert library.tm_lookup(["k"])["k"] == ("Hello", "deepl", False)
    library.tm_add([("r", "Casa", "House rough", "apertium", True)])
    library.tm_add([("r", "Casa", "Home", "google", False)])
    assert library.tm_lookup(["r"])["r"][0] == "Home"


def test_reading_state_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library.open(path)
    article_id, _ = lib.add_article(_article())
    lib.save_reading_state(article_id, ReadingState(1, 1, "interleaved", {"claims": True}))
    lib.close()
    again = Library.open(path)
    assert again.reading_state(article_id) == ReadingState(1, 1, "interleaved", {"claims": True})
    assert again.last_read_article() == article_id
    again.close()


def test_reading_state_of_a_deleted_article_is_not_written(library: Library) -> None:
    """A reader still open on an article the library screen just deleted saves nothing."""
    keep, _ = library.add_article(_article(hash_="keep"))
    gone, _ = library.add_article(_article("Altro testo.", hash_="gone"))
    library.save_reading_state(keep, ReadingState(1, 0, "interleaved", {}))
    library.delete_article(gone)
    library.save_reading_state(gone, ReadingState(1, 1, "interleaved", {}))
    assert library.reading_state(gone) is None
    assert library.last_read_article() == keep and library.integrity_ok()


def test_delete_removes_only_that_article(library: Library) -> None:
    keep, _ = library.add_article(_article(hash_="keep"))
    gone, _ = library.add_article(_article("Altro testo.", hash_="gone"))
    library.tm_add([("k", "Ciao", "Hello", "deepl", False)])
    library.delete_article(gone)
    assert [a.id for a in library.list_articles()] == [keep]
    assert library.tm_size() == 1 and library.integrity_ok()


def test_corrupt_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    lib = Library.open(path)
    assert lib.list_articles() == [] and lib.integrity_ok()
    assert lib.notices and "moved it to" in lib.notices[0]
    aside = list(tmp_path.glob("lib.sqlite3.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    lib.close()


def test_unknown_id_is_a_user_error(library: Library) -> None:
    from lettore.errors import UserError

    with pytest.raises(UserError, match="no article with id 42"):
        library.get_article(42)


def test_library_marked_damaged_mid_run_is_moved_aside_next_start(tmp_path: Path) -> None:
    from lettore.store.connection import damage_marker

    path = tmp_path / "lib.sqlite3"
    lib = Library.open(path)
    lib.add_article(_article())
    lib.close()
    damage_marker(path).touch()
    again = Library.open(path)
    assert again.list_articles() == [] and "damaged" in again.notices[0]
    assert not damage_marker(path).exists() and list(tmp_path.glob("lib.sqlite3.broken-*"))
    again.close()
