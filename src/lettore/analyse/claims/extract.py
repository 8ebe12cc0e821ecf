"""Claims of an article: one per paragraph sentence that asserts something checkable or
reports what someone asserted, with kind, source, hedges, figures, entities and date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from lettore.analyse.claims import cues
from lettore.analyse.claims.attribution import Context, Source, colon_speaker, find_source, mask_quotes
from lettore.analyse.claims.dates import article_day, claim_date
from lettore.analyse.claims.quotes import Row, attribute_runs, quote_open_after
from lettore.analyse.claims.scoring import score_claim, worth_checking
from lettore.analyse.claims.signals import Signals
from lettore.analyse.claims.speakers import dash_insert, role_bindings, speaker_phrase
from lettore.model import NAME_LABELS, Article, Claim, ClaimNumber, Entity, Sentence, Translation

_VERBISH = re.compile(
    r"\b(?:è|e'|sono|era|erano|sarà|saranno|fu|furono|ha|hanno|aveva|avevano|c'è|ci sono|"
    r"\w{3,}(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute|ano|ono|ava|avano|eva|evano|"
    r"iva|ivano|rà|ranno|rebbe|rebbero|isce|iscono|ò|ì|ta|te|de|ce|ge|ne))\b",
    re.IGNORECASE,
)
_SUBJECTLESS_START = re.compile(
    r"^\s*(?:ha|hanno|aveva|avevano|avrebbe|avrebbero|è|sono|era|erano|sarebbe)\b", re.IGNORECASE
)
_CONTINUES = re.compile(rf"\b(?:{'|'.join(cues.CONTINUATION_ADVERBS)})\b", re.IGNORECASE)
_OPINION_PROBABILITY = 0.85
_EMERGENCY_NUMBERS = frozenset({"112", "113", "115", "117", "118", "1515", "1522"})


def _numbers(text: str) -> tuple[ClaimNumber, ...]:
    """Figures of the sentence; bare years are dates, clock times hours and 112/118 phone
    numbers, not figures."""
    from lettore.analyse.numbers import find_numbers

    return tuple(
        ClaimNumber(m.text, m.value, m.unit, m.qualifier)
        for m in find_numbers(text)
        if m.kind not in ("year", "time") and m.text not in _EMERGENCY_NUMBERS
    )


def _entity_texts(entities: list[Entity], context: Context) -> tuple[str, ...]:
    """Named entities of the sentence, canonical names, each once, in text order."""
    names: list[str] = []
    for entity in entities:
        if entity.label in NAME_LABELS:
            name = context.resolve(entity.text)
            if name not in names:
                names.append(name)
    return tuple(names)


def _is_claim_sentence(text: str, signals: Signals, subjective: float) -> bool:
    """Drop questions, fragments without a verb and plain opinion with nothing to check."""
    stripped = text.strip()
    words = len(stripped.split())
    if stripped.endswith("?"):
        return False
    if signals.quoted or signals.source is not None:
        return words >= 3
    if words < 5 or not _VERBISH.search(stripped):
        return bool(signals.numbers) and words >= 3
    checkable = signals.numbers or signals.date or signals.entities or signals.hedges  # speculation is checked
    return not (subjective >= _OPINION_PROBABILITY and not checkable)


def _carries(text: str, previous: Source | None) -> bool:
    """True when a sentence continues the previous sentence's report with the same subject."""
    if previous is None or previous.speaker is None:
        return False
    if _SUBJECTLESS_START.match(text):
        return True
    return bool(cues.role_subject().match(text)) and bool(_CONTINUES.search(text[:80]))


# Upper-case kicker words opening a paragraph ("IL COLPO Come ...", "MODENA La Squadra").
_KICKER = re.compile(
    r"^\s*(?:(?:[A-ZÀ-Ý]+['’]?)+[ ,.]+)*(?=[A-ZÀ-Ý]{3})(?:(?:[A-ZÀ-Ý]+['’]?)+[ ,.]+)+(?=[A-ZÀ-Ý]?[a-zà-ÿ«“\"])"
)


_COLON_QUOTE = re.compile(r":\s*[«“\"]")


def _stray_close(text: str, opened: bool) -> bool:
    """Whether a closing quotation mark comes with no opening one before it ("...»" after
    a quotation the writer closed once already)."""
    if "”" not in text and "»" not in text:
        return False
    for char in text:
        if char in "“«":
            opened = True
        elif char in "”»":
            if not opened:
                return True
            opened = False
    return False


