"""A claim as plain data for every export: a dict with fixed keys (the JSON export, and
the rows of the reports' claims table and CSV)."""

from __future__ import annotations

from lettore.model import Claim, ClaimNumber

EXPORT_KEYS = (
    "id", "block", "sentence", "text", "translation", "kind", "attributed_to", "cue",
    "hedged", "hedges", "numbers", "entities", "date", "score", "why", "subjective",
)


def _number_dict(number: ClaimNumber) -> dict[str, object]:
    """One figure with exactly the export keys."""
    return {"text": number.text, "value": number.value, "unit": number.unit, "qualifier": number.qualifier}


def claim_to_dict(claim: Claim) -> dict[str, object]:
    """The export form of one claim: exactly EXPORT_KEYS, lists instead of tuples."""
    return {
        "id": claim.id,
        "block": claim.block,
        "sentence": claim.sentence,
        "text": claim.text,
        "translation": claim.translation,
        "kind": claim.kind,
        "attributed_to": claim.attributed_to,
        "cue": claim.cue,
        "hedged": claim.hedged,
        "hedges": list(claim.hedges),
        "numbers": [_number_dict(n) for n in claim.numbers],
        "entities": list(claim.entities),
        "date": claim.date,
        "score": claim.score,
        "why": claim.why,
        "subjective": claim.subjective,
    }
