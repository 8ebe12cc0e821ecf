"""Reader feature: `t` re-translates the focused sentence (`T` its paragraph) with the
next engine in the chain, in a worker; `e` edits the translation by hand, stored as a
manual translation that wins over every engine and goes into the shared memory."""

from __future__ import annotations

import sqlite3

from textual import work
from textual.binding import Binding
from textual.message import Message

from lettore.errors import UserError
from lettore.model import Translation


class TranslationsChanged(Message):
    """A worker stored new translations for the open article."""

    def __init__(self, summary: str, failed: bool) -> None:
        super().__init__()
        self.summary = summary
        self.failed = failed


class TranslationFeature:
    """Re-translate and edit translations from the reader."""

    FEATURE_BINDINGS = [
        Binding("t", "retranslate('sentence')", "Re-translate", id="retranslate"),
        Binding("T", "retranslate('paragraph')", "Re-translate paragraph", show=False, id="retranslate_paragraph"),
        Binding("e", "edit_translation", "Edit translation", show=False, id="edit_translation"),
    ]

    def action_retranslate(self, scope: str) -> None:
        """Send the focused sentence (or paragraph) to the next engine, off the UI thread."""
        position = self.view.current
        if position is None:
            return
        if scope == "paragraph":
            keys = [(position.block, s.index) for s in self.article.blocks[position.block].sentences]
        else:
            keys = [(position.block, position.sentence)]
        current = self.view.translations.get((position.block, position.sentence))
        skip = current.source if current and current.source not in ("memory", "manual") else None
        self.notify(f"translating {len(keys)} sentence(s)…", timeout=2)
        self._retranslate_worker(keys, skip)

    @work(thread=True, exclusive=True, group="translate")
    def _retranslate_worker(self, keys: list[tuple[int, int]], skip: str | None) -> None:
        """Translate in a thread with its own library connection; report back by message."""
        from lettore.store import Library
        from lettore.translate.prepare import translate_sentences

        library = Library.open(self.app.library.path)
        try:
            result = translate_sentences(library, self.app.settings, self.article.id, keys, skip=skip)
        except (UserError, ValueError, OSError, sqlite3.Error) as exc:  # the user's to fix: say so
            self.post_message(TranslationsChanged(f"translation failed: {exc}", True))
            return
        finally:
            library.close()
        done, failed = len(result["translations"]), len(result["failed"])
        engines = ", ".join(result["engines"]) or "no engine"
        reason = next(iter(result["failed"].values()), "")
        summary = f"translated {done} with {engines}" + (f"; {failed} failed: {reason}" if failed else "")
        self.post_message(TranslationsChanged(summary, failed > 0 and done == 0))

    def on_translations_changed(self, message: TranslationsChanged) -> None:
        """Reload translations from the store and redraw."""
        self.view.update_translations(self.app.library.translations(self.article.id))
        self.update_status()
        self.notify(message.summary, severity="error" if message.failed else "information")

    def action_edit_translation(self) -> None:
        """Open the editor on the focused sentence's translation."""
        from lettore.tui.screens.edit_translation import EditTranslationScreen

        position = self.view.current
        if position is None:
            return
        sentence = self.article.blocks[position.block].sentences[position.sentence]
        current = self.view.translations.get((position.block, position.sentence))

        def save(text: str | None) -> None:
            if text is None or not text.strip():
                return
            from lettore.translate.memory import remember

            key = (position.block, position.sentence)
            self.app.library.set_translation(self.article.id, key, Translation(text.strip(), "manual"))
            remember(self.app.library, [(sentence.text, text.strip(), "manual", False)],
                     self.article.source_lang, self.article.target_lang)
            self.view.update_translations(self.app.library.translations(self.article.id))
            self.update_status()

        self.app.push_screen(EditTranslationScreen(sentence.text, current.text if current else ""), save)
