"""Reader part: `t` re-translates the focused sentence (`T` its paragraph) with the
next engine in the chain, in a worker, and shows it; `u` goes back to the version before,
`U` lists every version to pick one; `e` edits the translation by hand, stored as a
manual translation that wins over every engine and goes into the shared memory (an
empty edit asks whether to clear it). The status line flags names the translation lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from lettore.errors import UserError
from lettore.model import Translation
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
        Binding("u", "previous_translation", "Previous translation", show=False, id="previous_translation"),
        Binding("U", "translation_versions", "Every translation", show=False, id="translation_versions"),
        Binding("plus", "glossary_add", "Add to glossary", show=False, id="glossary_add"),
    ]

    def __init__(self, screen: Any) -> None:
        super().__init__(screen)
        self._names: dict[tuple[int, int], Any] = {}
        self._glossary: dict[str, str] | None = None

    def actions(self) -> Mapping[str, Action]:
        """Re-translate (sentence or paragraph), edit, go back, pick a version."""
        return {"retranslate": self.retranslate, "edit_translation": self.edit_translation,
                "previous_translation": self.previous_translation,
                "translation_versions": self.translation_versions, "glossary_add": self.glossary_add}

    def mount(self) -> None:
        """Hear the worker's reports; read the article's names for the name check."""
        from lettore.translate.names import read_name_hints
        from lettore.tui.parts.loading import load_analysis

        self.screen.listen(TranslationsChanged, self._translations_changed)
        load_analysis(self.screen, read_name_hints, self._names_ready, group="load-translation-names")

    def _names_ready(self, hints: dict[tuple[int, int], Any]) -> None:
        """The names per sentence are read: the status line can check them."""
        self._names = hints
        self.screen.update_status()

    def glossary(self) -> dict[str, str]:
        """The config's and the library folder's glossary, read once."""
        if self._glossary is None:
            from lettore.translate.glossary import merged_glossary

            self._glossary = merged_glossary(self.app.settings, self.app.library.path.parent)
        return self._glossary

    def status(self, position: Any) -> Text | None:
        """Glossary terms the translation used (or not), and names it lacks."""
        from lettore.translate.glossary import terms_in
        from lettore.translate.names import sentence_missing_names

        current = self.view.translations.get((position.block, position.sentence))
        if current is None:
            return None
        status = Text()
        original = self.screen.article.blocks[position.block].sentences[position.sentence].text
        for italian, english in terms_in(original, self.glossary()):
            if status.plain:
                status.append(" · ")
            if english.casefold() in current.text.casefold():
                status.append(f"glossary: {italian} → {english}", style="italic")
            else:
                status.append(f"⚠ glossary term not used: {english}", style="bold red")
        lost = sentence_missing_names(self._names, (position.block, position.sentence), current.text)
        if lost:
            if status.plain:
                status.append(" · ")
            status.append("⚠ name not in translation: " + ", ".join(lost), style="bold red")
        return status if status.plain else None

    def glossary_add(self) -> None:
        """Add a term to the glossary: the focused sentence's first name, or one you type."""
        from lettore.tui.screens.glossary_add import GlossaryAddScreen

        position = self.view.current
        hint = self._names.get((position.block, position.sentence)) if position is not None else None
        italian, english = "", ""
        if hint is not None and hint.terms:
            italian, english = hint.terms[0]
        elif hint is not None and hint.keep:
            italian = english = hint.keep[0]

        def added(pair: tuple[str, str] | None) -> None:
            if pair is None:
                return
            from lettore.translate.glossary import checked_term, glossary_path, read_glossary, write_glossary

            try:
                term, target = checked_term(pair[0], "Italian"), checked_term(pair[1], "English")
                path = glossary_path(self.app.library.path.parent)
                terms = read_glossary(path)
                terms[term] = target
                write_glossary(path, terms)
            except UserError as exc:
                self.screen.notify(str(exc), severity="error")
                return
            self._glossary = None
            self.screen.update_status()
            self.screen.notify(f"glossary: {term} → {target}; t re-translates with it", timeout=3)

        self.app.push_screen(GlossaryAddScreen(italian, english), added)

    def _reload(self, summary: str | None = None) -> None:
        """Redraw from the store after a version changed, with an optional toast."""
        article_id = self.screen.article.id
        if article_id is not None:
            self.view.update_translations(self.app.library.translations(article_id))
        self.screen.update_status()
        if summary:
            self.screen.notify(summary, timeout=3)

    def previous_translation(self) -> None:
        """Show the version the focused sentence had before the one shown now."""
        position = self.view.current
        article_id = self.screen.article.id
        if position is None or article_id is None:
            return
        back = self.app.library.previous_version(article_id, (position.block, position.sentence))
        if back is None:
            self.screen.notify("this is the sentence's first translation", timeout=2)
            return
        self._reload(f"back to the {_origin(back)} translation")

    def translation_versions(self) -> None:
        """List every translation of the focused sentence; the chosen one is shown."""
        from lettore.tui.screens.versions import VersionPicker

        position = self.view.current
        article = self.screen.article
        if position is None or article.id is None:
            return
        article_id, key = article.id, (position.block, position.sentence)
        versions = self.app.library.versions(article_id, key)
        if not versions:
            self.screen.notify("this sentence has no translation yet: t translates it", timeout=2)
            return

        def chosen(seq: int | None) -> None:
            if seq is not None:
                picked = self.app.library.choose_version(article_id, key, seq)
                self._reload(f"showing the {_origin(picked)} translation")

        original = article.blocks[position.block].sentences[position.sentence].text
        current = self.app.library.current_version(article_id, key)
        self.app.push_screen(VersionPicker(original, versions, current), chosen)

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

        def clear(answer: bool | None) -> None:
            if answer:
                from lettore.translate.memory import forget_manual

                shown = self.app.library.drop_manual(article_id, key)
                forget_manual(self.app.library, sentence.text, shown, article.source_lang, article.target_lang)
                self._reload(f"manual translation cleared; showing the {_origin(shown)} translation"
                             if shown else "manual translation cleared")

        def save(text: str | None) -> None:
            if text is None:
                return
            if not text.strip():
                if current is not None and current.source == "manual":
                    from lettore.tui.screens.versions import ConfirmClearManual

                    self.app.push_screen(ConfirmClearManual(), clear)
                else:
                    self.screen.notify("empty translation not saved: the translation is unchanged", timeout=3)
                return
            if save_manual_edit(self.app.library, article, key, text):
                self.view.update_translations(self.app.library.translations(article_id))
                self.screen.update_status()

        self.app.push_screen(EditTranslationScreen(sentence.text, current.text if current else ""), save)


def _origin(translation: Translation) -> str:
    """`memory`, `google`, `apertium (rough)`: where a shown translation came from."""
    return f"{translation.source} (rough)" if translation.rough else translation.source
