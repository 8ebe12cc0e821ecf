"""What one sentence shows on its way to a claim: kind, source, hedges, figures."""

from __future__ import annotations

from dataclasses import dataclass

from lettore.analyse.claims.attribution import Source
from lettore.model import ClaimNumber


@dataclass(frozen=True)
class Signals:
    """What one sentence shows, before it becomes a Claim."""

    kind: str
    source: Source | None
    hedges: tuple[str, ...]
    numbers: tuple[ClaimNumber, ...]
    entities: tuple[str, ...]
    date: str | None
    quoted: bool
    date_phrase: str | None = None  # a relative date left unresolved (no article date)
