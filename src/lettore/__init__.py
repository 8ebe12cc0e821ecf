"""lettore: a terminal reader for Italian news, bilingual and sentence-aligned, offline."""

__version__ = "0.1.0"
