"""Institutions that Italian news names in Italian and English news in English (`Senato`
-> `Senate`, `Oceano Pacifico` -> `Pacific Ocean`). Found in a sentence they go through
every engine as terms, like places with an English name, rather than kept as names: kept,
Apertium's output would say `the Senato`."""

from __future__ import annotations

import re
from functools import lru_cache

INSTITUTIONS = {
    "Senato": "Senate", "Congresso": "Congress", "Parlamento": "Parliament",
    "Parlamento europeo": "European Parliament", "Camera dei Rappresentanti": "House of Representatives",
    "Camera dei Comuni": "House of Commons", "Camera dei Lord": "House of Lords",
    "Casa Bianca": "White House", "Commissione": "Commission", "Commissione europea": "European Commission",
    "Assemblea": "Assembly", "Assemblea generale": "General Assembly",
    "Consiglio di Sicurezza": "Security Council", "Nazioni Unite": "United Nations",
    "Unione europea": "European Union", "Banca centrale europea": "European Central Bank",
    "Corte Suprema": "Supreme Court", "Dipartimento di Giustizia": "Justice Department",
    "Ministero della Giustizia": "Ministry of Justice", "Ministero degli Esteri": "Foreign Ministry",
    "Ministero della Difesa": "Defence Ministry", "Marina": "Navy", "Partito": "Party",
    "Partito Democratico": "Democratic Party", "Partito Repubblicano": "Republican Party",
    "Partito Laburista": "Labour Party", "Partito Conservatore": "Conservative Party",
    "Oceano Pacifico": "Pacific Ocean", "Oceano Atlantico": "Atlantic Ocean",
    "Oceano Indiano": "Indian Ocean", "Pacifico": "Pacific", "Atlantico": "Atlantic",
    "Mar Mediterraneo": "Mediterranean Sea", "Mediterraneo": "Mediterranean",
    "Governo": "Government", "Dipartimento di Stato": "State Department", "Stato Islamico": "Islamic State",
    "Tesoro": "Treasury", "Campidoglio": "Capitol", "Forze Armate": "Armed Forces",
    "Procuratore Generale": "Attorney General", "Guardia Costiera": "Coast Guard",
    "Croce Rossa": "Red Cross", "Partito Comunista": "Communist Party",
    "Prima guerra mondiale": "First World War", "Seconda guerra mondiale": "Second World War",
    "Guerra fredda": "Cold War", "Banca centrale": "Central Bank",
}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """One alternation, longest names first; the first letter as written, the rest in any case."""
    names = sorted(INSTITUTIONS, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(f"{re.escape(n[0])}(?i:{re.escape(n[1:])})" for n in names) + r")(?!\w)")


@lru_cache(maxsize=1)
def _by_lower_case() -> dict[str, str]:
    """Each institution's English by its Italian name in lower case (a match may differ in case)."""
    return {name.lower(): english for name, english in INSTITUTIONS.items()}


def institution_terms(text: str) -> list[tuple[str, str]]:
    """The institutions named in the text, as (Italian as written, English) terms."""
    found = dict.fromkeys(match.group(1) for match in _pattern().finditer(text))
    return [(name, _by_lower_case()[name.lower()]) for name in found]
