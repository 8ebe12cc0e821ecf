"""Bilingual article exports: the JSON contract and human-readable reports (`formats.render`)."""

FORMATS = ("json", "md", "html", "csv")
"""The export formats, by the name `reader export --format` takes."""
