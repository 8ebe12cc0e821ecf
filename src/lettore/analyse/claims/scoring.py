"""Check-worthiness: what a fact-checker would verify first ranks high (named-source quotes
and statements, sums of money, counts of people, ages, speculation and suspicion, legal
outcomes); routine narrative ("sul posto sono intervenuti") ranks low. The score is a
transparent sum of features, and `why` says in words what raised or lowered it."""

from __future__ import annotations

import re
from functools import cache

from lettore.analyse.claims.features import (
    figure_counts,
    legal_outcome,
    money_words,
    offence,
    ordinal_count,
    past_narrative,
    people_count,
    routine_narrative,
)
from lettore.model import ClaimNumber

BASE = 0.2
# Below this a sentence is not worth checking and is no claim at all.
CLAIM_FLOOR = 0.3
# The claims panel opens on the claims at or above this score (a key shows every claim).
PANEL_THRESHOLD = 0.5
OPINION_PENALTY = 0.15
_MONEY_UNITS = {"EUR", "USD", "GBP", "CNY", "RUB", "JPY", "CHF", "UAH", "KRW"}


@cache
def _age_text() -> re.Pattern[str]:
    """An age noun ("56enne", "ventenne")."""
    return re.compile(r"enn[ei]$", re.IGNORECASE)


def _figure(number: ClaimNumber, text: str) -> tuple[float, str]:
    """Weight and words for one figure: money and counts of people matter most."""
    if number.unit in _MONEY_UNITS:
        return 0.3, f"a sum of money ({number.text})"
    if number.unit == "%" or number.unit == "percentage points":
        return 0.25, f"a percentage ({number.text})"
    if number.unit == "years" and _age_text().search(number.text):
        return 0.15, f"an age ({number.text})"
    if people_count(number.text, text):
        return 0.25, f"a count of people ({number.text})"
    if number.unit:
        return 0.15, f"a quantity ({number.text})"
    counts = figure_counts(number.text, text)
    if counts == "incidents":
        return 0.2, f"a count of incidents ({number.text})"
    if counts == "items":
        return 0.15, f"a count ({number.text})"
    if counts == "repeated":
        return 0.0, f"a count said before ({number.text})"
    return 0.1, f"a figure ({number.text})"


def _figures(numbers: tuple[ClaimNumber, ...], text: str) -> tuple[float, list[str]]:
    """The two weightiest figures' sum (at most 0.45) and their words."""
    weighed = sorted((_figure(n, text) for n in numbers), key=lambda pair: -pair[0])[:2]
    return min(0.45, sum(w for w, _ in weighed)), [words for _, words in weighed]


_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-ZÀ-Ý][a-zà-ÿ]")


def _proper_noun(text: str, entities: tuple[str, ...]) -> bool:
    """Whether the sentence names someone or somewhere (an entity, or a capitalised word
    inside the sentence that the tagger may have missed)."""
    return bool(entities) or bool(_CAPITALISED.search(text))


def _is_name(speaker: str) -> bool:
    """A speaker written as a name ("Enrico Corsini"), not a role ("i carabinieri")."""
    return any(word[:1].isupper() for word in speaker.split())


def score_claim(
    *,
    text: str,
    kind: str,
    speaker: str | None,
    carried: bool,
    hedges: tuple[str, ...],
    numbers: tuple[ClaimNumber, ...],
    entities: tuple[str, ...],
    date: str | None,
    subjective: bool,
    words: int,
    date_phrase: str | None = None,
    headline: bool = False,
) -> tuple[float, str]:
    """(score in 0-1, "raised by ...; lowered by ..." in words a reader can use)."""
    score = BASE
    up: list[str] = []
    down: list[str] = []
    if speaker:
        named = _is_name(speaker)
        score += (0.15 if carried else 0.25) if named else 0.15
        said = "quotation of" if kind == "quote" else "statement by"
        who = f"the named source {speaker}" if named else f"an unnamed source ({speaker})"
        up.append(f"{said} {who}" + (", continued" if carried else ""))
    elif kind == "quote":
        score += 0.05
        up.append("a quotation")
    figures, figure_words = _figures(numbers, text)
    score += figures
    up.extend(figure_words)
    if crime := offence(text):
        score += 0.15
        up.append(f"the offence itself ({crime})")
    if (money := money_words(text)) and not any(n.unit in _MONEY_UNITS for n in numbers):
        score += 0.2
        up.append(f"a sum of money ({money})")
    if count := ordinal_count(text):
        score += 0.15
        up.append(f"a count of incidents ({count})")
    if hedges:
        score += 0.2
        up.append("speculation, hedged (" + ", ".join(hedges[:3]) + ")")
    if outcome := legal_outcome(text):
        score += 0.15
        up.append(f"a legal outcome ({outcome})")
    if entities:
        score += 0.05 * min(len(entities), 2)
        up.append("names " + ", ".join(entities[:3]))
    if date:
        score += 0.05
        up.append(f"dated {date}")
    if kind in ("assertion", "statistic", "reported") and not hedges:
        if _proper_noun(text, entities):
            score += 0.1
            up.append("a plain factual statement about someone or somewhere named")
        elif not past_narrative(text):
            score += 0.1
            up.append("a general statement in the present tense")
    if (routine := routine_narrative(text)) and not (crime or numbers or speaker):
        score -= 0.2
        down.append(f"routine narrative ({routine})")
    if headline:
        score -= 0.2
        down.append("a headline (the body says it with its details)")
    if subjective and not hedges:  # speculation reads as opinion by nature
        score -= OPINION_PENALTY
        down.append("reads as opinion")
    if words < 7:
        score -= 0.1
        down.append("short")
    why = []
    if up:
        why.append("raised by " + "; ".join(up))
    if down:
        why.append("lowered by " + "; ".join(down))
    if date_phrase:
        why.append(f"when: “{date_phrase}” (not resolved to a date)")
    return round(min(1.0, max(0.0, score)), 2), ". ".join(why) or "a plain statement, nothing to raise it"


def worth_checking(score: float, subjective: bool, hedged: bool) -> bool:
    """Whether a sentence's score makes it a claim: opinion lowers the rank, not whether
    the sentence is a claim (the opinion filter decides that)."""
    penalty = OPINION_PENALTY if subjective and not hedged else 0.0
    return score + penalty >= CLAIM_FLOOR - 1e-9
