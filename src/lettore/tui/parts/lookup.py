"""Word lookup in the reader: `d` (or a click on an Italian word) opens the lookup popup,
`v` the vocabulary of the focused sentence, `s` saves the word last looked up there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.binding import Binding

from lettore.tui.columns import BlockText, column_widths
from lettore.tui.parts.base import Action, ReaderPart
from lettore.tui.widgets.article_view import ArticleView, Position

if TYPE_CHECKING:  # the tokenizer and the popup are imported on the first lookup, not at start-up
    from lettore.lookup.tokens import Word
    from lettore.tui.screens.lookup import SentenceContext
    from lettore.tui.screens.reader import ReaderScreen

# What `s` saves: the sentence, its words, the one looked up last, and the glosses found.
LastLookup = tuple[Position, list["Word"], int, dict[str, Any]]


class LookupPart(ReaderPart):
    """Lookup popup, vocabulary list, saving words."""

    NAME = "lookup"
    BINDINGS = [
        Binding("d", "lookup_word", "Look up", id="lookup_word"),
        Binding("v", "vocabulary", "Vocabulary", show=False, id="vocabulary"),
        Binding("s", "save_word", "Save word", show=False, id="save_word"),
    ]

    def __init__(self, screen: ReaderScreen) -> None:
        super().__init__(screen)
        self._last: LastLookup | None = None

    def actions(self) -> Mapping[str, Action]:
        """Look up, vocabulary, save."""
        return {"lookup_word": self.lookup_word, "vocabulary": self.vocabulary, "save_word": self.save_word}

    def mount(self) -> None:
        """Hear clicks on the text."""
        self.screen.listen(ArticleView.TextClicked, self._text_clicked)

    def lookup_word(self) -> None:
        """Look up the first content word of the focused sentence (left/right for others)."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.lookup.tokens import content_words, words

        position = self.view.current
        if position is None:
            return
        found = words(self._lookup_sentence(position))
        if not found:
            self.screen.notify("this sentence has no words to look up", timeout=2)
            return
        meaningful = content_words(self._lookup_sentence(position))
        start = found.index(next((w for w in found if w in meaningful), found[0]))
        self._lookup_open(position, found, start)

    def vocabulary(self) -> None:
        """Every content word of the focused sentence with lemma and gloss."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.lookup.tokens import content_words

        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.lookup import VocabularyScreen

        position = self.view.current
        if position is None:
            return
        self.app.push_screen(
            VocabularyScreen(content_words(self._lookup_sentence(position)), self._lookup_context(position))
        )

    def save_word(self) -> None:
        """Save the word last looked up in this sentence, with the sentence as context."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.lookup.tokens import lookup_key

        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.lookup import keep_word

        position = self.view.current
        last = self._last
        if position is None or last is None or last[0] != position:
            self.screen.notify("look a word up first (d, or click it), then press s", timeout=3)
            return
        _, found, index, infos = last
        word = found[index]
        keep_word(self.app, word, infos.get(lookup_key(word.text)), self._lookup_context(position))

    def _text_clicked(self, event: ArticleView.TextClicked) -> None:
        """A click on an Italian word looks that word up (the view selects its sentence)."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.lookup.tokens import words

        offset = original_offset(self.view, event.block, event.row, event.x)
        if offset is None:
            return
        block = self.screen.article.blocks[event.block]
        for sentence in block.sentences:
            if sentence.start <= offset < sentence.end:
                found = words(sentence.text)
                for i, word in enumerate(found):
                    if word.start <= offset - sentence.start < word.end:
                        self._lookup_open(Position(block.index, sentence.index), found, i)
                        return

    # ---- internals -----------------------------------------------------------------

    def _lookup_sentence(self, position: Position) -> str:
        """The Italian text of a sentence."""
        return self.screen.article.blocks[position.block].sentences[position.sentence].text

    def _lookup_context(self, position: Position) -> SentenceContext:
        """The sentence and its translation, for the popup and for saved words."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.parts.entities import EntitiesPart

        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.lookup import SentenceContext

        translation = self.view.translations.get((position.block, position.sentence))
        return SentenceContext(
            self._lookup_sentence(position),
            translation.text if translation else None,
            self.screen.article.id,
            self.screen.article.title,
            self.screen.part(EntitiesPart).sentence_entities(position),
        )

    def _lookup_open(self, position: Position, found: list[Word], index: int) -> None:
        """Show the popup and remember what it looked up, for `s` on the article."""
        # lazy: kept off the start-up path of `reader` and its first screen
        from lettore.tui.screens.lookup import LookupScreen

        screen = LookupScreen(found, index, self._lookup_context(position))

        def closed(_: None) -> None:
            self._last = (position, found, screen.index, screen.infos)

        self._last = (position, found, index, screen.infos)
        self.app.push_screen(screen, closed)


def original_offset(view: ArticleView, block: int, row: int, x: int) -> int | None:
    """The character of the block's original text drawn at (row, x), if the click hit it."""
    layout = view.shown_layout
    left, _ = column_widths(layout, view.text_width)
    if not left:
        return None
    text = BlockText.build(view.article.blocks[block], view.translations)
    lines = text.original.lines(left)
    if row >= len(lines) or x < 1 or x >= 1 + left:
        return None
    start, end = lines[row]
    cells = 0
    for offset in range(start, end):
        cells += cell_len(text.original.text[offset])
        if cells > x - 1:
            return offset
    return None
