"""The number check: figures of the original that the translation lost or changed."""

from __future__ import annotations


def number_mismatches(original: str, translation: str) -> list[str]:
    """Texts of the original's figures not found, correctly converted, in the translation
    ("2.000" must read "2,000" or "2000"; "20 miliardi" must read "20 billion"). Clock times
    are left out: "alle 21" is rightly "at 9 pm"; so are round collective figures: "una
    decina" is "about ten", "a dozen" or "ten or so"."""
    from lettore.analyse.numbers import find_numbers, number_appears_in_english

    return [
        m.text for m in find_numbers(original)
        if m.kind != "time" and not m.collective and not number_appears_in_english(m, translation)
    ]
