"""Build the reader on the seed article in a throwaway library, for Pilot and snapshots."""

from __future__ import annotations

from pathlib import Path

from lettore.config import Settings
from lettore.ingest import load_path
from lettore.model import ReadingState
from lettore.store import Library
from lettore.translate.memory import fill_from_memory, import_tmx
from lettore.tui.app import LettoreApp, make_app

REPO = Path(__file__).resolve().parents[2]
SEED_TEXT = REPO / "seeds" / "kim-tanks-russia.it.txt"
SEED_TMX = REPO / "seeds" / "kim-tanks-russia.en.tmx"


def seed_library(path: Path, translated: bool = True) -> tuple[Library, int]:
    """A library holding the seed, translated from its reference memory (or not)."""
    library = Library.open(path)
    if translated:
        import_tmx(library, SEED_TMX)
    article_id, _ = library.add_article(load_path(SEED_TEXT))
    fill_from_memory(library, library.get_article(article_id))
    return library, article_id


def seed_app(path: Path, layout: str = "side-by-side", translated: bool = True) -> LettoreApp:
    """The reader opened on the seed with the given layout."""
    library, article_id = seed_library(path, translated)
    library.save_reading_state(article_id, ReadingState(layout=layout))
    return make_app(Settings(), library, article_id)
