"""The library screen: `L` lists the articles, Enter opens one, x deletes one after
confirmation (and nothing else), i imports a file by path."""

from __future__ import annotations

from pathlib import Path

from lettore.config import Settings
from lettore.model import Article
from lettore.segment import make_block
from lettore.tui.app import make_app


def add(library, title: str, text: str) -> int:
    """Store a small article."""
    blocks = (make_block(0, "heading", title), make_block(1, "paragraph", text))
    return library.add_article(Article(title, blocks, date="2024-05-01", content_hash=title))[0]


def table_titles(app) -> list[str]:
    """Titles in the library table, top to bottom."""
    table = app.screen.query_one("DataTable")
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def test_L_lists_and_enter_opens(library) -> None:
    """Both articles are listed with size and progress; Enter on the second opens it."""
    first = add(library, "Primo", "Il governo parla. Tutti ascoltano.")
    add(library, "Secondo", "La città dorme.")
    app = make_app(Settings(), library, first)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        assert type(app.screen).__name__ == "LibraryScreen"
        assert table_titles(app) == ["Secondo", "Primo"]  # newest first: Secondo was added later
        row = [str(c) for c in app.screen.query_one("DataTable").get_row_at(1)]
        assert row[2] == "2024-05-01" and row[3].startswith("3 sent.") and row[4] == "0%"
        await pilot.press("up", "enter")
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.article.title == "Secondo"
        assert len(app.screen_stack) == 1  # the first reader was replaced, not stacked


async def test_switching_articles_back_and_forth_keeps_one_reader(library) -> None:
    """The reader the app started on is swapped, not stacked, each time the library opens
    another article; q still quits from the last one."""
    first = add(library, "Primo", "Il governo parla.")
    add(library, "Secondo", "La città dorme.")
    app = make_app(Settings(), library, first)
    async with app.run_test(size=(120, 40)) as pilot:
        for row, title in ((0, "Secondo"), (1, "Primo"), (0, "Secondo")):
            await pilot.press("L", *["up"] * 2, *["down"] * row, "enter")
            await pilot.pause()
            assert app.screen.article.title == title
            assert len(app.screen_stack) == 1
        await pilot.press("q")
    assert app.return_code == 0


async def test_delete_asks_first_and_deletes_one_article(library) -> None:
    """n keeps the article; y deletes it and only it; the memory is untouched."""
    first = add(library, "Primo", "Il governo parla.")
    add(library, "Secondo", "La città dorme.")
    library.tm_add([("k", "Ciao", "Hello", "manual", False)])
    app = make_app(Settings(), library, first)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L", "x")
        assert type(app.screen).__name__ == "ConfirmDelete"
        await pilot.press("n")
        assert table_titles(app) == ["Secondo", "Primo"]
        await pilot.press("x", "y")
        assert table_titles(app) == ["Secondo"]
        await pilot.press("escape")
        # the open article was deleted: its reader is gone, the library shows again
        assert type(app.screen).__name__ == "LibraryScreen"
    assert [a.title for a in library.list_articles()] == ["Secondo"]
    assert library.tm_size() == 1


