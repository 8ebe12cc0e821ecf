"""Scraping residue: page furniture copied along with an article ("date 2025-05",
"Ascolta ora 00:00", "Leggi anche", share and cookie lines). Recognised conservatively,
whole lines only, so article text is never lost; a date found on the way is kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("gennaio", "gen"), ("febbraio", "feb"), ("marzo", "mar"), ("aprile", "apr"),
            ("maggio", "mag"), ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"),
            ("settembre", "set", "sett"), ("ottobre", "ott"), ("novembre", "nov"),
            ("dicembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:luned|marted|mercoled|gioved|venerd)[iì]|sabato|domenica),?\s+"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][0-9:.+\-Z]*)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_WORDY_DATE = re.compile(
    rf"(?:{_WEEKDAY})?(\d{{1,2}})(?:°|º)?\s+([a-z]+)\.?\s+(\d{{4}})", re.IGNORECASE
)
_TIME_TAIL = re.compile(r"(?:\s*(?:[-–,|]|alle|ore)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?)*\s*$")

# "date 2025-05 ..." as the scraper that made the seed writes it.
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
# "Data: 12 maggio 2025", "Pubblicato il 12/05/2025 alle 10:30".
_LABELLED_DATE = re.compile(
    r"^\s*(?:data|pubblicato|pubblicata|aggiornato|aggiornata|ultimo aggiornamento)"
    r"(?:\s+(?:il|in data))?\s*:?\s*(.{6,60}?)\s*$",
    re.IGNORECASE,
)
# Audio-player labels, possibly followed by its two clocks.
_AUDIO = re.compile(
    r"^\s*(?:ascolta(?:\s+ora|\s+l['’]articolo|\s+questo\s+articolo|\s+la\s+notizia)?"
    r"|listen(?:\s+now)?)\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)*$",
    re.IGNORECASE,
)
_AUDIO_PREFIX = re.compile(r"^\s*ascolta\s+ora(?:\s+\d{1,2}:\d{2}(?::\d{2})?)*\s*", re.IGNORECASE)
_READ_ALSO = re.compile(r"^\s*(?:leggi\s+anche|potrebbe\s+interessarti|ti\s+potrebbe\s+interessare)\b", re.IGNORECASE)
_RIGHTS = re.compile(
    r"^\s*(?:©\s*)?(?:riproduzione\s+riservata|tutti\s+i\s+diritti\s+riservati)(?:\s*©)?"
    r"(?:\s*[-–,]?\s*[\w .'’&-]{0,60})?\s*$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(r"^\s*(?:tempo\s+di\s+)?lettura\s*:?\s*\d+\s*min(?:uti|\.)?\s*$", re.IGNORECASE)
_ADVERT = re.compile(r"^\s*(?:pubblicit[àa]|adv|advertisement|sponsorizzato)\s*$", re.IGNORECASE)
_SHARE_WORDS = frozenset(
    """condividi condividi: share tweet facebook twitter x whatsapp telegram linkedin
    email e-mail mail pinterest messenger reddit stampa copia link copia-link su on
    print threads bluesky""".split()
)
_COOKIE = re.compile(
    r"(?:questo\s+sito(?:\s+web)?\s+(?:utilizza|usa)|utilizziamo|usiamo|we\s+use)\s+(?:i\s+|dei\s+)?cookie"
    r"|accetta(?:\s+tutti)?(?:\s+i)?\s+cookie|cookie\s+policy|gestisci\s+(?:i\s+)?cookie"
    r"|^\s*(?:accetta|rifiuta|accetta\s+tutto|rifiuta\s+tutto|personalizza)\s*$",
    re.IGNORECASE,
)
_MAX_RESIDUE = 300  # longer lines are article text whatever they contain
# Every residue line starts with one of these (or mentions cookies): a cheap first test.
_OPENINGS = (
    r"(?:date|data|pubblicat|aggiornat|ultimo|ascolt|listen|leggi|potrebbe|ti\s|©|riprod"
    r"|tutti|tempo|lettura|pubblicit|adv|sponsor|condividi|share|tweet|facebook|twitter|x\b"
    r"|whatsapp|telegram|linkedin|e-?mail|mail|pinterest|messenger|reddit|stampa|copia|print"
    r"|threads|bluesky|su\b|on\b|questo|utilizziamo|usiamo|we\s|accetta|rifiuta|personalizza)"
)
_MAYBE = re.compile(r"^\s*" + _OPENINGS, re.IGNORECASE)
# The same test over a whole text at once (after a newline, so the scan is fast).
_OPENING_LINE = re.compile(r"\n[^\S\n]*" + _OPENINGS + r"[^\n]*", re.IGNORECASE)


@dataclass(frozen=True)
class Residue:
    """What is left of a line once residue is removed, and any date it carried."""

    text: str
    date: str | None = None


def strip_residue(line: str) -> Residue:
    """Remove page furniture from a line: empty `text` means drop the line."""
    if not _MAYBE.match(line) and line.find("ookie", 0, _MAX_RESIDUE) < 0:
        return Residue(line)
    if len(line) > _MAX_RESIDUE and not _DATE_PREFIX.match(line[:_MAX_RESIDUE]):
        return Residue(line)
    date = None
    prefixed = _DATE_PREFIX.match(line)
    if prefixed:
        date = prefixed.group(1)
        line = _AUDIO_PREFIX.sub("", prefixed.group(2), count=1)
        if len(line) > _MAX_RESIDUE:
            return Residue(line, date)
    labelled = _LABELLED_DATE.match(line)
    if labelled:
        found = parse_date(labelled.group(1))
        if found:
            return Residue("", date or found)
    if _is_furniture(line):
        return Residue("", date)
    return Residue(line, date)


def drop_residue(text: str) -> tuple[str, str | None]:
    """Remove residue lines from a whole text, leaving each as an empty line (a paragraph
    break), and return the first date they carried; whole-text scans find the candidates."""
    pieces: list[str] = []
    position = 0
    date = None
    for start, end in _candidate_lines(text):
        if start < position:
            continue
        line = text[start:end]
        residue = strip_residue(line)
        if residue.text == line:
            continue
        pieces += (text[position:start], residue.text)
        position = end
        date = date or residue.date
    if not pieces:
        return text, None
    pieces.append(text[position:])
    return "".join(pieces), date


def _candidate_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that open like residue or mention cookies, in order."""
    spans = {(found.start(), found.end() - 1) for found in _OPENING_LINE.finditer("\n" + text)}
    for needle in ("ookie", "OOKIE"):
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            spans.add((start, end))
            at = text.find(needle, end)
    return sorted(spans)


