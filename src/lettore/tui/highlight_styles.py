"""Highlight colours of the article view, resolved from the theme's variables in Python.

They were CSS component classes; Textual styles each component class of a widget on mount,
on focus and again on screen resume, and 22 of them made about a tenth of the reader's
first-screen time. Resolved here once per theme, they follow theme changes the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rich.style import Style
from textual.color import Color


class HighlightSpec(NamedTuple):
    """CSS-like parts of one highlight: colours as `$variable [alpha%]`, text-style words."""

    color: str | None = None
    background: str | None = None
    text_style: str = ""


HIGHLIGHTS: dict[str, HighlightSpec] = {
    "article--original": HighlightSpec("$foreground"),
    "article--translation": HighlightSpec("$foreground 80%"),
    "article--heading": HighlightSpec("$accent", text_style="bold"),
    "article--heading-translation": HighlightSpec("$accent 80%", text_style="bold italic"),
    "article--cursor": HighlightSpec(background="$primary 40%"),
    "article--cursor-translation": HighlightSpec(background="$primary 40%"),
    "article--untranslated": HighlightSpec("$warning", text_style="italic"),
    "article--gutter": HighlightSpec("$foreground 30%"),
    "article--rough": HighlightSpec("$foreground 60%", text_style="italic"),
    "article--entity-PER": HighlightSpec("$text-accent", text_style="bold"),
    "article--entity-ORG": HighlightSpec("$text-success", text_style="bold"),
    "article--entity-LOC": HighlightSpec("$text-warning", text_style="bold"),
    "article--entity-MISC": HighlightSpec("$text-secondary", text_style="bold"),
    "article--entity-DATE": HighlightSpec("$text-primary", text_style="underline"),
    "article--entity-MONEY": HighlightSpec("$text-error", text_style="underline"),
    "article--entity-QUANTITY": HighlightSpec("$text-error", text_style="underline"),
    "article--entity-PERCENT": HighlightSpec("$text-error", text_style="underline"),
    "article--search": HighlightSpec(background="$warning 50%"),
    "article--search-current": HighlightSpec("$background", "$warning"),
    "article--claim-cue": HighlightSpec(text_style="bold underline"),
    "article--claim-number": HighlightSpec(text_style="bold reverse"),
    "article--number-mismatch": HighlightSpec(background="$error 40%"),
}
BACKGROUND = "surface"  # the article view's own background, under every highlight


def resolve_highlights(variables: Mapping[str, str]) -> dict[str, Style]:
    """Rich styles for every highlight; translucent colours are blended over the view's
    background, as Textual would draw them."""
    under = _colour(f"${BACKGROUND}", variables, Color(0, 0, 0)) or Color(0, 0, 0)
    styles: dict[str, Style] = {}
    for name, spec in HIGHLIGHTS.items():
        words = set(spec.text_style.split())
        colour = _colour(spec.color, variables, under)
        background = _colour(spec.background, variables, under)
        styles[name] = Style(
            color=colour.rich_color if colour else None,
            bgcolor=background.rich_color if background else None,
            bold="bold" in words or None,
            italic="italic" in words or None,
            underline="underline" in words or None,
            reverse="reverse" in words or None,
        )
    return styles


def _colour(spec: str | None, variables: Mapping[str, str], under: Color) -> Color | None:
    """`$name` or `$name 40%` as a solid colour over `under`; None for no colour (or an
    unknown variable, so a theme missing one falls back to the plain text colour)."""
    if not spec:
        return None
    name, _, alpha = spec.partition(" ")
    value = variables.get(name.removeprefix("$"))
    if value is None:
        return None
    colour = Color.parse(value)
    if alpha:
        colour = colour.multiply_alpha(float(alpha.rstrip("%")) / 100)
    return under + colour
