"""Places local news writes in forms the CRF rarely saw: streets and squares (`via A. e
D. Ferrari`), datelines (`CARPI.` opening a paragraph), hamlets and localities known
from their context (`frazione di Fellicarolo`, `a Baggiovara`), and municipalities
(ISTAT's list) the tagger left untagged or took for people."""

from __future__ import annotations

import re

from lettore.analyse.ner.gazetteer import NAME_CONNECTIVES, Gazetteer
from lettore.analyse.ner.gold import spans
from lettore.analyse.ner.retag import CONNECTIVES, entity_at, is_capitalised, is_initial, relabel, untagged
from lettore.analyse.ner.street_nouns import STREET_NOUNS

# What a lowercase `via` naming a street comes after: prepositions, articles, lists.
STREET_BEFORE = frozenset(
    """in di da a su per lungo verso tra fra la una e o , ( della nella alla dalla sulla
    dell' nell' all' dall' sull' dell’ nell’ all’ dall’ sull’ presso angolo tra""".split()
)
COMPASS = frozenset("nord sud est ovest".split())
# Words before `via` that make it the adverb (`portare via`, `è andato via`, `via via`).
_VERB_END = re.compile(r"(?:are|ere|ire|ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute|ando|endo|ò|ono|ano|rà|anno)$")
_ADVERB_VIA_BEFORE = frozenset("va vai vada vanno via porta porti portano scappa corre fuggi buttalo".split())
SAINTS = frozenset("San Santa Santo Sant' Sant’ Santi Santissima".split())
LOCATIVE = frozenset(
    "a ad in di da per verso tra fra nel nella del della dal dalla al alla presso".split()
)
DATELINE_ENDS = frozenset(".,-–—:")
LOCALITY_NOUNS = frozenset("frazione località loc. borgata quartiere rione".split())
# After these a capitalised word is the name of a place ("a Baggiovara", "ad Albareto").
PLACE_PREPOSITIONS = frozenset("a ad ai agli alle".split())
# How the names of Italian towns and hamlets end (`Baggiovara`, `Fellicarolo`, `Pavullo`, `Sorbara`).
PLACE_ENDINGS = ("a", "o", "e")
_SAYING = re.compile(r"(?:dett|chiest|scritt|rispost|spiegat|raccontat|telefonat|dat|inviat|mandat|"
                     r"rivolt|ricordat|replicat|domandat|comunicat|confidat|consegnat|affidat|"
                     r"intervistat|vendut|regalat|sottratt|rubat|pres)[oaie]$")


def mark_streets(tokens: list[str], tags: list[str], gazetteer: Gazetteer) -> None:
    """A street noun and the name after it (capitalised words, initials, numbers and the
    connectives between them, a trailing `nord`/`sud`...) become one LOC."""
    i = 0
    while i < len(tokens) - 1:
        if tokens[i].lower() not in STREET_NOUNS:
            i += 1
            continue
        if _adverb_via(tokens, i):
            first, last, label = entity_at(tags, i)
            if label and first == i:  # `portando via Parmigiano` is no street
                _untag(tags, first, last)
            i += 1
            continue
        end = _street_name_end(tokens, i + 1, gazetteer)
        if end > i + 1:
            relabel(tags, i, end, "LOC")
            i = end
        else:
            i += 1


def _adverb_via(tokens: list[str], i: int) -> bool:
    """True when `via` at `i` is the adverb (after a verb: `portando via Parmigiano`)."""
    if tokens[i].lower() != "via" or i == 0:
        return False
    before = tokens[i - 1].lower()
    if tokens[i] == "via" and before not in STREET_BEFORE:
        return True  # `previsioni via Internet`, `portando via Parmigiano`
    return before in _ADVERB_VIA_BEFORE or (before.isalpha() and len(before) > 3 and bool(_VERB_END.search(before)))


def _street_name_end(tokens: list[str], start: int, gazetteer: Gazetteer) -> int:
    """End of the street name starting at `start` (== start: no name there); a town after
    `di` is not part of it (`piazza Grande di Modena`)."""
    end = start
    n = len(tokens)
    while end < n:
        token = tokens[end]
        if is_capitalised(token) or is_initial(token):
            end += 1
        elif token.isdigit() and end + 1 < n and is_capitalised(tokens[end + 1]) and end == start:
            end += 1  # via 2 Giugno, piazza 8 Marzo
        elif end > start and token.lower() in CONNECTIVES and end + 1 < n and (
            is_capitalised(tokens[end + 1]) or is_initial(tokens[end + 1])
        ) and not (token == "di" and gazetteer.place_at(tokens, end + 1)):
            end += 1
        else:
            break
    if end > start and end < n and tokens[end] in COMPASS:
        end += 1
    return end


