"""Plain data shared by every pipeline stage: articles, blocks, sentences, translations,
entities and claims. Immutable records, no behaviour beyond small conveniences, so the
store, the CLI, the TUI and the tests all speak the same vocabulary.

Sentence, Translation, Entity, ClaimNumber and Claim are NamedTuples rather than frozen
dataclasses: a long article loads tens of thousands of each, a NamedTuple is built about
three times faster, and its class is defined in a sixth of the time (the reader imports
this module before its first screen). Change one with `._replace(...)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

BlockKind = Literal["heading", "paragraph"]

SOURCE_LANG = "it"
TARGET_LANG = "en"

SentenceKey = tuple[int, int]
"""A sentence of an article: (block index, sentence index within the block)."""


class Sentence(NamedTuple):
    """One sentence of a block; `start`/`end` are character offsets into the block text."""

    # The field shadows tuple.index (a method) on purpose: every caller reads sentence.index.
    index: int  # type: ignore[assignment]
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph, with its sentences in order."""

    index: int
    kind: BlockKind
    text: str
    sentences: tuple[Sentence, ...]

    def sentence_count(self) -> int:
        """How many sentences (a block read from the library counts without building them)."""
        return len(self.sentences)


class Translation(NamedTuple):
    """The English text of one sentence and where it came from.

    `source` is the engine name ("memory", "google", "apertium", "manual", ...);
    `rough` marks gist-quality machine translation the UI must label as such.
    """

    text: str
    source: str
    created: float = 0.0
    rough: bool = False


class Entity(NamedTuple):
    """A named entity or a typed expression (date, money...) found in the original.

    `block`/`sentence` locate the sentence; `start`/`end` are offsets into the
    sentence text. `value` is a normalised value (number, ISO date) where one exists;
    `english` the English form of a place name where CLDR knows it.
    """

    text: str
    label: str
    block: int
    sentence: int
    start: int
    end: int
    value: float | int | str | None = None
    english: str | None = None


class ClaimNumber(NamedTuple):
    """A figure inside a claim: "almeno 2.000 unità" -> 2000, "units", "at least"."""

    text: str
    value: float | int | None
    unit: str | None = None
    qualifier: str | None = None


class Claim(NamedTuple):
    """A checkable statement, or a report of what someone asserted, in one sentence."""

    id: str
    block: int
    sentence: int
    text: str
    kind: Literal["quote", "reported", "statistic", "speculation", "assertion"]
    attributed_to: str | None = None
    cue: str | None = None
    hedged: bool = False
    hedges: tuple[str, ...] = ()
    numbers: tuple[ClaimNumber, ...] = ()
    entities: tuple[str, ...] = ()
    date: str | None = None
    score: float = 0.0
    why: str = ""
    subjective: bool = False
    translation: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Article:
    """An ingested article: metadata plus its blocks. `id` is None until stored."""

    title: str
    blocks: tuple[Block, ...]
    date: str | None = None
    source_path: str | None = None
    source_lang: str = SOURCE_LANG
    target_lang: str = TARGET_LANG
    content_hash: str = ""
    id: int | None = None
    source_url: str | None = None  # the page's canonical URL, for articles fetched from the web
    author: str | None = None
    site_name: str | None = None

    def sentence_count(self) -> int:
        """How many sentences the article holds, headings included."""
        return sum(block.sentence_count() for block in self.blocks)


@dataclass
class ReadingState:
    """Where the reader left an article and how it was laid out."""

    block: int = 0
    sentence: int = 0
    layout: str = "side-by-side"
    panels: dict[str, bool] = field(default_factory=dict)


# Entity labels, in the order panels and reports list them.
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "QUANTITY", "PERCENT")
# Labels of names (people, organisations, places; GPE from models that tell places apart).
NAME_LABELS = frozenset({"PER", "ORG", "LOC", "GPE", "MISC"})
# Labels whose value is a figure that an English translation writes its own way.
FIGURE_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT"})
