"""Word lookup popups: one word of a sentence with its lemma, part of speech and English
senses (left/right pick another word), and the sentence's vocabulary list. Lookups come
from the library's cache, else from the offline dictionaries in a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from lettore.lookup.tokens import Word, lookup_key
from lettore.words import SavedWord, WordInfo

if TYPE_CHECKING:
    from textual.app import App

    from lettore.model import Entity
    from lettore.tui.app import LettoreApp


@dataclass(frozen=True)
class SentenceContext:
    """The sentence a word is looked up in, for the popup and for saved words."""

    text: str
    translation: str | None
    article_id: int | None
    article_title: str | None
    entities: tuple[Entity, ...] = ()


class WordsLookedUp(Message):
    """A worker finished looking words up (results keyed by `lookup_key`)."""

    def __init__(self, infos: dict[str, WordInfo]) -> None:
        super().__init__()
        self.infos = infos


class ContextRead(Message):
    """A worker read the English words of the sentence's translation (to rank senses)."""

    def __init__(self, words: frozenset[str]) -> None:
        super().__init__()
        self.words = words


class _Lookups:
    """Shared by the popups: cache first, then a worker; `show_infos` redraws."""

    infos: dict[str, WordInfo]
    context: SentenceContext
    context_words: frozenset[str] = frozenset()

    if TYPE_CHECKING:  # provided by the Screen each popup also is
        app: App[object]

        def post_message(self, message: Message) -> bool: ...

    @property
    def reader_app(self) -> LettoreApp:
        """The running reader app, with its library."""
        return cast("LettoreApp", self.app)

    def info_for(self, word: Word) -> WordInfo | None:
        """What the popup shows for a word: the name it is part of, else its lookup with
        the senses the sentence's translation uses first."""
        from lettore.lookup.entities import entity_at, entity_info
        from lettore.lookup.ranking import for_sentence

        entity = entity_at(self.context.entities, word.start, word.end)
        if entity is not None:
            return entity_info(entity)
        info = self.infos.get(lookup_key(word.text))
        return for_sentence(info, self.context_words) if info is not None else None

    def _sources(self):
        """The dictionaries: the app's (tests set `app.lookup_sources`) or the installed ones."""
        from lettore.lookup.service import default_sources

        return getattr(self.app, "lookup_sources", None) or default_sources()

    def look_up(self, words: list[str]) -> None:
        """Answer from the cache now; compute the rest off the UI thread."""
        from lettore.lookup.service import cached

        sources = self._sources()
        self.infos.update(cached(self.reader_app.library, words, sources))
        missing = [w for w in words if lookup_key(w) not in self.infos]
        if missing:
            self._compute(missing, sources)
        if self.context.translation and not self.context_words:
            self._read_context(self.context.translation)
        self.show_infos()

    @work(thread=True, exclusive=True, group="lookup-context")
    def _read_context(self, translation: str) -> None:
        """The translation's words and lemmas (simplemma's English table loads in ~0.3 s)."""
        from lettore.lookup.ranking import english_lemmas

        self.post_message(ContextRead(english_lemmas(translation)))

    def on_context_read(self, message: ContextRead) -> None:
        """Rank the senses by the sentence now."""
        self.context_words = message.words
        self.show_infos()

    @work(thread=True, exclusive=True, group="lookup")
    def _compute(self, words: list[str], sources) -> None:
        """Consult the dictionaries (lt-proc runs, FreeDict reads) in a thread."""
        from lettore.lookup.service import compute

        self.post_message(WordsLookedUp(compute(words, sources)))

    def on_words_looked_up(self, message: WordsLookedUp) -> None:
        """Store fresh lookups in the library (UI thread) and redraw."""
        from lettore.lookup.service import remember

        remember(self.reader_app.library, message.infos)
        self.infos.update(message.infos)
        self.show_infos()

    def show_infos(self) -> None:
        """Redraw with what is known now."""

    def save(self, word: Word, context: SentenceContext) -> None:
        """Keep a word with its sentence for `reader export-words`."""
        keep_word(self.app, word, self.info_for(word), context)


def keep_word(app, word: Word, info: WordInfo | None, context: SentenceContext) -> None:
    """Save a looked-up word with its sentence, and say so."""
    from lettore.store.words import save_word

    if info is None:
        app.notify("still looking the word up; try again in a moment", timeout=2)
        return
    saved = save_word(
        app.library,
        SavedWord(word.text, info.lemma, info.pos, info.gloss, context.text, context.translation,
                  context.article_id, context.article_title),
    )
    label = f"{info.lemma} ({info.gloss})" if info.gloss else info.lemma
    if saved:
        app.notify(f"saved {label}; export with `reader export-words`", timeout=3)
    else:
        app.notify(f"{info.lemma} is already saved with this sentence", timeout=2)


def describe(info: WordInfo | None, word: str, hint: str | None) -> Text:
    """The popup's body: lemma and part of speech, then the senses by source."""
    if info is None:
        return Text("looking up…", style="italic")
    body = Text()
    body.append(info.lemma, style="bold")
    if info.pos:
        body.append(f"  {info.pos}", style="italic")
    others = [f"{lemma} ({pos})" if pos else lemma for lemma, pos in info.readings if lemma != info.lemma]
    if others:
        body.append("\nalso: " + ", ".join(dict.fromkeys(others)), style="dim")
    by_source: dict[str, list[str]] = {}
    for sense in info.senses:
        shown = sense.gloss if sense.lemma == info.lemma else f"{sense.gloss} ({sense.lemma})"
        by_source.setdefault(sense.source, [])
        if shown not in by_source[sense.source]:
            by_source[sense.source].append(shown)
    for source, glosses in by_source.items():
        body.append(f"\n{source}: ", style="bold")
        body.append(", ".join(glosses))
    if not info.senses:
        body.append("\n" + (hint or f"no English gloss found for {word!r}"), style="italic")
    return body