def mark_dateline(tokens: list[str], tags: list[str], gazetteer: Gazetteer) -> None:
    """An upper-case place opening a sentence, followed by `.`, `,` or a dash, is a LOC
    (`CARPI.`, `MODENA -`); without the punctuation only a known place is (`MODENA La`)."""
    end = 0
    while end < len(tokens) and end < 5 and (_upper_word(tokens[end]) or _truncation(tokens, end)):
        end += 1
    if not end:
        return
    followed = tokens[end] if end < len(tokens) else ""
    known = gazetteer.is_place(_as_name(tokens[:end])) or (
        end == 1 and gazetteer.is_place_word(tokens[0])
    )
    agency = not known and gazetteer.organisation_at(tokens, 0) == end  # `ANSA.`, `NATO -`
    punctuated = followed in DATELINE_ENDS and (known or followed in ".-–—" or end == len(tokens) - 1) and not agency
    if punctuated or (known and is_capitalised(followed)):
        relabel(tags, 0, end, "LOC")


def _truncation(tokens: list[str], index: int) -> bool:
    """The apostrophe of an upper-case `NE'`/`DE'` inside a name (`CASTELNOVO NE' MONTI`)."""
    return tokens[index] == "'" and 0 < index < len(tokens) - 1 and tokens[index - 1] in ("NE", "DE") \
        and _upper_word(tokens[index + 1])


def _as_name(tokens: list[str]) -> list[str]:
    """Upper-case words as a place's name is listed: `CASTELNOVO NE ' MONTI` -> `Castelnovo ne ' Monti`."""
    return [t.lower() if k and t.lower() in NAME_CONNECTIVES else t.title() for k, t in enumerate(tokens)]


def _upper_word(token: str) -> bool:
    """An all-capitals word of two letters or more (`SAVIGNANO`, `RIO`)."""
    letters = token.replace("'", "").replace("-", "")
    return len(letters) > 1 and letters.isalpha() and token.isupper()


def mark_localities(tokens: list[str], tags: list[str], gazetteer: Gazetteer) -> None:
    """Names after `frazione (di)`, `località`, `borgata`... and unknown capitalised words
    after `a`/`ad`/`ai`... (`a Baggiovara`, `ai Torrazzi`) are places."""
    for i, token in enumerate(tokens[:-1]):
        lower = token.lower()
        start = i + 1
        if lower in LOCALITY_NOUNS:
            if tokens[start].lower() in ("di", "del", "della") and start + 1 < len(tokens):
                start += 1
            if entity_at(tags, i)[2]:  # the noun is no part of the name (`frazione di X`)
                _untag(tags, i, start)
        elif lower in PLACE_PREPOSITIONS and i > 0 and not _SAYING.search(tokens[i - 1].lower()):
            if not _unknown_place_candidate(tokens, tags, start, gazetteer):
                continue
        else:
            continue
        end = start
        while end < len(tokens) and is_capitalised(tokens[end]) and not tokens[end].isupper():
            end += 1
        if end == start or end - start > 3:
            continue
        if _fits(tags, start, end):
            relabel(tags, start, end, "LOC")


def _untag(tags: list[str], first: int, last: int) -> None:
    """Take tokens [first, last) out of any entity, keeping the tags around them valid IOB2."""
    tags[first:last] = ["O"] * (last - first)
    if last < len(tags) and tags[last].startswith("I-"):
        tags[last] = "B-" + tags[last][2:]


def _fits(tags: list[str], start: int, end: int) -> bool:
    """True when [start, end) is untagged, or is exactly one entity (of any label)."""
    first, last, label = entity_at(tags, start)
    if label == "":
        return untagged(tags, start, end)
    return first == start and last == end


def _unknown_place_candidate(tokens: list[str], tags: list[str], start: int, gazetteer: Gazetteer) -> bool:
    """A single capitalised word after `a` that is no first name, is not followed by another
    capitalised word and was left untagged or tagged as a lone person."""
    if start >= len(tokens) or not is_capitalised(tokens[start]) or tokens[start].isupper():
        return False
    if start + 1 < len(tokens) and is_capitalised(tokens[start + 1]):
        return gazetteer.is_place(tokens[start : start + 2])
    word = tokens[start]
    if gazetteer.is_first_name(word) or gazetteer.common_word(word):
        return False
    if tokens[start - 1].lower() in ("a", "ad") and not word.endswith(PLACE_ENDINGS):
        return False  # `a Sinner`, `a Rossi`: surnames end in -i or a consonant, towns seldom do
    first, last, label = entity_at(tags, start)
    # A lone "person" after `a` is a place only when the word never occurs in the training
    # text (names in the news are mostly there; hamlets are not).
    return label == "" or (label == "PER" and last - first == 1 and word.lower() not in gazetteer.caps)


