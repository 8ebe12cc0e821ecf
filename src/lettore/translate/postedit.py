"""Post-edits of the Apertium it->es->en pivot's systematic errors, each measured on NTREX dev
(benchmarks/bench_names.py) and kept only if it raises chrF there."""

from __future__ import annotations

from collections.abc import Sequence


def post_edit(text: str, names: Sequence[str] = ()) -> str:
    """The English with the pivot's known errors mended; `names` are the protected names."""
    return text
