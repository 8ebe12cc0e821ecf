"""Who is speaking: find the source of a reported claim or quotation and resolve it to an
entity of the article ("Putin" -> "Vladimir Putin"), or to a role's last-named person."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lettore.analyse.claims import cues
from lettore.analyse.claims.speakers import is_source_phrase, role_head, speaker_phrase
from lettore.model import NAME_LABELS, Entity

_PRONOUNS = re.compile(r"\b(?:lui|lei|egli|ella)\b", re.IGNORECASE)
# A name after a preposition modifies the subject; it is not the subject ("Il presidente
# della Corea del Nord", "votanti nel Massachusetts").
_OF = re.compile(
    r"\b(?:di|a|da|in|con|su|per|tra|fra|d|(?:de|a|da|ne|su)(?:l|llo|lla|i|gli|lle|ll['’]))['’]?\s*$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    rf"(?:il|la|lo|l['’])\s*(?:{'|'.join(cues.ROLE_NOUNS)}|prof|dott|sen|on)\.?\s+(?=[A-ZÀ-Ý])", re.IGNORECASE
)
_ARTICLE = re.compile(r"^\s*(?:il|lo|la|i|gli|le|l['’]|un|una|uno)\b", re.IGNORECASE)
# Verbs that report only with a complement ("ha sostenuto che", not "ha sostenuto la legge").
_NEEDS_COMPLEMENT = re.compile(
    r"(?:sosten|sostien|chie|accus|stim|segnal|ricord|osserv|assicur|mostr|confer|denunci)\w*$", re.IGNORECASE
)
_COMPLEMENT = re.compile(r"\s*(?:che\b|di\b|:|[\"“«]|,|[A-ZÀ-Ý])")
_BARE_PARTICIPLE = re.compile(r"\w+(?:at[oaie]|ut[oaie]|tt[oaie]|ss[oaie]|st[oaie])", re.IGNORECASE)
_AFTER_QUOTE = re.compile(r"[\"”»]\s*,?$")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”«»]")
_LAST_ARTICLE = re.compile(r"\b(?:il|lo|la|i|gli|le|l['’])\s*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.()«»“”]")
_CLITIC = re.compile(r"(?:lo|la|l['’]|le|li|ne|ce\s+lo|ce\s+la|così|questo)", re.IGNORECASE)
_COME = re.compile(r"(?:^|[\s,])come$", re.IGNORECASE)
_PASSIVE = re.compile(r"^(?:è|sono|era|erano)\s+stat", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:è|sono|era|erano|viene|vengono|venne|stat[oaie])$", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """A found source: the cue words, the speaker's name (or None) and how it was found."""

    cue: str
    speaker: str | None
    how: str  # "named", "role", "carried", "unnamed", "dash"
    back: bool = False  # "Lo racconta X": X also said the quotation before


@dataclass
class Context:
    """What attribution needs from the rest of the article: canonical names, people so far."""

    canonical: dict[str, str]
    people: list[str] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)

    def resolve(self, text: str) -> str:
        """The article's fullest name for a mention ("Putin" -> "Vladimir Putin")."""
        return self.canonical.get(text.casefold(), text)

    def mention(self, name: str, weight: int = 1) -> None:
        """Count a person's mention and make them the most recent one."""
        if name in self.people:
            self.people.remove(name)
        self.people.append(name)
        self.mentions[name] = self.mentions.get(name, 0) + weight

    def bind_role(self, role: str, person: str) -> None:
        """Remember that the article calls `person` by `role` ("il titolare")."""
        self.roles[role] = person

    def role_person(self, phrase: str) -> str | None:
        """The person the article named with the role a phrase is built on, if any."""
        head = role_head(phrase)
        return self.roles.get(head) if head else None

    def last_person(self) -> str | None:
        """The most recently named person, for "il presidente" or "lui"."""
        return self.people[-1] if self.people else None

    def main_person(self) -> str | None:
        """The person the article is about so far (most mentions, headings counting
        double, latest on ties): the usual subject of a sentence without one."""
        if not self.people:
            return None
        return max(reversed(self.people), key=lambda name: self.mentions.get(name, 0))