def parse_date(text: str) -> str | None:
    """An Italian or ISO date as the whole of `text` -> "YYYY-MM-DD" (or "YYYY-MM")."""
    text = text.strip().rstrip(".,;")
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        year, month, day = iso.groups()
        return _iso(int(year), int(month), int(day) if day else None)
    numeric = _NUMERIC_DATE.match(text)
    if numeric and _TIME_TAIL.fullmatch(text, numeric.end()):
        day, month, year = (int(part) for part in numeric.groups())
        return _iso(year, month, day)
    wordy = _WORDY_DATE.match(text)
    if wordy and _TIME_TAIL.fullmatch(text, wordy.end()):
        month_number = _MONTHS.get(wordy.group(2).lower())
        if month_number:
            return _iso(int(wordy.group(3)), month_number, int(wordy.group(1)))
    return None


def _iso(year: int, month: int, day: int | None) -> str | None:
    """Format a date, or None when it cannot be a real one."""
    if not (1800 <= year <= 2200 and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_furniture(line: str) -> bool:
    """Whether the whole line is a player label, a link list, a notice or a banner."""
    stripped = line.strip()
    if not stripped:
        return False
    if _AUDIO.match(stripped) or _READING_TIME.match(stripped) or _ADVERT.match(stripped):
        return True
    if _RIGHTS.match(stripped):
        return True
    if _READ_ALSO.match(stripped) and len(stripped) <= 200:
        return True
    words = re.split(r"[\s|/·•,]+", stripped.lower())
    if all(word in _SHARE_WORDS for word in words if word) and any(
        word.startswith(("condividi", "share", "facebook", "twitter", "whatsapp", "telegram"))
        for word in words
    ):
        return True
    return bool(_COOKIE.search(stripped))
