"""A reader's own translation wins: stored as manual, remembered for the same sentence in
other articles, kept by `prepare`; a re-translation skips the engine that made the text."""

from __future__ import annotations

from fakes.articles import make_article
from lettore.config import Settings
from lettore.model import Translation
from lettore.store import Library
from lettore.translate.engines import BaseEngine
from lettore.translate.manual import engine_to_skip, save_manual_edit
from lettore.translate.memory import fill_from_memory
from lettore.translate.prepare import prepare_articles

TEXT = "Il sindaco ha parlato ieri."


class EchoEngine(BaseEngine):
    """An offline engine that would overwrite whatever it is given."""

    name = "apertium"
    rough = True

    def translate_batch(self, texts: list[str], src: str, tgt: str) -> list[str]:
        return [f"(engine) {t}" for t in texts]


def test_a_manual_edit_is_stored_and_reaches_other_articles(library: Library) -> None:
    first_id, _ = library.add_article(make_article("Uno", [TEXT]))
    second_id, _ = library.add_article(make_article("Due", [TEXT]))
    first = library.get_article(first_id)
    assert save_manual_edit(library, first, (1, 0), "  The mayor spoke yesterday. ")
    assert library.translations(first_id)[(1, 0)][:2] == ("The mayor spoke yesterday.", "manual")
    assert fill_from_memory(library, library.get_article(second_id)) == 1
    assert library.translations(second_id)[(1, 0)][:2] == ("The mayor spoke yesterday.", "manual")


def test_a_blank_edit_changes_nothing(library: Library) -> None:
    article_id, _ = library.add_article(make_article("Uno", [TEXT]))
    assert not save_manual_edit(library, library.get_article(article_id), (1, 0), "   ")
    assert library.translations(article_id) == {}
    assert library.tm_size() == 0


def test_prepare_keeps_the_manual_edit(library: Library) -> None:
    article_id, _ = library.add_article(make_article("Uno", [TEXT]))
    save_manual_edit(library, library.get_article(article_id), (1, 0), "My own words.")
    prepare_articles(library, Settings(engines=("apertium",)), [article_id], engines=[EchoEngine()])
    assert library.translations(article_id)[(1, 0)].text == "My own words."


def test_retranslating_skips_only_a_named_engine() -> None:
    assert engine_to_skip(Translation("x", "google")) == "google"
    assert engine_to_skip(Translation("x", "manual")) is None
    assert engine_to_skip(Translation("x", "memory")) is None
    assert engine_to_skip(None) is None
