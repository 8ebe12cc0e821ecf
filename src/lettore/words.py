"""Plain data of word lookups: what a word means, and a word the reader chose to keep
(shared by `lookup`, which finds them, and `store`, which keeps them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sense:
    """One English gloss of one reading of a word, and the dictionary it came from."""

    gloss: str
    source: str
    lemma: str
    pos: str | None = None


@dataclass(frozen=True)
class WordInfo:
    """Everything the lookup popup shows about a word form."""

    word: str
    lemma: str
    pos: str | None
    senses: tuple[Sense, ...] = ()
    sources: tuple[str, ...] = ()
    readings: tuple[tuple[str, str | None], ...] = ()

    @property
    def gloss(self) -> str:
        """The English senses of the main reading joined for a list or a flash card."""
        main = [s.gloss for s in self.senses if s.lemma == self.lemma] or [s.gloss for s in self.senses]
        return ", ".join(dict.fromkeys(main))


@dataclass(frozen=True)
class SavedWord:
    """A word kept for study, with the sentence it was met in as context."""

    word: str
    lemma: str
    pos: str | None
    gloss: str
    sentence: str
    translation: str | None = None
    article_id: int | None = None
    article_title: str | None = None
    created: float = 0.0
    id: int | None = None
