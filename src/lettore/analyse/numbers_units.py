"""Italian qualifiers, currencies, percent words and counted nouns with their English
names, kept apart from the parser so the tables can grow without hiding the logic."""

from __future__ import annotations

_ART = r"(?:\s+(?:il|lo|la|i|gli|le|l['’]))?"
_DI = r"d(?:i|el|ello|ella|ell['’]|ei|egli|elle)"
_A = r"a(?:l|llo|lla|ll['’]|i|gli|lle)?"
QUALIFIERS: tuple[tuple[str, str], ...] = (
    (rf"non\s+meno\s+{_DI}", "at least"),
    (rf"non\s+(?:più|piu['’])\s+{_DI}", "at most"),
    (rf"almeno{_ART}", "at least"),
    (rf"(?:più|piu['’])\s+{_DI}|oltre{_ART}", "more than"),
    (rf"meno\s+{_DI}", "less than"),
    (rf"circa{_ART}|all['’]incirca|(?:intorno|attorno)\s+{_A}|qualcosa\s+come", "about"),
    (rf"quasi{_ART}", "almost"),
    (rf"(?:fino|sino)\s+{_A}|un\s+massimo\s+{_DI}", "up to"),
    (rf"(?:appena|solo|soltanto){_ART}", "only"),
)
CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"euro|€|eur", "EUR"),
    (r"dollari(?:\s+(?:statunitensi|americani|usa))?|dollaro|us\$|\$|usd", "USD"),
    (r"sterlin[ae](?:\s+britanniche)?|£|gbp", "GBP"),
    (r"yuan|renminbi|cny", "CNY"),
    (r"rubl[io]|rub", "RUB"),
    (r"yen|¥|jpy", "JPY"),
    (r"franchi\s+svizzeri|franco\s+svizzero|chf", "CHF"),
    (r"grivni[ae]|hryvni[ae]|uah", "UAH"),
    (r"won", "KRW"),
)
PERCENT: tuple[tuple[str, str], ...] = (
    (r"%|per\s*cento", "%"),
    (r"punt[io]\s+percentual[ei]", "percentage points"),
)
COUNTED: tuple[tuple[str, str], ...] = (
    (r"unità", "units"), (r"person[ae]", "people"), (r"soldat[io]", "soldiers"),
    (r"militari|truppe", "troops"), (r"ann[io]", "years"), (r"mes[ei]", "months"),
    (r"giorn[io]", "days"), (r"settiman[ae]", "weeks"), (r"ore", "hours"),
    (r"minut[io]", "minutes"), (r"decenni", "decades"), (r"secoli", "centuries"),
    (r"km/h|chilometri\s+orari", "km/h"), (r"(?:km|chilometri)\s+quadrati|km²|kmq", "km2"),
    (r"km|chilometr[io]", "km"), (r"metri|metro", "m"), (r"centimetri|cm", "cm"),
    (r"tonnellat[ae]", "tonnes"), (r"kg|chil[io]|chilogramm[io]", "kg"), (r"barili", "barrels"),
    (r"ettari", "hectares"), (r"megawatt|mw", "MW"), (r"gigawatt|gw", "GW"),
    (r"missili", "missiles"), (r"testate(?:\s+nucleari)?", "warheads"), (r"morti", "dead"),
    (r"vittime", "victims"), (r"feriti", "injured"), (r"abitanti", "inhabitants"),
    (r"residenti", "residents"), (r"lavoratori", "workers"), (r"dipendenti", "employees"),
    (r"bambini", "children"), (r"civili", "civilians"), (r"prigionieri", "prisoners"),
    (r"ostaggi", "hostages"), (r"rifugiati|profughi", "refugees"), (r"migranti", "migrants"),
    (r"carri\s+armati", "tanks"), (r"droni", "drones"), (r"aerei", "aircraft"),
    (r"navi", "ships"), (r"sottomarini", "submarines"), (r"voti", "votes"), (r"seggi", "seats"),
    (r"casi", "cases"), (r"volte", "times"), (r"paesi|stati", "countries"),
    (r"case|abitazioni", "homes"), (r"posti\s+di\s+lavoro", "jobs"), (r"studenti", "students"),
    (r"famiglie", "families"), (r"uomini", "men"), (r"donne", "women"), (r"agenti", "officers"),
    (r"arresti", "arrests"), (r"euro/mese", "EUR/month"),
)
