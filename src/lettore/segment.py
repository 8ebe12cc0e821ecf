"""Italian-aware sentence segmentation with character offsets, so every later stage
(translation memory, entities, claims, the reader's cursor) points at the same spans."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lettore.model import Block, BlockKind, Sentence

# A run of sentence-final punctuation, or a blank line (always a boundary).
_CANDIDATE = re.compile(r"[.!?…‼⁇⁈⁉]+|\n[^\S\n]*\n")
# Characters that close a quotation or a parenthesis and stay with the sentence they end.
_CLOSERS = frozenset("”»’')]}›")
# Characters a new sentence may start with besides an upper-case letter or a digit.
_OPENERS = frozenset("\"“«‘'„‚([{‹¿¡–—")
# Horizontal spaces allowed between final punctuation and a spaced closing quote.
_HSPACE = frozenset(" \t\u00a0\u202f")
# Quotes that may close a sentence after a space: 'Kursk . ", ha detto', 'avanti. »'.
_SPACED_CLOSERS = frozenset('"”»')
# The word before an initial ("serie A.").
_PREV_WORD = re.compile(r"(\w+)\s+$")
# Initials: "G", "J.R.R" (upper-case letters joined by dots).
_INITIALS = re.compile(r"(?:[^\W\d_]\.){0,4}[^\W\d_]")

# Abbreviations that are (almost) never the last word of a sentence: titles, references.
_NEVER_END = frozenset(
    """
    sig sigg sig.ra sig.na sigg.re dott dott.ssa dott.sa dr dr.ssa prof prof.ssa ing avv
    on sen pres arch geom rag mons rev don sac fr gen col magg ten sgt lt cav comm gr.uff
    mr mrs ms st sr jr vs art artt pag pagg p pp n nn nr num cfr vol voll p.es es ca
    fig figg tab cap capp par lett cit op ibid id tel fax v vd ss sgg seg segg c.a p.v
    u.s c.d cd cod doc dec reg prov fraz loc ecc.mo ill.mo gent gent.mo gent.ma egr
    spett preg dip sez tit ved
    """.split()
)
# Abbreviations that often do end a sentence: split when a capital letter follows.
_MAY_END = frozenset("ecc etc s.p.a s.r.l s.a.s s.n.c a.c d.c u.s.a mln mld".split())
# Nouns that take a single capital letter ("serie A", "vitamina C") which may end a sentence.
_LETTER_NOUNS = frozenset(
    "serie classe vitamina gruppo girone piano lato tipo categoria fascia zona".split()
)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split `text` into stripped sentences whose offsets index into `text` itself."""
    sentences: list[Sentence] = []
    start = 0
    for cut in [*_cuts(text), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            first = start + len(piece) - len(piece.lstrip())
            sentences.append(Sentence(len(sentences), stripped, first, first + len(stripped)))
        start = cut
    return tuple(sentences)


def make_block(index: int, kind: BlockKind, text: str) -> Block:
    """Build a block; a heading is one sentence whatever its punctuation."""
    if kind == "heading":
        first, last = _strip_span(text, 0, len(text))
        sentences = (Sentence(0, text[first:last], first, last),) if first < last else ()
        return Block(index, kind, text, sentences)
    return Block(index, kind, text, split_sentences(text))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cuts(text: str) -> Iterator[int]:
    """Yield the offsets where one sentence ends and the next may begin (linear time)."""
    n = len(text)
    quotes = 0  # straight double quotes seen so far in this paragraph: odd means open
    counted = 0  # quotes before this offset are already in `quotes`
    resume = 0  # candidates before this offset were swallowed by a previous one
    for match in _CANDIDATE.finditer(text):
        begin, cut = match.span()
        if begin < resume:
            continue
        if text[begin] == "\n":
            quotes, counted = 0, cut
            yield begin
            continue
        if cut >= n:
            yield cut
            continue
        after = text[cut]
        if not after.isspace() or (cut + 1 < n and text[cut + 1] in _SPACED_CLOSERS):
            # Closing quotes or brackets may follow; only then is the quote parity needed.
            quotes += text.count('"', counted, begin)
            cut, closed = _absorb_closers(text, cut, quotes % 2 == 1)
            quotes += closed
            counted = resume = cut
            if cut < n and not text[cut].isspace():
                continue  # "2.000", "S.p.A", "www.sito.it", '."'+","
        nxt = cut
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n:
            yield cut
            continue
        head = text[nxt]
        if not (head.isupper() or head.isdigit() or head in _OPENERS or head.istitle()):
            continue
        # Six letters before the period: longer than any abbreviation, so no lookup.
        long_word = begin >= 6 and text[begin - 6:begin].isalpha()
        if match.group() == "." and not long_word and _is_abbreviation(text, begin):
            continue
        yield cut


def _absorb_closers(text: str, pos: int, quote_open: bool) -> tuple[int, int]:
    """Move past closing quotes/brackets after final punctuation; count '"' consumed."""
    n = len(text)
    consumed = 0
    while pos < n:
        char = text[pos]
        if char == '"' or char in _CLOSERS:
            # Straight quote right after the punctuation: a closing one.
            consumed += char == '"'
            quote_open = quote_open != (char == '"')
            pos += 1
            continue
        # A spaced closing quote, as in 'Kursk . ", ha detto' or 'avanti. »'.
        ahead = pos
        while ahead < n and text[ahead] in _HSPACE:
            ahead += 1
        if ahead == pos or ahead >= n:
            break
        char = text[ahead]
        after = text[ahead + 1] if ahead + 1 < n else " "
        closes = char in "”»" or (char == '"' and quote_open)
        if closes and (after.isspace() or after in ",;:.!?)]»”"):
            consumed += char == '"'
            quote_open = quote_open != (char == '"')
            pos = ahead + 1
            continue
        break
    return pos, consumed


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation or an initial, not a sentence."""
    low = dot - 16 if dot > 16 else 0  # abbreviations are short, even with "dell'" before
    chunk = text[low:dot]
    if not chunk or chunk[-1].isspace():
        return False
    token = chunk.rsplit(None, 1)[-1]
    if len(token) == len(chunk) and low > 0:
        return False  # a long run without spaces: a URL or noise, not an abbreviation
    token = token.lstrip("([{\"“«‘'„")
    token = token[max(token.rfind("'"), token.rfind("’")) + 1:]
    if not token or len(token) > 10:
        return False
    lower = token.lower()
    if lower in _MAY_END:
        return False
    if lower in _NEVER_END:
        return True
    if _INITIALS.fullmatch(token) and token.replace(".", "").isupper():
        if len(token) == 1:
            start = dot - 1
            before = _PREV_WORD.search(text, max(0, start - 30), start)
            if before and before.group(1).lower() in _LETTER_NOUNS:
                return False
        return True
    return False
