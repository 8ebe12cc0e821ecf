"""Italian cue lexicons for claims: reporting verbs, "secondo"-style sources, hedges,
quotations and role nouns, compiled once on first use."""

from __future__ import annotations

import re
from functools import cache

# Reporting verbs as stem + endings, so "spiegava", "ha spiegato" and "spiega" all match
# but nouns ("dichiarazione") do not. "spiet" is the seed's typo of "spiegato".
_ARE = r"(?:a|ano|ato|ata|ati|ate|ò|arono|ava|avano|ando|erà|eranno)"
_REPORT_STEMS = (
    "dichiar", "afferm", "spieg", "spiet", "sottoline", "riport", "annunci", "raccont",
    "rivel", "denunci", "conferm", "ipotizz", "osserv", "ricord", "avvert", "comunic",
    "precis", "ammonisc", "accus", "assicur", "stim", "ribad", "evidenzi", "segnal",
    "replic", "argoment", "mostr",
)
_IRREGULAR = (
    r"scriv(?:e|ono|eva|evano)|scritto|scrisse|scrissero",
    r"dice|dicono|diceva|dicevano|detto|disse|dissero",
    r"sostien(?:e)?|sostengono|sosteneva|sostenevano|sostenuto|sostenne",
    r"aggiung(?:e|ono|eva)|aggiunto|aggiunse",
    r"riferi(?:sce|scono|va|vano|to|ta|rono)|riferì",
    r"ammess[oa]|ammette|ammettono",
    r"chiest[oa]|chiede|chiedono",
    r"suggerit[oa]",
    r"chiarit[oa]|chiarisce|chiariscono",
    r"commentat[oa]|commenta|commentano",
    r"fatto\s+sapere|reso\s+noto|messo\s+in\s+guardia",
    r"evint[oa]|descrive|descrivono|descritto",
    r"fa\s+sapere|fanno\s+sapere|facendo\s+sapere",
    r"promess[oa]|promett(?:e|ono|eva|evano)|promise|promisero|garantit[oa]|garantisce|garantiscono",
    r"prosegu(?:e|ono)|conclud(?:e|ono)|concluso|incalz(?:a|ano)|confid(?:a|ano)|puntualizz(?:a|ano|ato)",
)
# Verbs that only report inside an insertion between dashes ("- continua Morisi -").
_INSERT_ONLY = (
    r"continu(?:a|ano)|prosegu(?:e|ono)|aggiung(?:e|ono)|tuon(?:a|ano)|sbott(?:a|ano)|attacc(?:a|ano)|chios(?:a|ano)"
)
_AUX = r"(?:ha|hanno|aveva|avevano|avrebbe|avrebbero|è|sono|era|erano|è\s+stat[oa])"
_ADVERBS = (
    r"(?:(?:non\s+a\s+caso|poi|quindi|inoltre|anche|già|più\s+volte|ieri|oggi|infatti|invece|pure|ancora|"
    r"recentemente|nuovamente|esplicitamente|chiaramente)\s+)"
)

_SECONDO = (
    # "Stando a quanto ricostruito dagli investigatori", "secondo quanto è emerso finora dalle indagini"
    r"(?:secondo|stando\s+a)\s+quanto\s+(?:è\s+stato\s+|è\s+)?\w+(?:at[oa]|it[oa]|ut[oa]|ess[oa]|tt[oa]|st[oa]|ers[oa])"
    r"\s+(?:finora\s+|fin\s+qui\s+|ieri\s+|oggi\s+)?d(?:alla|allo|alle|agli|all['’]|al|ai|a)\b\s*",
    r"secondo\s+quanto\s+(?:riportato|riferito|scritto|dichiarato|affermato|annunciato|"
    r"rivelato|comunicato|reso\s+noto|emerso|spiegato|riporta|riferisce|scrive|afferma|"
    r"dichiara|annuncia|rivela|spiega|riportano|riferiscono|scrivono)"
    r"(?:\s+d(?:alla|allo|alle|agli|all['’]|al|ai|a)\b)?\s*",
    r"secondo\s+(?:(?:il|lo|la|i|gli|le)\b|l['’])?\s*",
    r"stando\s+(?:alla|allo|alle|agli|all['’]|al|ai|a)\b\s*",
    r"a\s+detta\s+d(?:ella|ello|elle|egli|ell['’]|el|ei|i)\b\s*",
    r"citando\s+(?:il|lo|la|l['’]|i|gli|le)?\s*",
    r"come\s+(?:riportato|riferito|scritto|spiegato|annunciato|rivelato)\s+d(?:alla|allo|alle|agli|all['’]|al|ai|a)\b\s*",
)

