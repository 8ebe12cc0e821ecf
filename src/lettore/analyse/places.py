"""English names of places named in Italian ("Corea del Nord" -> "North Korea", "Mosca" ->
"Moscow"), from CLDR territory names plus a short table of cities and regions CLDR lacks,
so the entity panel can show readers the name they know."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["english_country_name", "english_place_name"]

# Cities, regions, seas and other names CLDR's territory list does not hold.
_CURATED = {
    "mosca": "Moscow", "pechino": "Beijing", "washington": "Washington", "kiev": "Kyiv",
    "kyiv": "Kyiv", "londra": "London", "parigi": "Paris", "bruxelles": "Brussels",
    "monaco di baviera": "Munich", "berlino": "Berlin", "varsavia": "Warsaw",
    "vienna": "Vienna", "praga": "Prague", "atene": "Athens", "lisbona": "Lisbon",
    "barcellona": "Barcelona", "ginevra": "Geneva", "zurigo": "Zurich",
    "stoccolma": "Stockholm", "copenaghen": "Copenhagen", "san pietroburgo": "Saint Petersburg",
    "pietroburgo": "Saint Petersburg", "seul": "Seoul", "tokyo": "Tokyo", "tokio": "Tokyo",
    "pyongyang": "Pyongyang", "nuova delhi": "New Delhi", "il cairo": "Cairo", "cairo": "Cairo",
    "gerusalemme": "Jerusalem", "teheran": "Tehran", "damasco": "Damascus",
    "charkiv": "Kharkiv", "kharkiv": "Kharkiv", "odessa": "Odesa", "leopoli": "Lviv",
    "belgrado": "Belgrade", "bucarest": "Bucharest", "edimburgo": "Edinburgh",
    "dublino": "Dublin", "l'aia": "The Hague", "aia": "The Hague", "anversa": "Antwerp",
    "colonia": "Cologne", "francoforte": "Frankfurt", "amburgo": "Hamburg",
    "strasburgo": "Strasbourg", "lione": "Lyon", "marsiglia": "Marseille", "nizza": "Nice",
    "siviglia": "Seville", "tunisi": "Tunis", "algeri": "Algiers",
    "città del messico": "Mexico City", "canton": "Guangzhou", "nanchino": "Nanjing",
    "erevan": "Yerevan", "giacarta": "Jakarta", "bombay": "Mumbai", "san paolo": "São Paulo",
    "l'avana": "Havana", "avana": "Havana", "gedda": "Jeddah", "la mecca": "Mecca",
    "riad": "Riyadh", "new york": "New York", "nuova york": "New York",
    "roma": "Rome", "milano": "Milan", "napoli": "Naples", "torino": "Turin",
    "firenze": "Florence", "venezia": "Venice", "genova": "Genoa", "padova": "Padua",
    "mantova": "Mantua", "siracusa": "Syracuse", "sicilia": "Sicily", "sardegna": "Sardinia",
    "lombardia": "Lombardy", "piemonte": "Piedmont", "toscana": "Tuscany", "puglia": "Apulia",
    "baviera": "Bavaria", "sassonia": "Saxony", "renania": "Rhineland",
    "catalogna": "Catalonia", "andalusia": "Andalusia", "cecenia": "Chechnya",
    "crimea": "Crimea", "donbass": "Donbas", "donbas": "Donbas", "siberia": "Siberia",
    "tibet": "Tibet", "kurdistan": "Kurdistan", "cisgiordania": "West Bank",
    "striscia di gaza": "Gaza Strip", "gaza": "Gaza", "palestina": "Palestine",
    "inghilterra": "England", "scozia": "Scotland", "galles": "Wales",
    "irlanda del nord": "Northern Ireland", "gran bretagna": "Great Britain",
    "olanda": "Netherlands", "usa": "United States", "stati uniti d'america": "United States",
    "america": "America", "unione sovietica": "Soviet Union", "urss": "Soviet Union",
    "repubblica democratica del congo": "Democratic Republic of the Congo",
    "corea": "Korea", "medio oriente": "Middle East", "vicino oriente": "Near East",
    "estremo oriente": "Far East", "balcani": "Balkans", "caucaso": "Caucasus",
    "mar nero": "Black Sea", "mar baltico": "Baltic Sea", "mar mediterraneo": "Mediterranean Sea",
    "mediterraneo": "Mediterranean", "mar cinese meridionale": "South China Sea",
    "mar giallo": "Yellow Sea", "mar del giappone": "Sea of Japan", "golfo persico": "Persian Gulf",
    "mar rosso": "Red Sea", "artico": "Arctic", "sahel": "Sahel",
    "america del nord": "North America", "nord america": "North America",
    "america del sud": "South America", "sud america": "South America",
    "sudamerica": "South America", "america latina": "Latin America",
}
_ARTICLES = re.compile(r"^(?:il|lo|la|i|gli|le|l['’]|the)\s*", re.IGNORECASE)


def _key(name: str) -> str:
    """Lookup key: lower case, single spaces, straight apostrophes, no accents."""
    name = re.sub(r"\s+", " ", name.strip().replace("’", "'")).lower()
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Italian -> English place names; built on first use because Babel loads CLDR lazily."""
    # lazy: heavy, loaded only by the command that needs it
    from babel import Locale

    italian, english = Locale("it").territories, Locale("en").territories
    table: dict[str, str] = {}
    for code, name in italian.items():
        if code in english and " - " not in name:  # skip "Congo - Kinshasa" style labels
            table[_key(name)] = english[code]
    table.update({_key(k): v for k, v in _CURATED.items()})
    return table


@lru_cache(maxsize=4096)  # the same places recur through an article and a feed
def english_place_name(italian: str) -> str | None:
    """The English name of an Italian place name ("la Russia" -> "Russia"), or None."""
    table = _table()
    key = _key(italian)
    if key in table:
        return table[key]
    stripped = _key(_ARTICLES.sub("", italian.strip(), count=1))
    return table.get(stripped)


def english_country_name(italian: str) -> str | None:
    """The English name of a country written as its Italian name alone (`Cina` -> `China`),
    None for anything else: a city (`Napoli`, the club), an acronym (`USA` in `Team USA`).
    For organisations the tagger labels with a country's name."""
    if italian.isupper() or italian not in _italian_countries():
        return None
    english = english_place_name(italian)
    return english if english and english != italian else None


@lru_cache(maxsize=1)
def _italian_countries() -> frozenset[str]:
    """CLDR's Italian names of countries and territories."""
    from babel import Locale  # lazy on purpose: CLDR data, loaded by the import-time analysis

    return frozenset(Locale("it").territories.values())
