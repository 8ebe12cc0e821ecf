"""Reader part: `t` re-translates the focused sentence (`T` its paragraph) with the
next engine in the chain, in a worker; `e` edits the translation by hand, stored as a
manual translation that wins over every engine and goes into the shared memory."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from textual.binding import Binding
from textual.message import Message

from lettore.errors import UserError
from lettore.translate.manual import engine_to_skip, save_manual_edit
from lettore.tui.parts.base import Action, ReaderPart


class TranslationsChanged(Message):
    """A worker stored new translations for the open article."""

    def __init__(self, summary: str, failed: bool) -> None:
        super().__init__()
        self.summary = summary
        self.failed = failed


class TranslationPart(ReaderPart):
    """Re-translate and edit translations from the reader."""

    NAME = "translation"
    BINDINGS = [
        Binding("t", "retranslate('sentence')", "Re-translate", id="retranslate"),
        Binding("T", "retranslate('paragraph')", "Re-translate paragraph", show=False, id="retranslate_paragraph"),
        Binding("e", "edit_translation", "Edit translation", show=False, id="edit_translation"),
    ]

    def actions(self) -> Mapping[str, Action]:
        """Re-translate (sentence or paragraph) and edit."""
        return {"retranslate": self.retranslate, "edit_translation": self.edit_translation}

    def mount(self) -> None:
        """Hear the worker's reports."""
        self.screen.listen(TranslationsChanged, self._translations_changed)

    def retranslate(self, scope: str) -> None:
        """Send the focused sentence (or paragraph) to the next engine, off the UI thread."""
        position = self.view.current
        article = self.screen.article
        if position is None or article.id is None:
            return
        article_id = article.id
        if scope == "paragraph":
            keys = [(position.block, s.index) for s in article.blocks[position.block].sentences]
        else:
            keys = [(position.block, position.sentence)]
        current = self.view.translations.get((position.block, position.sentence))
        skip = engine_to_skip(current)
        self.screen.notify(f"translating {len(keys)} sentence(s)…", timeout=2)
        self.screen.run_worker(lambda: self._retranslate(article_id, keys, skip), thread=True, exclusive=True,
                               group="translate")

    def _retranslate(self, article_id: int, keys: list[tuple[int, int]], skip: str | None) -> None:
        """Translate in a thread with its own library connection; report back by message."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.store import Library

        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.translate.prepare import translate_sentences

        library = Library.open(self.app.library.path)
        try:
            result = translate_sentences(library, self.app.settings, article_id, keys, skip=skip)
        except (UserError, ValueError, OSError, sqlite3.Error) as exc:  # the user's to fix: say so
            self.screen.post_message(TranslationsChanged(f"translation failed: {exc}", True))
            return
        finally:
            library.close()
        done, failed = len(result["translations"]), len(result["failed"])
        engines = ", ".join(result["engines"]) or "no engine"
        reason = next(iter(result["failed"].values()), "")
        summary = f"translated {done} with {engines}" + (f"; {failed} failed: {reason}" if failed else "")
        self.screen.post_message(TranslationsChanged(summary, failed > 0 and done == 0))

    def _translations_changed(self, message: TranslationsChanged) -> None:
        """Reload translations from the store and redraw."""
        if self.screen.article.id is not None:
            self.view.update_translations(self.app.library.translations(self.screen.article.id))
        self.screen.update_status()
        self.screen.notify(message.summary, severity="error" if message.failed else "information")

    def edit_translation(self) -> None:
        """Open the editor on the focused sentence's translation."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.edit_translation import EditTranslationScreen

        position = self.view.current
        article = self.screen.article
        if position is None or article.id is None:
            return
        article_id = article.id
        key = (position.block, position.sentence)
        sentence = article.blocks[position.block].sentences[position.sentence]
        current = self.view.translations.get(key)

        def save(text: str | None) -> None:
            if text is None:
                return
            if not text.strip():
                self.screen.notify("empty translation not saved: the translation is unchanged", timeout=3)
                return
            if save_manual_edit(self.app.library, article, key, text):
                self.view.update_translations(self.app.library.translations(article_id))
                self.screen.update_status()

        self.app.push_screen(EditTranslationScreen(sentence.text, current.text if current else ""), save)
