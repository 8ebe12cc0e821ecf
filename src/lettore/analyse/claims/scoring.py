"""Check-worthiness: specific, verifiable, consequential claims (figures, named sources,
dates, factual predicates) rank high; vague, hedged or opinion sentences rank low. The
score is a transparent sum of features, and `why` names the ones that fired."""

from __future__ import annotations

from lettore.model import ClaimNumber

_BASE = 0.25
_WEIGHTS = {
    "figure": 0.25,
    "more_figures": 0.05,
    "named_source": 0.15,
    "quote": 0.05,
    "entity": 0.05,
    "date": 0.1,
    "fact": 0.1,
    "hedged": -0.15,
    "opinion": -0.2,
    "short": -0.1,
}


def score_claim(
    *,
    kind: str,
    speaker: str | None,
    carried: bool,
    hedges: tuple[str, ...],
    numbers: tuple[ClaimNumber, ...],
    entities: tuple[str, ...],
    date: str | None,
    subjective: bool,
    words: int,
) -> tuple[float, str]:
    """(score in 0-1, a short explanation built from the features that fired)."""
    score = _BASE
    reasons: list[str] = []
    if numbers:
        score += _WEIGHTS["figure"] + _WEIGHTS["more_figures"] * min(len(numbers) - 1, 2)
        reasons.append("figure " + ", ".join(n.text for n in numbers[:3]))
    if speaker:
        score += _WEIGHTS["named_source"]
        reasons.append(f"source {speaker}" + (" (continued report)" if carried else ""))
    if kind == "quote":
        score += _WEIGHTS["quote"]
        reasons.append("direct quotation")
    if entities:
        score += _WEIGHTS["entity"] * min(len(entities), 3)
        reasons.append(f"{len(entities)} named " + ("entity" if len(entities) == 1 else "entities"))
    if date:
        score += _WEIGHTS["date"]
        reasons.append(f"dated {date}")
    if kind in ("assertion", "statistic", "reported") and not hedges and not subjective:
        score += _WEIGHTS["fact"]
        reasons.append("unhedged factual statement")
    if hedges:
        score += _WEIGHTS["hedged"]
        reasons.append("hedged (" + ", ".join(hedges[:3]) + ")")
    if subjective:
        score += _WEIGHTS["opinion"]
        reasons.append("reads as opinion")
    if words < 8:
        score += _WEIGHTS["short"]
        reasons.append("short")
    return round(min(1.0, max(0.0, score)), 2), "; ".join(reasons) or "plain statement"
