"""Italian named-entity recognition (PER, ORG, LOC): tokenizer and a shipped CRF tagger.

`tokenize` is cheap; `Tagger` (imported lazily) loads the model on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lettore.analyse.ner.tokenizer import tokenize

if TYPE_CHECKING:
    from lettore.analyse.ner.tagger import Tagger

__all__ = ["Tagger", "tokenize"]


def __getattr__(name: str) -> Any:
    """Import the tagger module only when `Tagger` is first asked for."""
    if name == "Tagger":
        from lettore.analyse.ner.tagger import Tagger

        return Tagger
    raise AttributeError(name)