HEDGE_WORDS = (
    "presumibilmente", "probabilmente", "forse", "sembra", "sembrano", "sembrava",
    "pare", "parrebbe", "apparentemente", "verosimilmente", "plausibilmente",
    "potenzialmente", "possibile", "possibili", "ipotesi", "ipotizzato", "ipotizza", "ipotizzare",
    "sospetto", "sospettano", "si sospetta", "a quanto risulta", "a quanto pare",
    "ipotizzano", "suggeriscono", "suggerisce", "indiscrezioni",
    "non è escluso", "si ritiene", "si teme", "rischia", "rischiano", "dovrebbe", "dovrebbero",
)
ROLE_NOUNS = (
    "presidente", "leader", "premier", "ministro", "ministra", "portavoce", "capo",
    "segretario", "segretaria", "direttore", "direttrice", "dittatore", "sindaco",
    "governatore", "cancelliere", "generale", "ambasciatore", "comandante", "funzionario",
    "zar", "numero uno", "autore", "autrice", "ricercatore", "ricercatrice", "esperto",
    "professor", "professore", "professoressa", "dottor", "dottore", "dottoressa",
)
# Words that may stand capitalised at the start of a sentence without naming anyone.
FUNCTION_WORDS = frozenset(
    "il lo la i gli le l un una uno di del della dei degli delle nel nella nell nei negli "
    "secondo per con su tra fra da dal dalla ma e anche già come quando se non oltre in "
    "a al alla allo ai agli alle questo questa questi queste quel quella quelli "
    "ha hanno è sono era allo stesso tempo certo".split()
)
CONTINUATION_ADVERBS = ("quindi", "inoltre", "poi", "anche", "infine", "ancora", "altresì", "successivamente")


@cache
def reporting_verb() -> re.Pattern[str]:
    """A reporting verb with its optional auxiliary and adverbs: "ha non a caso dichiarato"."""
    regular = "|".join(_REPORT_STEMS)
    verb = rf"(?:(?:{regular}){_ARE}|{'|'.join(_IRREGULAR)})"
    return re.compile(rf"\b(?:{_AUX}\s+{_ADVERBS}{{0,3}})?{verb}\b", re.IGNORECASE)


@cache
def insert_verb_pattern() -> str:
    """Reporting verbs as they open an insertion between dashes, as regex source."""
    regular = "|".join(_REPORT_STEMS)
    return rf"(?:{_AUX}\s+)?(?:(?:{regular}){_ARE}|{'|'.join(_IRREGULAR)}|{_INSERT_ONLY})\b"


@cache
def cleft_report() -> re.Pattern[str]:
    """A cleft sentence naming who said it: "A confermarlo è stato ...", "A dirlo è ..."."""
    regular = "|".join(_REPORT_STEMS)
    verb = rf"(?:(?:{regular})ar|dir|scriver|riferir|sostener|chieder|ammetter|aggiunger|promett?er|garantir)"
    return re.compile(
        rf"^\s*A\s+{verb}(?:lo|la|li|le|ne)\s+(?:è|sono|era|erano|fu|furono)(?:\s+stat[oaie])?\s+", re.IGNORECASE
    )


# The noun that names what a quotation was, before its speaker: «...», è il commento di X.
_COMMENT_NOUNS = (
    r"commento|sfogo|racconto|appello|grido|accusa|replica|denuncia|testimonianza|ricordo|pensiero|"
    r"messaggio|monito|invito|parole|frase|dichiarazione|ammissione|annuncio|promessa|risposta"
)


@cache
def comment_of() -> re.Pattern[str]:
    """What a quotation was and whose, right after it: "», è il commento del fratello, X"."""
    return re.compile(
        rf"[»”\"]\s*[,.]?\s*(?:(?:è|sono|questo\s+è|così|ecco|queste\s+sono)\s+)?"
        rf"(?:il|lo|la|le|l['’])\s*(?:{_COMMENT_NOUNS})\s+(?:(?:amar[oae]|accorat[oae]|dur[oae])\s+)?"
        rf"(?P<prep>di|del|della|dello|dei|degli|delle|dell['’])\s*",
        re.IGNORECASE,
    )


@cache
def secondo() -> re.Pattern[str]:
    """A source introduced before the claim: "Secondo quanto riportato dalla ..."."""
    return re.compile(rf"\b(?:{'|'.join(_SECONDO)})", re.IGNORECASE)


@cache
def hedge_words() -> re.Pattern[str]:
    """Hedging words and the conditional mood ("verrebbero", "si limiterebbe")."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in HEDGE_WORDS)
    return re.compile(rf"\b(?:{words}|\w{{2,}}(?:rebbe|rebbero))\b", re.IGNORECASE)


@cache
def quotation() -> re.Pattern[str]:
    """Text between quotation marks (straight, curly or guillemets, which may hold a curly
    quotation inside), or an unclosed opening; the quoted text is group 1 or 2."""
    return re.compile(r"«\s*([^«»]+?)\s*(?:»|$)|[\"“„]\s*([^\"”»“«]+?)\s*(?:[\"”»]|$)")


@cache
def role_subject() -> re.Pattern[str]:
    """A subject named by role ("Il presidente della Corea del Nord", "Il leader nordcoreano")."""
    roles = "|".join(ROLE_NOUNS)
    return re.compile(rf"^\s*(?:il|lo|la|l['’])\s*(?:{roles})\b", re.IGNORECASE)


@cache
def name_run() -> re.Pattern[str]:
    """A run of capitalised words with lower-case connectors: "War on the Rocks"."""
    cap = r"[A-ZÀ-Ý][\w'’.&-]*"
    link = r"(?:of|the|on|and|for|de|di|del|della|dei|degli|da|van|von|al|el|bin|y)"
    return re.compile(rf"{cap}(?:\s+(?:{link}\s+)*{cap})*")
