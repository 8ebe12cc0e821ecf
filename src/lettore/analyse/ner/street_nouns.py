"""The nouns that open an Italian street's or square's name (`via`, `piazza`, `vicolo`).

The tagger's street rule builds a LOC from them, and the translation's name check keeps
such an address whole; kept apart from the rules so the reader can read them without
loading the tagger's rule modules."""

from __future__ import annotations

STREET_NOUNS = frozenset(
    "via viale piazza piazzale piazzetta corso largo strada stradello vicolo vicoletto"
    " contrada lungomare lungofiume galleria borgo circonvallazione".split()
)