async def test_import_a_file_by_path(library, tmp_path: Path) -> None:
    """i, a path and Enter import the file; a bad path is reported, not fatal."""
    add(library, "Primo", "Il governo parla.")
    source = tmp_path / "nuovo.txt"
    source.write_text("Notizia nuova\n\nIl sindaco ha aperto il ponte.\n", encoding="utf-8")
    app = make_app(Settings(), library, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryScreen"  # no article given: the library
        await pilot.press("i", *str(tmp_path / "missing.txt"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(table_titles(app)) == 1
        await pilot.press("i", *str(source), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table_titles(app) == ["Primo", "Notizia nuova"]


async def test_deleting_the_last_article_says_the_library_is_empty(library) -> None:
    """The reader opened straight on an article; once its only article is deleted the
    screen under the library says how to import one, instead of staying blank."""
    only = add(library, "Primo", "Il governo parla.")
    app = make_app(Settings(), library, only)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.screen_stack[0].query("#empty")  # nothing styled under the reader
        await pilot.press("L", "x", "y", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "EmptyLibraryScreen"
        assert "library is empty" in str(app.screen.query_one("#empty").render())


async def test_the_empty_library_screen_has_keys_and_q_or_escape_quits(library) -> None:
    """Not a trap: a key bar names its keys, and q (or Escape) quits the app."""
    from lettore.tui.widgets.key_bar import KeyBar

    for key in ("q", "escape"):
        app = make_app(Settings(), library, add(library, "Primo", "Il governo parla."))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("L", "x", "y", "escape")
            await pilot.pause()
            bar = str(app.screen.query_one(KeyBar).render())
            assert "Quit" in bar and "Library" in bar
            await pilot.press(key)
            await pilot.pause()
            assert app._exit, key


async def test_the_empty_library_screen_opens_the_library_to_import(library, tmp_path: Path) -> None:
    """L from the empty screen: the library, where i imports a file that then opens."""
    app = make_app(Settings(), library, None)
    article = tmp_path / "nuovo.txt"
    article.write_text("Notizia nuova\n\nLa città dorme.", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "EmptyLibraryScreen"
        await pilot.press("L", "i", *str(article), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.article.title == "Notizia nuova"


def add_dated(library, title: str, date: str | None, translated: int = 0) -> int:
    """An article of two sentences, `translated` of them translated."""
    from lettore.model import Translation

    blocks = (make_block(0, "heading", title), make_block(1, "paragraph", "Il governo parla."))
    article_id = library.add_article(Article(title, blocks, date=date, content_hash=title))[0]
    keys = [(0, 0), (1, 0)][:translated]
    library.set_translations(article_id, [(key, Translation("English", "memory", 0.0)) for key in keys])
    return article_id


async def test_library_search_sort_and_translated_filter(library) -> None:
    """`/` narrows titles as you type (accents ignored), `o` sorts, `t` filters by the share
    translated; Escape clears the search before it leaves."""
    add_dated(library, "Città al voto", "2024-03-01", translated=2)
    add_dated(library, "Borsa in calo", "2025-01-10", translated=1)
    add_dated(library, "Alluvione al nord", None)
    app = make_app(Settings(), library, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert table_titles(app) == ["Borsa in calo", "Città al voto", "Alluvione al nord"]  # date, newest
        await pilot.press("slash", *"citta")
        assert table_titles(app) == ["Città al voto"]
        await pilot.press("enter")
        assert table_titles(app) == ["Città al voto"]  # Enter keeps the search
        await pilot.press("escape")
        assert table_titles(app) == ["Borsa in calo", "Città al voto", "Alluvione al nord"]
        assert type(app.screen).__name__ == "LibraryScreen"  # the first Escape only cleared it
        await pilot.press("s")
        assert table_titles(app) == ["Città al voto", "Borsa in calo", "Alluvione al nord"]  # as added
        await pilot.press("s")
        assert table_titles(app) == ["Alluvione al nord", "Borsa in calo", "Città al voto"]  # title
        await pilot.press("s")
        assert table_titles(app) == ["Città al voto", "Borsa in calo", "Alluvione al nord"]  # translated
        await pilot.press("t")
        assert table_titles(app) == ["Alluvione al nord"]  # untranslated
        await pilot.press("t")
        assert table_titles(app) == ["Borsa in calo"]  # partly
        await pilot.press("t")
        assert table_titles(app) == ["Città al voto"]  # translated
        assert "sorted by translated" in str(app.screen.query_one("#library-view").render())
        await pilot.press("slash", *"zzz")
        assert table_titles(app) == []
        assert "No article of 3 matches" in str(app.screen.query_one("#library-empty").render())


async def test_library_cursor_starts_on_the_article_being_read(library) -> None:
    """L puts the cursor on the article open in the reader, whatever the library last
    recorded as read (its write comes after the first screen, and another reader may write)."""
    from lettore.model import ReadingState

    first = add(library, "Primo", "Il governo parla.")
    second = add(library, "Secondo", "La città dorme.")
    app = make_app(Settings(), library, first)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library.save_reading_state(second, ReadingState())  # the library says Secondo was read last
        await pilot.press("L")
        table = app.screen.query_one("DataTable")
        assert str(table.get_row_at(table.cursor_row)[1]) == "Primo"
