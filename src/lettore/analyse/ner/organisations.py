"""Organisations local news names in its own ways: police forces and units written as
names (`Squadra Volante`, `Polizia Locale`, `Radiomobile`), shops, bars and companies
(`il bar Paolo`, `Morisi Elettrauto`, `Mo.Ka Caffé`, `Extracoop`) and newspapers
(`Gazzetta di Modena`, `a La Pressa`)."""

from __future__ import annotations

from lettore.analyse.ner.gazetteer import Gazetteer
from lettore.analyse.ner.retag import CONNECTIVES, entity_at, is_capitalised, relabel, untagged

# Capitalised heads of the names of Italian police forces and their units.
UNIT_HEADS = frozenset("Polizia Squadra Nucleo Reparto Compagnia Comando Sezione Corpo Guardia Vigili Arma".split())
# Police bodies named by one capitalised word.
UNIT_WORDS = frozenset(
    """Carabinieri Questura Prefettura Procura Radiomobile Digos Polstrada Polfer Volante Volanti
    Interpol Europol""".split()
)
# Lowercase nouns after which a capitalised name is the name of a shop, bar or firm.
SHOP_NOUNS = frozenset(
    """ditta azienda bar ristorante pizzeria trattoria osteria macelleria salumeria negozio
    supermercato ipermercato minimarket market officina autofficina carrozzeria elettrauto
    gioielleria oreficeria farmacia tabaccheria edicola panetteria forno pasticceria gelateria
    hotel albergo discoteca pub caffè caffetteria società cooperativa concessionaria circolo
    palestra agriturismo ferramenta profumeria boutique lavanderia fabbrica caseificio acetaia
    cantina birreria paninoteca enoteca impresa catena marchio scuola scuole istituto liceo
    asilo oratorio clinica""".split()
)
# One lowercase adjective may stand between the noun and the name (`scuola paritaria X`).
_ADJECTIVE_ENDS = ("aria", "ario", "ale", "are", "ica", "ico", "ina", "ino", "ese", "ana", "ano")
# Capitalised heads of Italian institutions' names, an ORG on their own (`il Consorzio`).
INSTITUTION_HEADS = frozenset(
    "Consorzio Associazione Fondazione Cooperativa Federazione Comitato Confcommercio Confesercenti".split()
)
# Capitalised words that close (or open) a shop's or firm's name.
SHOP_HEADS = frozenset(
    """Bar Caffè Caffé Café Caffetteria Pizzeria Ristorante Trattoria Osteria Macelleria Market
    Elettrauto Autofficina Carrozzeria Gioielleria Farmacia Tabaccheria Pasticceria Gelateria
    Hotel Albergo Pub Enoteca Srl Spa Snc Sas S.r.l. S.p.A. S.n.c. Coop
    Ceramiche Ceramica Industrie Officine Costruzioni Autotrasporti Acciaierie Cantine Caseificio
    Salumificio Mobilificio Calzaturificio Maglificio Prosciuttificio""".split()
)
SHOP_SUFFIXES = ("coop", "market")
# Capitalised heads of newspapers' names (`Gazzetta di Modena`, `Resto del Carlino`).
PAPER_HEADS = frozenset("Gazzetta Gazzettino Corriere Giornale Resto Eco Voce Tribuna".split())
# Heads that name a paper with a capitalised word straight after (`Corriere Adriatico`).
PAPER_HEADS_ALONE = frozenset("Gazzetta Gazzettino Corriere".split())
ARTICLES = frozenset("Il Lo La L' L’ I Gli Le".split())
# A capitalised singular article after these opens a paper's name (`ha detto a La Pressa`).
PAPER_ARTICLES = frozenset("Il Lo La L' L’".split())
SOURCE_PREPOSITIONS = frozenset("a da su secondo".split())
NAME_JOINERS = frozenset(". & '".split())
_QUOTES = {'"': '"', "«": "»", "“": "”"}  # opening mark -> its closing mark


def mark_units(tokens: list[str], tags: list[str]) -> None:
    """Police forces and units written as names become one ORG each."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = i
        if token in UNIT_HEADS and i + 1 < len(tokens):
            end = _name_end(tokens, i + 1, connectives=True)
        if end == i and token in UNIT_WORDS:
            end = i + 1
        if end > i and _replaceable(tags, i, end):
            relabel(tags, i, end, "ORG")
            i = end
        else:
            i += 1


def mark_shops(tokens: list[str], tags: list[str], gazetteer: Gazetteer) -> None:
    """Shop, bar and company names: after a shop noun (`la ditta Saca`, `macelleria da
    Mario`), around a capitalised shop word (`Morisi Elettrauto`, `Bar Roma`), or one word
    ending in -coop/-market (`Extracoop`)."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        first, end = i, i
        after_noun = False
        if token.lower() in SHOP_NOUNS and not is_capitalised(token) and i + 1 < len(tokens):
            start = i + 1
            if tokens[start].endswith(_ADJECTIVE_ENDS) and tokens[start].islower() and start + 1 < len(tokens):
                start += 1
            quoted = _quoted_name_end(tokens, start)
            if quoted:  # `la tabaccheria "Il Portico"`, `il bar «Da Gino»`
                first, end = start + 1, quoted
            elif tokens[start] == "da" and start + 1 < len(tokens) and is_capitalised(tokens[start + 1]):
                end = _name_end(tokens, start + 1)
                first = start if end > start + 1 else i
            else:
                first, end = start, _name_end(tokens, start)
            after_noun = True  # `la scuola San Giuseppe`, `il bar Roma`: a name even if a place's
        elif token in SHOP_HEADS and is_capitalised(token):
            first = _name_start(tokens, i)
            end = _name_end(tokens, i + 1)
            if first == i and end == i + 1:
                end = i  # a shop word alone is no name
        elif _one_word_firm(tokens, i):
            end = i + 1
        named = end > first and end > i and (after_noun or not gazetteer.is_place(tokens[first:end]))
        if named and after_noun and tags[i] != "O" and entity_at(tags, i)[:2] == (i, end):
            tags[i] = "O"  # the tagger took the noun in (`liceo Spallanzani`): the name is what follows
        if named and _replaceable(tags, first, end):
            relabel(tags, first, end, "ORG")
            i = end
        else:
            i += 1


