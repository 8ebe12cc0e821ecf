"""Claims: what an article asserts or reports others asserting, ranked by check-worthiness,
plus the number check between an original sentence and its translation."""

from __future__ import annotations

from lettore.analyse.claims.check import number_mismatches
from lettore.analyse.claims.export import EXPORT_KEYS, claim_to_dict, claims_csv
from lettore.analyse.claims.extract import extract_claims

__all__ = ["EXPORT_KEYS", "claim_to_dict", "claims_csv", "extract_claims", "number_mismatches"]
