"""A long article: estimated heights first, exact ones from a worker, and the cursor's
sentence on screen throughout (G, PageDown, a resize)."""

from __future__ import annotations

from pathlib import Path

from lettore.config import Settings
from lettore.model import Article
from lettore.segment import make_block
from lettore.store import Library
from lettore.tui.app import make_app


def _long_article(blocks: int) -> Article:
    text = ("Il consiglio comunale ha approvato il bilancio dopo una lunga discussione. "
            "L'opposizione ha votato contro, chiedendo più fondi per le scuole e i trasporti. ")
    made = tuple(
        make_block(i, "paragraph", f"Paragrafo {i}. " + text * (1 + i % 4)) for i in range(blocks)
    )
    return Article(title="Lungo", blocks=made, content_hash="long")


def _screen_text(view) -> str:
    return "".join(seg.text for y in range(view.size.height) for seg in view.render_line(y))


async def test_long_article_heights_settle_and_cursor_stays_visible(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite3")
    article_id, _ = library.add_article(_long_article(600))
    app = make_app(Settings(), library, article_id)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.view
        await pilot.press("G")
        await pilot.pause()
        assert "Paragrafo 599." in _screen_text(view)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert all(view._heights.exact)
        assert "Paragrafo 599." in _screen_text(view)
        await pilot.press("g", "pagedown", "pagedown")
        block = view.current.block
        assert f"Paragrafo {block}." in _screen_text(view)
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"Paragrafo {block}." in _screen_text(view)
        assert view.virtual_size.height == sum(view._heights.heights)
    library.close()
