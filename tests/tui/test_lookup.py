"""Word lookup in the reader: `d` and a click open the popup, left/right pick another word,
`s` saves it, `v` lists the sentence's vocabulary, and a missing dictionary is named."""

from __future__ import annotations

import gzip
from pathlib import Path

from lettore.config import Settings
from lettore.lookup.freedict import FreeDict
from lettore.lookup.service import Sources
from lettore.model import Article
from lettore.segment import make_block
from lettore.store.words import saved_words
from lettore.tui.app import make_app

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ENTRIES = {"casa": "1. house\n2. home", "costare": "cost", "troppo": "too much, too"}


def _b64(number: int) -> str:
    """dictd's number encoding."""
    digits = ""
    while True:
        digits = B64[number % 64] + digits
        number //= 64
        if not number:
            return digits


def write_freedict(folder: Path, entries: dict[str, str] = ENTRIES) -> FreeDict:
    """A tiny dictd dictionary in the FreeDict layout."""
    folder.mkdir(parents=True, exist_ok=True)
    data = b""
    index = []
    for headword, senses in entries.items():
        entry = f"{headword} /x/\n{senses}\n".encode()
        index.append(f"{headword}\t{_b64(len(data))}\t{_b64(len(entry))}")
        data += entry
    (folder / "tiny.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / "tiny.dict.dz").write_bytes(gzip.compress(data))
    return FreeDict(folder, "tiny")


def open_reader(library, tmp_path: Path, with_dictionary: bool = True):
    """The reader on a one-sentence article, with the tiny dictionary (or none)."""
    blocks = (make_block(0, "heading", "Prezzi"), make_block(1, "paragraph", "Le case costano troppo."))
    article_id, _ = library.add_article(Article("Prezzi", blocks, content_hash="lookup-test"))
    app = make_app(Settings(), library, article_id)
    app.lookup_sources = Sources(apertium=None, freedict=write_freedict(tmp_path / "dict") if with_dictionary else None)
    return app


async def wait_for_workers(pilot) -> None:
    """Let the lookup worker finish and its message arrive."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def body_text(app) -> str:
    """The popup's description as plain text."""
    return str(app.screen.query_one("#lookup-body").render())


async def test_d_looks_up_a_word_and_s_saves_it(library, tmp_path) -> None:
    """d shows lemma and glosses, right moves to the next word, s saves it with the sentence."""
    app = open_reader(library, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "d")
        await wait_for_workers(pilot)
        assert type(app.screen).__name__ == "LookupScreen"
        assert str(app.screen.query_one("#lookup-word").render()) == "case"
        assert "casa" in body_text(app) and "house, home" in body_text(app)
        await pilot.press("right")
        assert str(app.screen.query_one("#lookup-word").render()) == "costano"
        assert "costare" in body_text(app) and "cost" in body_text(app)
        await pilot.press("s", "escape")
        assert type(app.screen).__name__ == "ReaderScreen"
        await pilot.press("s")  # the reader's `s`: the same word again, not saved twice
        kept = saved_words(library)
        assert [(w.word, w.lemma, w.gloss, w.sentence) for w in kept] == [
            ("costano", "costare", "cost", "Le case costano troppo.")
        ]
    again = make_app(Settings(), library, None)
    again.lookup_sources = Sources(apertium=None, freedict=None)
    from lettore.lookup.service import cached

    assert cached(library, ["case"], again.lookup_sources)["case"].gloss == "house, home"


async def test_v_lists_the_sentence_vocabulary(library, tmp_path) -> None:
    """Every content word gets a row with lemma and English."""
    app = open_reader(library, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "v")
        await wait_for_workers(pilot)
        table = app.screen.query_one("DataTable")
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[:2] for r in rows] == [["case", "casa"], ["costano", "costare"], ["troppo", "troppo"]]
        assert rows[0][3] == "house, home"
        await pilot.press("down", "s")
        assert [w.lemma for w in saved_words(library)] == ["costare"]


async def test_click_on_a_word_looks_it_up(library, tmp_path) -> None:
    """Clicking "costano" in the original opens its popup."""
    app = open_reader(library, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.view
        heading_rows = view.line_of_block(1)
        column = 1 + "Le case costano troppo.".index("costano") + 2
        await pilot.click(view, offset=(column, heading_rows))
        await wait_for_workers(pilot)
        assert type(app.screen).__name__ == "LookupScreen"
        assert str(app.screen.query_one("#lookup-word").render()) == "costano"
        await pilot.press("escape")
        assert (view.current.block, view.current.sentence) == (1, 0)


async def test_missing_dictionaries_are_named(library, tmp_path) -> None:
    """Without any dictionary the popup still gives the lemma and says what to install."""
    app = open_reader(library, tmp_path, with_dictionary=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "d")
        await wait_for_workers(pilot)
        text = body_text(app)
        assert "casa" in text
        assert "apt install" in text and "dict-freedict-ita-eng" in text


def vocabulary_rows(app) -> list[list[str]]:
    """The vocabulary table's rows as plain text."""
    table = app.screen.query_one("DataTable")
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_vocabulary_answered_from_the_cache_still_lists_its_words(library, tmp_path) -> None:
    """A second `v` (every word cached now), `v` after `d`, and `v` after a restart keep their rows."""
    app = open_reader(library, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "v")
        await wait_for_workers(pilot)
        first = vocabulary_rows(app)
        assert len(first) == 3
        await pilot.press("escape", "v")
        await wait_for_workers(pilot)
        assert vocabulary_rows(app) == first
        await pilot.press("escape", "d")
        await wait_for_workers(pilot)
        await pilot.press("escape", "v")
        await wait_for_workers(pilot)
        assert vocabulary_rows(app) == first
    restarted = open_reader(library, tmp_path)
    async with restarted.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "v")
        await wait_for_workers(pilot)
        assert vocabulary_rows(restarted) == first


async def test_a_word_of_a_name_is_looked_up_as_the_name(tmp_path) -> None:
    """`Un` of "Kim Jong Un" in the seed: the popup shows the person, not the determiner."""
    from tests.tui.test_entities_panel import analysed_app

    app = analysed_app(tmp_path / "lib.sqlite3")
    app.lookup_sources = Sources(apertium=None, freedict=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("d")
        await wait_for_workers(pilot)
        while str(app.screen.query_one("#lookup-word").render()) != "Kim Jong Un":
            await pilot.press("right")
        assert "proper noun: person" in body_text(app)
        await pilot.press("right")  # Jong: the same name
        assert str(app.screen.query_one("#lookup-word").render()) == "Kim Jong Un"
        await pilot.press("right")  # Un: still the name, never the determiner
        assert str(app.screen.query_one("#lookup-word").render()) == "Kim Jong Un"
        assert "determiner" not in body_text(app)


async def test_the_sense_the_translation_uses_is_shown_first(library, tmp_path) -> None:
    """FreeDict lists "casa" as home, house; in "The houses cost too much." house comes first."""
    import time

    from lettore.model import Translation

    app = open_reader(library, tmp_path)
    article_id = app.article_id
    library.set_translations(article_id, [((1, 0), Translation("The houses cost too much.", "memory", time.time()))])
    app.lookup_sources = Sources(apertium=None, freedict=write_freedict(tmp_path / "d2", {"casa": "home, house"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "d")
        await wait_for_workers(pilot)
        assert "FreeDict: house, home" in body_text(app)