def mask_quotes(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with quoted passages (4+ words) blanked, and their spans, so cues inside a
    quotation are not taken for the outlet's own words."""
    spans = [
        (m.start(), m.end())
        for m in cues.quotation().finditer(text)
        if len((m.group(1) or m.group(2)).split()) >= 4
    ]
    masked = text
    for start, end in spans:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return masked, spans


_LEADING = re.compile(r"(?:[A-ZÀ-Ý]\w*['’]?\s*)")


def _names(text: str) -> list[tuple[int, str]]:
    """Capitalised runs (start, text) without leading function words ("Il Corriere")."""
    found = []
    for match in cues.name_run().finditer(text):
        start, name = match.start(), match.group()
        while (lead := _LEADING.match(name)) and lead.group().strip(" '’").casefold() in cues.FUNCTION_WORDS:
            start, name = start + lead.end(), name[lead.end():]
        name = name.rstrip(".")
        if name and name[0].isupper():
            found.append((start, name))
    return found


def _trim_name(name: str, start: int, entities: list[Entity], context: Context, glued: bool = False) -> str:
    """Prefer an entity that the tagger found inside the run; with `glued` (a source named
    right before the claim) first cut a person stuck to its end ("... News Agency Kim")."""
    words = name.split()
    for cut in range(len(words) - 1, 1, -1) if glued else ():
        tail = " ".join(words[cut:])
        if tail.casefold() in context.canonical and context.canonical[tail.casefold()] in context.people:
            name = " ".join(words[:cut])
            break
    end = start + len(name)
    inside = [
        e for e in entities
        if e.label in NAME_LABELS and e.start >= start and e.end <= end
    ]
    if inside:
        return max(inside, key=lambda e: (e.label == "PER", e.label != "LOC", e.end)).text  # "la Cgil di Carpi": Cgil
    return name


def _first_name(text: str, offset: int, entities: list[Entity], context: Context) -> str | None:
    """The speaker that opens `text` (source after a cue), resolved: a name, an
    apposition's name, a role bound to a person, else the role phrase itself."""
    stripped = text.lstrip()
    titled = _TITLE.match(stripped)  # "ha spiegato il prof. Berzofsky"
    if titled:
        stripped = stripped[titled.end():]
    start = offset + len(text) - len(stripped)
    found = speaker_phrase(stripped, start, entities)
    if found is None:
        return None
    speaker, is_role = found
    if is_role:
        return context.role_person(speaker) or speaker
    at = max(stripped.find(speaker), 0)  # an apposition's name stands after its role
    return context.resolve(_trim_name(speaker, start + at, entities, context, glued=True))


def _clauses(before: str) -> list[tuple[int, str]]:
    """The comma-separated pieces before a verb, nearest first, at most five."""
    pieces, end = [], len(before)
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    for start in reversed([0, *starts]):
        pieces.append((start, before[start:end]))
        end = max(start - 1, 0)
    return pieces[:5]


def _common_opening(text: str, start: int, name: str, entities: list[Entity]) -> bool:
    """A capitalised word that opens the sentence and is no entity is a common noun
    ("Ladri", "Giovane"), not a name."""
    if text[:start].strip() or " " in name:
        return False
    return not any(e.start <= start < e.end and e.label in NAME_LABELS for e in entities)


def _subject(before: str, entities: list[Entity], context: Context) -> tuple[str | None, str]:
    """The subject noun phrase ending at a reporting verb, resolved; (speaker, how).

    The nearest piece decides, unless it is an apposition without a name ("Michael Vann,
    72 anni, ha detto"): then up to four earlier pieces are tried for a name.
    """
    pieces = _clauses(before)
    if not pieces[0][1].strip() and not before.rstrip().endswith(","):
        return None, "carried"
    role = bool(cues.role_subject().match(pieces[0][1]))
    for index, (start, clause) in enumerate(pieces):
        names = [
            (s, n) for s, n in _names(clause)
            if not _OF.search(clause[:s]) and not _common_opening(before, start + s, n, entities)
        ]
        if names:
            at, name = names[-1]
            return context.resolve(_trim_name(name, start + at, entities, context)), "named"
        if clause.strip() and (role or _PRONOUNS.search(clause)):
            return context.role_person(clause) or context.last_person(), "role"
        if _ARTICLE.match(clause) and len(clause.split()) <= 6:
            phrase = " ".join(clause.split())
            if (person := context.role_person(phrase)) is not None:  # "il primo cittadino" -> the mayor
                return person, "role"
            if is_source_phrase(phrase):
                return phrase, "unnamed"
            # "La vittima di una rapina, una donna di 61 anni, ha raccontato": the apposition
            # names no source, the phrase it describes may
            earlier = " ".join(pieces[index + 1][1].split()) if index + 1 < len(pieces) else ""
            return (earlier, "unnamed") if _ARTICLE.match(earlier) and is_source_phrase(earlier) else (None, "unnamed")
    return None, "carried" if not pieces[0][1].strip() else "unnamed"


def _verb_source(text: str, masked: str, entities: list[Entity], context: Context) -> Source | None:
    """The first reporting verb with a complement, and its subject (or inverted speaker)."""
    for verb in cues.reporting_verb().finditer(masked):
        before = masked[: verb.start()].rstrip()
        clitic = bool(_CLITIC.fullmatch(before))
        passive = _PASSIVE.search(verb.group()) or _PASSIVE_BEFORE.search(before)
        if passive and not re.match(r"\s*che\b", masked[verb.end():]):
            continue  # "il furto è stato denunciato ai carabinieri"
        if _BARE_PARTICIPLE.fullmatch(verb.group()) and not _COME.search(before) and not _CLITIC.fullmatch(before):
            continue  # "Marchi, accusato di aver truffato ...": an adjective, nobody speaks
        if not clitic and _NEEDS_COMPLEMENT.search(verb.group()) and not _COMPLEMENT.match(masked, verb.end()) \
                and not _AFTER_QUOTE.search(text[: verb.start()].rstrip()):  # «...», ha assicurato X
            continue
        if clitic:  # "Lo racconta Mario Rossi", "Lo ha denunciato ieri sui social Anna Neri"
            speaker = _later_name(text, verb.end(), entities, context)
            if speaker is not None:
                return Source(verb.group(), speaker, "named", back=True)
            continue
        if not before or before.endswith((",", '"', "”", "»")) or _COME.search(before):
            after = _first_name(text[verb.end():], verb.end(), entities, context)
            if after is not None:
                return Source(verb.group(), after, "named")
            if before.endswith(",") and masked[verb.end():].lstrip().startswith(","):
                return Source(verb.group(), None, "carried")  # "I democratici, ha affermato, ..."
        speaker, how = _subject(masked[: verb.start()], entities, context)
        return Source(verb.group(), speaker, how)
    return None


def _later_name(text: str, start: int, entities: list[Entity], context: Context) -> str | None:
    """The first person or organisation after `start` in the same clause."""
    end = _CLAUSE_END.search(text, start)
    stop = end.start() if end else len(text)
    found = [e for e in entities if start <= e.start and e.end <= stop and e.label in ("PER", "ORG")]
    if found:
        return context.resolve(found[0].text)
    if end is not None and end.group() == ",":  # "Lo racconta il sindaco di Pavullo, Davide Venturelli":
        after = _CLAUSE_END.search(text, end.end())  # the role and its apposition, as after a quotation
        stop = after.start() if after else len(text)
    return _first_name(text[start:stop], start, entities, context)


def _secondo_source(text: str, masked: str, entities: list[Entity], context: Context) -> Source | None:
    """A source named before the claim: "Secondo quanto riportato dalla X", "stando a X"."""
    match = cues.secondo().search(masked)
    if not match or re.search(r"\b(?:il|al|del|nel|dal|un|per|in)\s*$", masked[: match.start()], re.IGNORECASE):
        return None
    speaker = _first_name(text[match.end():], match.end(), entities, context)
    article = _LAST_ARTICLE.search(match.group())
    if speaker is None and article is not None:  # "secondo i militari" -> "i militari"
        at = match.start() + article.start()
        found = speaker_phrase(text[at:], at, entities)
        speaker = (context.role_person(found[0]) or found[0]) if found else None
    if speaker is None:
        speaker = _source_phrase(text[match.end():])
        if speaker and cues.role_subject().match(speaker):
            speaker = context.last_person()
    return Source(match.group().strip(), speaker, "named")


# Where a "secondo" source's phrase ends: the next clause's subject (an article or
# determiner after the source's own words: "Secondo l'opposizione il piano ..."), or a
# word that opens a clause.
_PHRASE_END = re.compile(
    r"(?:il|lo|la|i|gli|le|un|uno|una|l['’]\w*|un['’]\w*|che|non|si|ci|ne|questo|questa|quest['’]\w*)",
    re.IGNORECASE,
)
_TRAILING_LINK = re.compile(r"(?:\s+(?:e|o|ed|né|di|a|da|in|con|su|per|tra|fra))+$", re.IGNORECASE)


def _source_phrase(text: str) -> str | None:
    """The source's noun phrase opening `text` ("opposizione", "fonti vicine alla procura"):
    at most five words, up to the clause's punctuation or the next clause's first word."""
    words = re.split(r"[,;:.]", text, maxsplit=1)[0].split()
    kept: list[str] = []
    for word in words[:5]:
        if kept and _PHRASE_END.fullmatch(word):
            break
        kept.append(word)
    phrase = _TRAILING_LINK.sub("", " ".join(kept))
    return phrase or None


def find_source(text: str, masked: str, entities: list[Entity], context: Context) -> Source | None:
    """The reporting cue of a sentence and its speaker, or None when nothing is attributed.

    A reporting verb's own subject wins ("Biden ha dichiarato ..., come riportato
    dall'AP" is Biden's, "..., ha detto, secondo The Hill" the previous speaker's);
    the "secondo" source serves when no verb names anyone.
    """
    verb = _verb_source(text, masked, entities, context)
    if verb is not None and verb.how != "unnamed":
        return verb
    if (named := _named_after(text, entities, context)) is not None:
        return named
    return _secondo_source(text, masked, entities, context) or _per_source(text, entities, context) or verb


def _named_after(text: str, entities: list[Entity], context: Context) -> Source | None:
    """A speaker named by a cleft ("A confermarlo è stato il comandante, Giorgio Bassi",
    which also says the quotation before) or by what the quotation was ("«...», è lo
    sfogo del titolare")."""
    cleft = cues.cleft_report().match(text)
    if cleft is not None:
        speaker = _first_name(text[cleft.end():], cleft.end(), entities, context)
        return Source(cleft.group().strip(), speaker, "named", back=True) if speaker else None
    comment = cues.comment_of().search(text)
    if comment is None:
        return None
    rest = text[comment.end():]
    speaker = _first_name(rest, comment.end(), entities, context)
    if speaker is None:  # "del titolare": the role phrase, its article from the preposition
        role = re.split(r"[,;:.]", rest, maxsplit=1)[0].strip()
        phrase = f"il {role}" if comment.group("prep").casefold() != "di" else role
        if role and is_source_phrase(phrase):
            speaker = context.role_person(phrase) or role
    return Source(comment.group().strip(' »”",.'), speaker, "named") if speaker else None


# "Per la Fp Cgil, la riforma ..." / "Per il sindaco Rossi, ...": an opinion's holder opening
# the sentence, set off by a comma (without it "Per la Polizia Locale è arrivata ..." is
# who something is for, not who says it).
_PER = re.compile(r"Per\s+(?:(?:il|lo|la|i|gli|le)\s+|l['’])")


def _per_source(text: str, entities: list[Entity], context: Context) -> Source | None:
    """The holder of an opinion introduced by a sentence-initial "Per" + article, when a
    named person or organisation (or a role bound to one) stands before the first comma."""
    match = _PER.match(text)
    comma = text.find(",")
    if match is None or comma < 0:
        return None
    named = [e for e in entities if match.end() <= e.start and e.end <= comma and e.label in ("PER", "ORG")]
    if named:
        return Source(match.group().strip(), context.resolve(named[-1].text), "named")
    found = speaker_phrase(text[match.end():comma], match.end(), entities)
    if found is None or not found[1]:
        return None
    person = context.role_person(found[0])
    return Source(match.group().strip(), person, "named") if person else None


def colon_speaker(text: str, quote_start: int, entities: list[Entity], context: Context) -> str | None:
    """The speaker introducing a quotation with a colon: "Putin: «...»"."""
    before = text[:quote_start].rstrip()
    if not before.endswith(":"):
        return None
    names = [
        (start, name) for start, name in _names(before[:-1])
        if not _OF.search(before[:start]) and not _common_opening(before, start, name, entities)
        and not any(e.start <= start < e.end and e.label in ("LOC", "GPE") for e in entities)
    ]
    if not names:
        return None  # "Furto da Rossi a Carpi: «...»" names no speaker
    start, name = names[-1]
    return context.resolve(_trim_name(name, start, entities, context))