class LookupScreen(_Lookups, ModalScreen[None]):
    """One word of the sentence: lemma, part of speech, glosses; left/right for another."""

    DEFAULT_CSS = """
    LookupScreen { align: center middle; }
    LookupScreen > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    LookupScreen VerticalScroll { height: auto; max-height: 14; }
    LookupScreen #lookup-word { text-style: bold; color: $accent; }
    LookupScreen #lookup-sentence { margin-top: 1; color: $foreground 80%; }
    LookupScreen #lookup-keys { margin-top: 1; color: $foreground 50%; }
    """
    BINDINGS = [
        Binding("escape,q,d", "close", "Close", id="lookup_close"),
        Binding("left,h", "move(-1)", "Previous word", id="lookup_previous"),
        Binding("right,l", "move(1)", "Next word", id="lookup_next"),
        Binding("s", "save", "Save word", id="lookup_save"),
    ]

    def __init__(self, words: list[Word], index: int, context: SentenceContext) -> None:
        super().__init__()
        self.words = words
        self.index = index
        self.context = context
        self.infos: dict[str, WordInfo] = {}

    @property
    def word(self) -> Word:
        """The word shown."""
        return self.words[self.index]

    def compose(self) -> ComposeResult:
        """Word, its description, the sentence with the word marked, the keys."""
        with Vertical():
            yield Static(id="lookup-word", markup=False)
            with VerticalScroll():
                yield Static(id="lookup-body", markup=False)
            yield Static(id="lookup-sentence", markup=False)
            yield Static(
                Text("←/→ another word · s save · esc close", style="italic"), id="lookup-keys"
            )

    def on_mount(self) -> None:
        """Look the first word up (and the rest of the sentence's words, for left/right)."""
        self.look_up([self.word.text, *(w.text for w in self.words if w is not self.word)])

    def show_infos(self) -> None:
        """Redraw the current word."""
        from lettore.lookup.service import install_hint

        if not self.is_running:  # closed meanwhile (is_mounted is still False inside on_mount)
            return
        from lettore.lookup.entities import entity_at

        word = self.word
        entity = entity_at(self.context.entities, word.start, word.end)
        start, end = (entity.start, entity.end) if entity is not None else (word.start, word.end)
        self.query_one("#lookup-word", Static).update(Text(self.context.text[start:end]))
        hint = install_hint(self._sources())
        self.query_one("#lookup-body", Static).update(describe(self.info_for(word), word.text, hint))
        sentence = Text(self.context.text)
        sentence.stylize("bold reverse", start, end)
        self.query_one("#lookup-sentence", Static).update(sentence)

    def action_move(self, step: int) -> None:
        """Another word of the sentence."""
        self.index = (self.index + step) % len(self.words)
        self.show_infos()

    def action_save(self) -> None:
        """Save the word shown."""
        self.save(self.word, self.context)

    def action_close(self) -> None:
        """Back to the article."""
        self.dismiss(None)


class VocabularyScreen(_Lookups, ModalScreen[None]):
    """Every content word of the sentence with its lemma and gloss; `s` saves a row."""

    DEFAULT_CSS = """
    VocabularyScreen { align: center middle; }
    VocabularyScreen > Vertical {
        width: 90%; max-width: 110; height: 80%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    VocabularyScreen DataTable { height: 1fr; }
    VocabularyScreen #vocabulary-keys { color: $foreground 50%; }
    """
    BINDINGS = [
        Binding("escape,q,v", "close", "Close", id="vocabulary_close"),
        Binding("s", "save", "Save word", id="vocabulary_save"),
    ]

    def __init__(self, words: list[Word], context: SentenceContext) -> None:
        super().__init__()
        self.words = words
        self.context = context
        self.infos: dict[str, WordInfo] = {}

    def compose(self) -> ComposeResult:
        """The sentence, then a table of its words."""
        with Vertical():
            yield Static(Text(self.context.text, style="bold"), markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Static(Text("↑/↓ choose · s save · esc close", style="italic"), id="vocabulary-keys")

    def on_mount(self) -> None:
        """Columns, then the lookups."""
        table = self.query_one(DataTable)
        table.add_columns("word", "lemma", "part of speech", "English")
        table.focus()
        if not self.words:
            self.notify("no content words in this sentence", timeout=2)
        self.look_up([w.text for w in self.words])

    def show_infos(self) -> None:
        """Refill the table with what is known now, keeping the selected row."""
        from lettore.lookup.service import install_hint

        if not self.is_running:  # closed meanwhile (is_mounted is still False inside on_mount)
            return
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        hint = install_hint(self._sources())
        for word in self.words:
            info = self.info_for(word)
            if info is None:
                cells = (word.text, "…", "", "")
            else:
                cells = (word.text, info.lemma, info.pos or "", info.gloss or ("—" if not hint else "(no dictionary)"))
            table.add_row(*(Text(c) for c in cells))
        if self.words:
            table.move_cursor(row=min(max(row, 0), len(self.words) - 1))

    def action_save(self) -> None:
        """Save the selected word."""
        if self.words:
            self.save(self.words[self.query_one(DataTable).cursor_row], self.context)

    def action_close(self) -> None:
        """Back to the article."""
        self.dismiss(None)