def mark_municipalities(
    sentences: list[list[str]], tags: list[list[str]], gazetteer: Gazetteer
) -> None:
    """Known places left untagged, or tagged as a lone person's name, become LOC, unless the
    article names that word as someone's surname (`Mario Monti`, then `Monti`)."""
    surnames = _surnames(sentences, tags)
    for tokens, sentence_tags in zip(sentences, tags, strict=True):
        i = 0
        while i < len(tokens):
            if not is_capitalised(tokens[i]) or tokens[i].isupper():
                i += 1
                continue
            length = gazetteer.place_at(tokens, i)
            if not length or tuple(tokens[i : i + length]) in surnames:
                i += 1
                continue
            end = i + length
            if not _plausible_place(tokens, i, end, gazetteer):
                i = end
                continue
            first, last, label = entity_at(sentence_tags, i)
            run_end = end
            while run_end < len(tokens) and is_capitalised(tokens[run_end]):
                run_end += 1
            before = tokens[i - 1] if i else ""
            alone = run_end == end and (not is_capitalised(before) or before.lower() in LOCATIVE)
            untagged_place = label == "" and untagged(sentence_tags, i, end) and i > 0
            lone = (first, last) == (i, end) and _place_context(tokens, sentence_tags, i, gazetteer)
            lone_person = lone and (label == "PER" or _town_called_organisation(tokens, i, end, label, gazetteer))
            split = _split_place(sentence_tags, i, end)  # `Pavullo` + `Frignano` -> `Pavullo nel Frignano`
            if split or (alone and (untagged_place or lone_person)):
                relabel(sentence_tags, i, end, "LOC")
            i = end


def _town_called_organisation(tokens: list[str], i: int, end: int, label: str, gazetteer: Gazetteer) -> bool:
    """A one-word municipality (not a country: `la Germania` may be the state) that the tagger
    called an ORG, after a locative preposition: `tra Correggio, ...`."""
    return label == "ORG" and end == i + 1 and tokens[i] in gazetteer.municipalities \
        and tokens[i - 1].lower() in LOCATIVE


def _split_place(tags: list[str], first: int, end: int) -> bool:
    """A municipality of several words that the tagger cut into places and plain words
    (`Pavullo` + `nel` + `Frignano`): nothing but LOC or O inside it, no entity running past
    its end, and at least two pieces."""
    inside = tags[first:end]
    if end - first < 2 or any(tag != "O" and not tag.endswith("-LOC") for tag in inside):
        return False
    if end < len(tags) and tags[end].startswith("I-"):
        return False
    return sum(tag == "B-LOC" for tag in inside) >= 2 or (inside[0] == "B-LOC" and "O" in inside)


def _plausible_place(tokens: list[str], first: int, end: int, gazetteer: Gazetteer) -> bool:
    """A known place name that is not also a first name or a common word (`Bruno`, `Paese`),
    nor a saint's name outside a place phrase (`la festa di San Giacomo`)."""
    if end - first == 1:
        word = tokens[first]
        if gazetteer.is_first_name(word) or gazetteer.common_word(word):
            return False
    if tokens[first] in SAINTS:
        return first > 0 and tokens[first - 1].lower() in LOCATIVE
    return True


def _place_context(tokens: list[str], tags: list[str], index: int, gazetteer: Gazetteer) -> bool:
    """A locative preposition before the word (`a Fanano`, `di Uras`), or a place just
    before it in a list (`Torino, Novara, Ivrea`; `tra Correggio, Rubiera`: a known place
    whatever the tagger called it)."""
    if index == 0:
        return False
    before = tokens[index - 1].lower()
    if before in LOCATIVE:
        return True
    if before not in (",", "e") or index < 2:
        return False
    return tags[index - 2].endswith("-LOC") or gazetteer.place_at(tokens, index - 2) == 1


def _surnames(sentences: list[list[str]], tags: list[list[str]]) -> set[tuple[str, ...]]:
    """Last words of the article's multi-word person names."""
    found: set[tuple[str, ...]] = set()
    for tokens, sentence_tags in zip(sentences, tags, strict=True):
        for first, last, label in spans(sentence_tags):
            if label == "PER" and last - first > 1:
                found.add((tokens[last - 1],))
    return found