def mark_known_organisations(tokens: list[str], tags: list[str], gazetteer: Gazetteer) -> None:
    """An untagged run of two or more words that is exactly a name in KIND's Wikipedia
    organisation list (`Croce Rossa`, `Guardia di Finanza`) is an ORG."""
    i = 0
    while i < len(tokens):
        length = gazetteer.organisation_at(tokens, i) if is_capitalised(tokens[i]) else 0
        end = i + length
        if length > 1 and untagged(tags, i, end) and not (end < len(tags) and tags[end].startswith("I-")):
            relabel(tags, i, end, "ORG")
            i = end
        else:
            i += 1


def _one_word_firm(tokens: list[str], i: int) -> bool:
    """`Extracoop`, `Supermarket`-like names, or an institution's head word on its own
    inside a sentence (`il presidente del Consorzio`)."""
    token = tokens[i]
    if is_capitalised(token) and token.lower().endswith(SHOP_SUFFIXES) and len(token) > 6:
        return True
    return token in INSTITUTION_HEADS and i > 0 and _name_end(tokens, i + 1) == i + 1


def mark_newspapers(tokens: list[str], tags: list[str], gazetteer: Gazetteer) -> None:
    """Newspapers: a paper's head word with its place (`Gazzetta di Modena`), and a
    capitalised article inside a sentence with the name after it (`a La Pressa`)."""
    i = 0
    while i < len(tokens) - 1:
        token = tokens[i]
        end = i
        if token in PAPER_HEADS:
            start = i + 1
            if tokens[start] in CONNECTIVES and start + 1 < len(tokens):
                start += 1
            elif token not in PAPER_HEADS_ALONE:
                start = len(tokens)  # `Voce`, `Eco` name a paper only as `Voce di Mantova`
            end = _name_end(tokens, start, connectives=True) if start < len(tokens) else i
            if end <= start:
                end = i  # the head word alone
        elif _paper_article(tokens, i):
            end = _name_end(tokens, i + 1, connectives=True)
            if gazetteer.is_place(tokens[i:end]) or any(tag.endswith("-PER") for tag in tags[i:end]):
                end = i
        if end > i + 1 and _replaceable(tags, i, end):
            relabel(tags, i, end, "ORG")
            i = end
        else:
            i += 1


def _paper_article(tokens: list[str], i: int) -> bool:
    """A capitalised article after `a`/`da`/`su`/`secondo`, a capitalised word after it."""
    return (
        tokens[i] in PAPER_ARTICLES
        and i > 0
        and tokens[i - 1] in SOURCE_PREPOSITIONS
        and is_capitalised(tokens[i + 1])
    )


def _quoted_name_end(tokens: list[str], start: int) -> int:
    """The end of a short name in quotation marks opening at `start` (`"Il Portico"`), 0 if
    there is none: a capitalised first word and the closing mark within six words."""
    if tokens[start] not in _QUOTES or start + 1 >= len(tokens) or not is_capitalised(tokens[start + 1]):
        return 0
    closing = _QUOTES[tokens[start]]
    for end in range(start + 2, min(len(tokens), start + 8)):
        if tokens[end] == closing:
            return end
    return 0


def _name_end(tokens: list[str], start: int, connectives: bool = False) -> int:
    """End of the run of capitalised words from `start` (joined by `.`, `&`, `'`; with
    `connectives`, also by `di`, `del`...)."""
    end = start
    n = len(tokens)
    while end < n:
        token = tokens[end]
        joins = token in NAME_JOINERS or (connectives and token in CONNECTIVES)
        word = is_capitalised(token) or (end > start and token[:1].isdigit())
        if not word and not (end > start and joins and end + 1 < n and is_capitalised(tokens[end + 1])):
            break
        end += 1
    return end


def _name_start(tokens: list[str], index: int) -> int:
    """Start of the run of capitalised words that ends at `index` (joined as `_name_end` joins)."""
    first = index
    while first > 0:
        before = tokens[first - 1]
        joined = before in NAME_JOINERS and first >= 2 and is_capitalised(tokens[first - 2])
        if (is_capitalised(before) and before not in ARTICLES) or joined:
            first -= 1
        else:
            break
    return first


def _replaceable(tags: list[str], first: int, end: int) -> bool:
    """A rule may (re)label [first, end) when it holds no entity reaching outside it."""
    if untagged(tags, first, end):
        return True
    for k in range(first, end):
        if tags[k] != "O":
            start, last, _ = entity_at(tags, k)
            if start < first or last > end:
                return False
    return True
