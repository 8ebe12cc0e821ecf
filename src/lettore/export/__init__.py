"""Bilingual article exports: the JSON contract and human-readable reports."""