def _blank_kicker(text: str) -> str:
    """`text` with an opening run of upper-case words blanked (offsets kept)."""
    match = _KICKER.match(text)
    return " " * match.end() + text[match.end():] if match else text


def _dash_source(text: str, entities: list[Entity], context: Context) -> Source | None:
    """The speaker of an insertion between dashes: "«... - racconta X - ...»", "- spiega -"."""
    if "-" not in text and "–" not in text and "—" not in text:
        return None
    match = dash_insert().search(text)
    if match is None:
        return None
    who = match.group("who")
    found = speaker_phrase(who, match.start("who"), entities) if who.strip() else None
    if found is None:  # "- spiega -": the last speaker goes on (filled in by attribute_runs)
        return Source(match.group("verb").strip(), None, "dash")
    speaker, is_role = found
    speaker = (context.role_person(speaker) or speaker) if is_role else context.resolve(speaker)
    return Source(match.group("verb").strip(), speaker, "dash")


def _signals(
    text: str,
    entities: list[Entity],
    context: Context,
    previous: Source | None,
    opened: bool = False,
    published: date | None = None,
) -> Signals:
    """Kind, source and the rest for one sentence, in the issue's order of precedence."""
    if opened:  # the sentence continues a quotation: analyse it with its opening mark
        text = "“" + text
        entities = [e._replace(start=e.start + 1, end=e.end + 1) for e in entities]
    text = _blank_kicker(text)
    masked, quotes = mask_quotes(text)
    dash = _dash_source(text, entities, context)
    source = dash if dash is not None else find_source(text, masked, entities, context)
    if source is None and quotes:
        speaker = colon_speaker(text, quotes[0][0], entities, context)
        source = Source(":", speaker, "named") if speaker else None
    if source is not None and source.how == "carried":
        speaker = previous.speaker if previous is not None and previous.speaker else context.main_person()
        source = Source(source.cue, speaker, "carried")
    if source is not None and source.how == "role" and _carries(text, previous):
        source = None
    if source is None and previous is not None and previous.speaker and (quotes or _carries(text, previous)):
        source = Source(previous.cue, previous.speaker, "carried")
    hedges = tuple(dict.fromkeys(m.group().lower() for m in cues.hedge_words().finditer(masked)))
    numbers = _numbers(text)
    if quotes:
        kind = "quote"
    elif source is not None:
        kind = "reported"
    elif hedges:
        kind = "speculation"
    elif numbers:
        kind = "statistic"
    else:
        kind = "assertion"
    when, phrase = claim_date(entities, published)
    names = _entity_texts(entities, context)
    return Signals(kind, source, hedges, numbers, names, when, bool(quotes), phrase)


def _context(entities: list[Entity]) -> Context:
    """Canonical names for every mention (entity grouping) and an empty list of people."""
    from lettore.analyse.grouping import group_entities

    canonical: dict[str, str] = {}
    for group in group_entities([e for e in entities if e.label in NAME_LABELS]):
        for mention in group.mentions:
            canonical.setdefault(mention.text.casefold(), group.name)
    return Context(canonical)


def _note_people(context: Context, entities: list[Entity], heading: bool = False, text: str = "") -> None:
    """Remember the people this sentence names, and the roles it gives them ("il titolare
    Luca Lotti"), for later roles, pronouns and null subjects."""
    people = set()
    for entity in entities:
        if entity.label == "PER":
            people.add(context.resolve(entity.text))
            context.mention(context.resolve(entity.text), weight=2 if heading else 1)
    if text and people:
        for role, person in role_bindings(text, people):
            context.bind_role(role, person)


