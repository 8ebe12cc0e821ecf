"""Claims as plain data for export: a dict with fixed keys (JSON) and CSV text."""

from __future__ import annotations

import csv
import io

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


def _number_cell(number: ClaimNumber) -> str:
    """"almeno 2.000 unità = 2000 units (at least)" for one CSV cell."""
    parts = [f"{number.text} = {number.value}"]
    if number.unit:
        parts.append(number.unit)
    if number.qualifier:
        parts.append(f"({number.qualifier})")
    return " ".join(parts)


def claims_csv(claims: list[Claim]) -> str:
    """CSV text: a header row, then one claim per row; lists joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_KEYS)
    for claim in claims:
        row = claim_to_dict(claim)
        row["hedges"] = "; ".join(claim.hedges)
        row["entities"] = "; ".join(claim.entities)
        row["numbers"] = "; ".join(_number_cell(n) for n in claim.numbers)
        writer.writerow(["" if row[key] is None else row[key] for key in EXPORT_KEYS])
    return out.getvalue()
