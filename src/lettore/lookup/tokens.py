"""Words of an Italian sentence with their offsets, and which of them carry meaning
(the vocabulary list skips articles, prepositions and other function words)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of letters; an elided form keeps its apostrophe ("dell'", "l'", "un'").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019](?=[^\W\d_]))?")

FUNCTION_WORDS = frozenset(
    """
    il lo la i gli le l un uno una un' l' gl' dell' all' dall' nell' sull' coll' quest' quell' c' d' s' m' t' v' n'
    di a da in con su per tra fra del dello della dei degli delle al allo alla ai agli alle
    dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle
    col coi e ed o od ma però anche né ne se che chi cui non più meno come dove quando quanto
    perché poiché mentre pure sia già ancora poi così quindi oppure invece cioè
    io tu lui lei noi voi loro esso essa essi esse mi ti si ci vi me te sé lo li
    mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro vostra
    questo questa questi queste quello quella quelli quelle quel quei ciò
    è sono sei siamo siete era erano fu furono sarà saranno stato stata stati state essere
    ho hai ha abbiamo avete hanno aveva avevano avere avuto
    """.split()
)


@dataclass(frozen=True)
class Word:
    """A word of a text and its character range there."""

    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """Every word of the text in order."""
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def is_content_word(word: str) -> bool:
    """A word worth looking up: not a function word, not a single letter."""
    bare = word.lower().replace("\u2019", "'")
    return len(bare.rstrip("'")) > 1 and bare not in FUNCTION_WORDS


def content_words(text: str) -> list[Word]:
    """The words of a sentence that carry meaning, in order."""
    return [w for w in words(text) if is_content_word(w.text)]


def word_at(text: str, offset: int) -> Word | None:
    """The word covering a character offset (a click), if any."""
    for word in words(text):
        if word.start <= offset < word.end:
            return word
    return None


def lookup_key(word: str) -> str:
    """How a word form is cached: lower case, typographic apostrophe made plain."""
    return word.lower().replace("\u2019", "'")