def extract_claims(
    article: Article,
    entities: list[Entity],
    translations: dict[tuple[int, int], Translation],
) -> list[Claim]:
    """Claims of the article's paragraph sentences, in reading order."""
    from lettore.analyse.subjectivity import subjective_in_context

    everything = [(block.index, s) for block in article.blocks for s in block.sentences]
    probabilities = subjective_in_context([s.text for _, s in everything])
    opinion = dict(zip(((b, s.index) for b, s in everything), probabilities, strict=True))
    by_sentence: dict[tuple[int, int], list[Entity]] = {}
    for entity in entities:
        by_sentence.setdefault((entity.block, entity.sentence), []).append(entity)
    context = _context(entities)
    published = article_day(article.date)
    rows: list[tuple[Sentence, Row]] = []
    opened = False
    body_started = False  # the title and subtitle: at most two short paragraphs before the body
    paragraphs = 0
    for block in article.blocks:
        found = {
            s.index: sorted(by_sentence.get((block.index, s.index), []), key=lambda e: e.start) for s in block.sentences
        }
        if block.kind != "paragraph":
            for sentence in block.sentences:
                _note_people(context, found[sentence.index], heading=True, text=sentence.text)
            continue
        paragraphs += 1
        body_started = body_started or len(block.sentences) > 2 or paragraphs > 2
        for sentence, signals, was_open in _block_signals(block.sentences, found, context, opened, published):
            if not signals.quoted and _COLON_QUOTE.search(sentence.text):
                signals = replace(signals, quoted=True)  # "Il sindaco: «Mai più»"
            opened = quote_open_after(sentence.text, was_open)
            stray = _stray_close(sentence.text, was_open)
            rows.append((sentence, Row(block.index, signals, was_open, opened, stray, not body_started, sentence.text)))
    if not any(len(block.sentences) > 2 for block in article.blocks):  # short paragraphs only: no headlines
        for _, row in rows:
            row.heading_area = False
    sources = attribute_runs([row for _, row in rows])
    claims: list[Claim] = []
    for (sentence, row), source in zip(rows, sources, strict=True):
        signals = row.signals
        if source is not signals.source:
            kind = "quote" if source is not None else signals.kind
            signals = replace(signals, source=source, kind=kind, quoted=True)
        # The opinion filter's threshold was set on the sentence's own probability.
        subjective, _, alone = opinion[(row.block, sentence.index)]
        if _is_claim_sentence(sentence.text, signals, alone):
            translation = translations.get((row.block, sentence.index))
            claim = _claim(row.block, sentence, signals, subjective, translation, row.heading_area)
            attributed = signals.quoted or signals.source is not None
            if attributed or worth_checking(claim.score, claim.subjective, claim.hedged):
                claims.append(claim)
    return claims


def _block_signals(
    sentences: tuple[Sentence, ...],
    found: dict[int, list[Entity]],
    context: Context,
    opened: bool,
    published: date | None,
) -> list[tuple[Sentence, Signals, bool]]:
    """Signals of a paragraph's sentences, with whether a quotation was open at each start."""
    previous: Source | None = None
    rows: list[tuple[Sentence, Signals, bool]] = []
    for sentence in sentences:
        signals = _signals(sentence.text, found[sentence.index], context, previous, opened, published)
        rows.append((sentence, signals, opened))
        opened = quote_open_after(sentence.text, opened)
        _note_people(context, found[sentence.index], text=sentence.text)
        previous = signals.source if signals.kind in ("reported", "quote") else None
    return rows


def _claim(
    block: int,
    sentence: Sentence,
    signals: Signals,
    subjective: bool,
    translation: Translation | None,
    headline: bool = False,
) -> Claim:
    """Assemble the Claim with its check-worthiness score and explanation."""
    source = signals.source
    score, why = score_claim(
        text=sentence.text,
        kind=signals.kind,
        speaker=source.speaker if source else None,
        carried=bool(source and source.how == "carried"),
        hedges=signals.hedges,
        numbers=signals.numbers,
        entities=signals.entities,
        date=signals.date,
        date_phrase=signals.date_phrase,
        headline=headline,
        subjective=subjective,
        words=len(sentence.text.split()),
    )
    return Claim(
        id=f"c{block}-{sentence.index}",
        block=block,
        sentence=sentence.index,
        text=sentence.text,
        kind=signals.kind,  # type: ignore[arg-type]
        attributed_to=source.speaker if source else None,
        cue=source.cue if source else (signals.hedges[0] if signals.hedges else None),
        hedged=bool(signals.hedges),
        hedges=signals.hedges,
        numbers=signals.numbers,
        entities=signals.entities,
        date=signals.date,
        score=score,
        why=why,
        subjective=subjective,
        translation=translation.text if translation else None,
        start=sentence.start,
        end=sentence.end,
    )
