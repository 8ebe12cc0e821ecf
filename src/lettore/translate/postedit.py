"""Pre- and post-edits of the Apertium it->es->en pivot's systematic errors.

Each rule was measured on NTREX dev (benchmarks/bench_names.py prints each one's share; the
held-out third is only reported) and kept because it raised chrF there. Before the pivot:
`10%` (which its first stage drops) and `dal`/`dalla` (which come out `of`). After it: the
passato prossimo as simple past (`has written` -> `wrote`, `has not seen` -> `did not see`,
any verb through lemminflect), said-verbs, `the` before countries and not before figures,
years, weekdays and nouns taken in general; Italian digits in English form; words the
pivot's dictionaries lack (`polizia`) or that it makes and cannot translate (`millardos`);
its wrong word choices for news (`squad`, `among`, `dip`) and word-by-word idioms
(`in degree to`, `said me`). Tried and dropped (no gain on dev): removing `the` before a
protected name or before every `of`, `to` and `in`, un-shouting all-capital words, a
FreeDict fallback for unknown words (it knows 18 of the 437 left), the Catalan pivot for
whole sentences. Not tried for chrF's sake alone: straight quotes, `U.S.`, a guessed `he`.
Also tried and dropped on dev: `avere` for pronominal compounds (`si è dimesso`; +0.002,
many sentences worse), `of having` for `to having`, `than` after `more X of` (Italian's
superlative `il più alto di`), `higher` for `more high` through lemminflect (`importanter`).
Grammatical repairs are in pivot_grammar.py (articles, ages, `should`, `who`, adjective order),
pivot_negation.py, pivot_forms.py (ordinals, rates, `what`), pivot_marks.py (`their` for
`loro`, impersonal `si`) and italian_pre_edits.py (first person, `venire`, `essere`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from lettore.translate import italian_pre_edits, pivot_forms, pivot_grammar, pivot_marks, pivot_negation

_MODALS = frozenset({"would", "could", "should", "might", "must", "will", "may", "to", "not"})
_PERFECT = re.compile(r"\b(?:(\w+) )?(has|have)( not)? ([a-z]+)\b(?! to\b)")

# Said-verbs of Italian reporting (`ha affermato`, `ha dichiarato`) as English news says them.
_SAID = re.compile(r"\b(?:has|have) (?:affirmed|declared)\b")

# Words Apertium's it->es dictionary lacks, frequent in news; whole words, lower case.
_LEXICON = {
    "polizia": "police", "membri": "members", "membro": "member", "presso": "at",
    "comizio": "rally", "raduno": "rally", "miglia": "miles", "carcere": "prison",
    "procuratori": "prosecutors", "procuratore": "prosecutor", "soldati": "soldiers",
    "nordcoreano": "North Korean", "nordcoreani": "North Koreans", "gallese": "Welsh",
    "sito": "site", "magnitudo": "magnitude", "profughi": "refugees", "dimostranti": "demonstrators",
    "cauzione": "bail", "dispersi": "missing", "anziché": "instead of", "quei": "those",
    "respinto": "rejected", "calo": "drop", "telespettatori": "viewers", "emittenti": "broadcasters",
    "carcerati": "prisoners", "secessione": "secession", "rappresaglia": "retaliation",
    "fregate": "frigates", "fregata": "frigate", "carri armati": "tanks", "armed carts": "tanks",
}
# Spanish words the it->es stage makes and the es->en stage lacks (`miliardi` -> `millardos`,
# `indagine` -> `pesquisa`, `fino a` -> `refinado a`, `arresto` -> `paralización`, `da tempo`
# -> `de antaño`, `attraverso` -> `a través`, `di cui` -> `del cual`).
_SPANISH_LEFT = {
    "millardos": "billion", "millardo": "billion", "pesquisa": "investigation",
    "pesquisas": "investigations", "tentativa": "attempt", "tentativas": "attempts",
    "laborista": "Labour", "laboristas": "Labour", "riada": "flood", "riadas": "floods",
    "sucedido": "happened", "sucediendo": "happening", "sucederá": "will happen",
    "sucede": "happens", "suceden": "happen", "to través of": "through", "través": "through",
    "refinado to": "up to", "separatistas": "separatists", "migrantes": "migrants",
    "Refinado To": "Up to", "paralización": "arrest", "Paralización": "Arrest", "of antaño": "for a long time",
    "antaño": "long ago", "to through": "through", "of the cual": "of which", "to the cual": "to which",
    "the cual": "which",
}
_SPANISH_LEFT_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _SPANISH_LEFT), key=len, reverse=True)) + r")\b")
_LEXICON_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _LEXICON), key=len, reverse=True)) + r")\b")

# English words the pivot picks where Italian news means another (`mettere` -> Spanish
# `meter` -> `dip`, `squadra` -> `squad`, `tra` -> `among`, `raggiungere` -> `achieve`).
_WORD_CHOICE = {
    "dip": "put", "dips": "puts", "dipped": "put", "dipping": "putting", "squad": "team",
    "squads": "teams", "affirms": "says", "affirming": "saying",
    "diverse": "several", "informations": "information", "edifice": "building",
    "edifices": "buildings", "IA": "AI", "UE": "EU", "homicide": "murder", "owing to": "because of",
    "indictment": "charge", "indictments": "charges", "zone": "area", "tall": "high",
    "procurator": "prosecutor", "procurators": "prosecutors", "emitters": "broadcasters",
    "slope": "coast", "Corte Suprema": "Supreme Court", "precipitations": "rainfall",
    "elevated": "high", "manifestation": "demonstration", "achieve": "reach", "achieved": "reached",
    "sustain": "support", "sustains": "supports", "sustained": "supported", "sustaining": "supporting",
    "foresee": "expect", "foresees": "expects", "dud": "false", "roughly": "about", "struck": "hit",
    "meridional": "southern", "septentrional": "northern", "oriental": "eastern", "occidental": "western",
}
# Italian `tra` comes out `among`; English says `between` for two things (`between 10 and 11`).
_AMONG_TWO = re.compile(r"\b([Aa])mong\b(?=(?:\s+[^\s,.;:]+){1,5}\s+and\b)")
_WORD_CHOICE_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _WORD_CHOICE), key=len, reverse=True)) + r")\b")

_THE_COUNTRY = re.compile(
    r"\b(of|in|to|for|from|with|by|and|on) (United States|United Kingdom|Netherlands|Philippines"
    r"|United Arab Emirates|Czech Republic|Dominican Republic|Central African Republic)\b"
)
_QUOTE_SPACE = re.compile(r"([”\"’']) ([,.;:!?])")


@lru_cache(maxsize=4096)
def simple_past(participle: str) -> str | None:
    """The simple past of an English past participle (`written` -> `wrote`, `asked` ->
    `asked`), None when the word is not one; from lemminflect's tables. An `-ed` form is its
    own past (the pivot's `showed`, British `signalled`, which lemminflect would respell)."""
    if participle.endswith("ed"):
        return participle
    from lemminflect import getAllLemmas, getInflection  # lazy on purpose: loads its English tables

    for lemma in getAllLemmas(participle).get("VERB", ()):
        if participle in getInflection(lemma, "VBN"):
            past = getInflection(lemma, "VBD")
            return past[0] if past else None
    return None


def _past(match: re.Match[str]) -> str:
    """`has written` -> `wrote`, `has been` -> `was`, `have been` -> `were`, `has not seen` ->
    `did not see`; not after a modal."""
    before, auxiliary, negated, participle = match.group(1), match.group(2), match.group(3), match.group(4)
    if before and before.lower() in _MODALS:
        return match.group(0)
    if participle == "been":
        past: str | None = ("was" if auxiliary == "has" else "were") + (" not" if negated else "")
    elif negated:
        past = f"did not {base}" if simple_past(participle) and (base := _base(participle)) else None
    else:
        past = simple_past(participle)
    if past is None:
        return match.group(0)
    return (f"{before} " if before else "") + past


def _base(participle: str) -> str | None:
    """The verb's base form (`seen` -> `see`, `signalled` -> `signal`), from lemminflect."""
    from lemminflect import getAllLemmas, getLemma  # lazy on purpose: loads its English tables

    lemmas = getAllLemmas(participle).get("VERB") or getLemma(participle, "VERB")
    return lemmas[0] if lemmas else None


_PHRASES = {
    "like this as": "as well as", "in merit to": "about", "of the morning": "in the morning",
    "the own": "their own", "REGARDING": "As for", "In such context": "In this context",
    "further of": "more than", "Further of": "More than", "to the width of": "off",
    "team of house": "home team", "to the hours": "at", "to the interior of": "inside",
    "in the course of": "during", "to continuation to": "following", "party Labour": "Labour Party",
    "and of the": "and the", "in degree to": "able to", "in degree of": "able to", "a sack of": "a lot of",
    "the main part of": "most of", "The main part of": "Most of", "the another": "the other",
    "to the start of": "at the start of", "between which": "including", "among which": "including",
    "of person": "in person", "succoured": "rescued",
}
# Italian idioms the pivot renders word by word: `mi ha detto` -> `said me`, `ha detto ai
# giornalisti` -> `has said to the journalists`, `l'ex ministro` -> `the ex minister`.
_TOLD = re.compile(r"\b(?:(?:has|have) )?said (me|him|her|us|them)\b"
                   r"|\b(?:has|have) said to (?=(?:the|a|an|his|her|their|our|my)\b|[A-Z])")
_EX = re.compile(r"\b([Ee])x (?=[a-z])")
_MINUTE = re.compile(r"\b(\d+)[º°] small\b")  # `al 29° minuto` -> `to the 29º small`
_IT_IS = re.compile(r"\btreats of\b")  # `si tratta di` -> `it treats of`


def _ordinal(number: int) -> str:
    """21 -> `21st`, 12 -> `12th`."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _idioms(text: str) -> str:
    """`said me` -> `told me`, `has said to the` -> `told the`, `the ex minister` -> `the
    former minister`, `the 29º small` -> `the 29th minute`, `it treats of` -> `it is`."""
    text = _TOLD.sub(lambda m: f"told {m.group(1)}" if m.group(1) else "told ", text)
    text = _IT_IS.sub("is", _MINUTE.sub(lambda m: f"{_ordinal(int(m.group(1)))} minute", text))
    return _EX.sub(lambda m: "Former " if m.group(1) == "E" else "former ", text)
_PHRASES_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)) + r")\b")

# Italian's article before figures and years (`il 10 per cento`, `nel 2019`), not before a
# date's day (`the 26 December`) nor a compound (`the 60-year-old`, `the 3-1 win`).
_THE_FIGURE = re.compile(r"(?<=\s)the (\d[\d.,]*)\b(?!-)(?! (?:January|February|March|April|May|June|July"
                         r"|August|September|October|November|December)\b)")
# Italian's article before a noun taken in general (`la democrazia`, `la polizia`), which
# English leaves bare unless the noun is qualified (`the police of Rome`, `the people who`).
_GENERIC = re.compile(
    r"\b([Tt])he (democracy|politics|history|nature|violence|justice|freedom|peace|poverty|terrorism"
    r"|corruption|unemployment|security|health|police|people|society|racism|education|inflation)\b"
    r"(?! (?:of|who|that|which)\b)")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY_PART = re.compile(rf"\b({_DAYS}) in the (morning|afternoon|evening|night)\b")
_THE_DAY = re.compile(rf"(?<!\bon )(?<!\bof )(?<!\bby )(?<!\buntil )(?<!\bsince )(?<!\bfrom )(?<!\bto )"
                      rf"\b([Tt])he ({_DAYS})\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_LAST = re.compile(rf"\b([Tt])he past (year|week|month|season|weekend|summer|winter|spring|autumn|{_DAYS}|{_MONTHS})\b")
_MONTH_OF_YEAR = re.compile(rf"\bthe (\d{{1,2}} )?({_MONTHS}) of (\d{{4}})\b")  # `nel gennaio del 2016`
_DECADE = re.compile(r"\b(?:the )?years ['‘’]?([1-9]0)\b")


def _dates(text: str) -> str:
    """`Saturday in the morning` -> `Saturday morning`, `the Saturday` -> `on Saturday`,
    `the past year` (or `December`) -> `last year`, `the January of 2016` -> `January 2016`,
    `the years ‘80` -> `the 1980s`."""
    if "day" in text:
        text = _DAY_PART.sub(r"\1 \2", text)
        text = _THE_DAY.sub(lambda m: ("On " if m.group(1) == "T" else "on ") + m.group(2), text)
    if "past" in text:
        text = _LAST.sub(lambda m: ("Last " if m.group(1) == "T" else "last ") + m.group(2), text)
    if " of " in text:
        text = _MONTH_OF_YEAR.sub(lambda m: f"the {m.group(1)}{m.group(2)} {m.group(3)}" if m.group(1)
                                  else f"{m.group(2)} {m.group(3)}", text)
    return _DECADE.sub(r"the 19\1s", text) if "years" in text else text
_WEEKDAY = re.compile(r"\b(\w+) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_NO_ON = frozenset({
    "on", "of", "last", "next", "this", "every", "the", "and", "or", "since", "until", "by", "from",
    "to", "that",
})


def _on_weekday(match: re.Match[str]) -> str:
    """`spoke Monday` -> `spoke on Monday` (the pivot drops Italian's bare weekday's `on`)."""
    word, day = match.group(1), match.group(2)
    return match.group(0) if word.lower() in _NO_ON or word[:1].isupper() else f"{word} on {day}"


# Italian digits as English writes them: `3,5` -> `3.5`, `10.000` -> `10,000` (the pivot
# copies them; `4.40`, a time, has no group of three and stays).
_ITALIAN_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?!\w|[.,]\d)")


def _english_digits(text: str) -> str:
    """Thousands points to commas and the decimal comma to a point, in each whole number."""
    def english(match: re.Match[str]) -> str:
        whole, decimals = match.group(1).replace(".", ","), match.group(2)
        return f"{whole}.{decimals}" if decimals else whole

    return _ITALIAN_NUMBER.sub(english, text)


Rule = Callable[[str], str]

RULES: dict[str, Rule] = {
    "said": lambda text: _SAID.sub("said", text),
    "passato prossimo": lambda text: _PERFECT.sub(_past, text),
    "the before countries": lambda text: pivot_forms.the_country(_THE_COUNTRY.sub(r"\1 the \2", text)),
    "quote spacing": lambda text: _QUOTE_SPACE.sub(r"\1\2", text),
    "lexicon": lambda text: _LEXICON_RE.sub(lambda m: _LEXICON[m.group(1)], text),
    "spanish left": lambda text: _SPANISH_LEFT_RE.sub(lambda m: _SPANISH_LEFT[m.group(1)], text),
    "word choice": lambda text: _AMONG_TWO.sub(lambda m: "Between" if m.group(1) == "A" else "between",
                                               _WORD_CHOICE_RE.sub(lambda m: _WORD_CHOICE[m.group(1)], text)),
    "phrases": lambda text: _PHRASES_RE.sub(lambda m: _PHRASES[m.group(1)], text),
    "on weekday": lambda text: _WEEKDAY.sub(_on_weekday, text),
    "digits": _english_digits,
    "the before figures": lambda text: _THE_FIGURE.sub(r"\1", text),
    "dates": _dates,
    "the before generic nouns": lambda text: _GENERIC.sub(
        lambda m: m.group(2).capitalize() if m.group(1) == "T" else m.group(2), text),
    "idioms": _idioms,
    "who": pivot_grammar.who,
    "which": lambda text: re.sub(r", that (is|was|has|have|are|were)\b", r", which \1", text),
    "which after a thing": pivot_grammar.which_after_thing,
    "their (loro)": pivot_marks.their,
    "the before institutions": pivot_grammar.the_institution,
    "age before the noun": pivot_grammar.age_before_noun,
    "age words (-enne)": pivot_grammar.age_words,
    "age apposition": pivot_grammar.age_apposition,
    "should (dovrebbe)": pivot_grammar.should,
    "impersonal si": pivot_marks.impersonal,
    "anyone (chiunque)": pivot_grammar.anyone,
    "apertium tags": pivot_grammar.without_tags,
    "adjective first": pivot_grammar.adjective_first,
    "negation": pivot_negation.negation,
    "of + gerund": pivot_negation.of_gerund,
    "adverb before the verb": pivot_negation.adverb_before_verb,
    "ordinals": pivot_forms.ordinals,
    "rates (all'ora)": pivot_forms.rates,
    "article + possessive": pivot_forms.article_possessive,
    "what (ciò che)": pivot_forms.what,
    "those who + plural": pivot_forms.those_who,
    "take place (tener lugar)": pivot_forms.take_place,
    "really, tell me": pivot_forms.really,
    "capital after a pronoun": pivot_forms.sentence_capital,
    "my for mine": pivot_forms.my,
    "day first": pivot_forms.day_first,
    "quake, county": pivot_forms.quake_and_county,
    "at a time": pivot_forms.at_time,
    "evening, under way": pivot_forms.evening_and_under_way,
    "because (perché)": pivot_forms.because,
    "so (così)": pivot_forms.so_adjective,
    "manage, refer to": pivot_forms.manage_and_refer,
    "into (entrare in)": pivot_forms.into,
}


# The it->es stage drops `%` (`il 10% della` -> `el #10 de la`); Italian's own words for it
# come through (`por ciento` -> `percent`, as English news writes it).
_PERCENT_SIGN = re.compile(r"(\d)\s?%")


# `da` with an article (`dall'Ohio`, `dal 2010`), or before a name or `un` (`da Luca`, `da un
# paziente`), becomes Spanish `de`, and English `of`: as `a partire da` it comes out `from`.
# Not after a past participle (`ucciso dalla polizia`: `by`, which the pivot gets), in `da
# parte di` (`by`), after `fuori` (`out of`), nor for a time (`da un anno`: `for a year`).
_FROM = re.compile(r"(?<!\w)([Dd])(al|alla|allo|ai|agli|alle|all['’]"
                   r"|a(?= (?!(?:un|una|uno) (?:anno|mese|settimana|giorno|ora|decennio|secolo|po)\b)"
                   r"(?:[A-Z]|un |una |uno )))(?=\s|(?<=['’]))")
_AGENT_BEFORE = re.compile(r"(?:at[oaie]|ut[oaie]|it[oaie]|ess[oaie]|tt[oaie]|st[oaie]|s[oaie]|parte|lontan[oaie]"
                           r"|fuori|indipendentemente)$")  # `fuori dall'Europa`: `out of`


def _from(match: re.Match[str]) -> str:
    """`dall'` -> `a partire dall'` unless the word before makes it the agent."""
    before = match.string[: match.start()].split()[-1:]
    if before and _AGENT_BEFORE.search(before[0].lower()):
        return match.group(0)
    return ("A partire d" if match.group(1) == "D" else "a partire d") + match.group(2)


# Local news writes thousands as `3mila`, `1,5mila`, which the pivot leaves as they are
# (`*3*mila euros`, a figure the check then misses): as Italian digits they come out `3,000`.
_MILA = re.compile(r"\b(\d{1,3})(?:,(\d{1,3}))?\s?mila\b")


def _thousands(match: re.Match[str]) -> str:
    """`3mila` -> `3.000`, `1,5mila` -> `1.500` (Italian digit grouping)."""
    whole, fraction = match.group(1), (match.group(2) or "")[:3]
    return f"{int(whole + fraction.ljust(3, '0')):,}".replace(",", ".")


PRE_EDITS: dict[str, Rule] = {
    "percent sign": lambda text: _PERCENT_SIGN.sub(r"\1 per cento", text),
    "da as from": lambda text: _FROM.sub(_from, text),
    "mila": lambda text: _MILA.sub(_thousands, text),
    "loro marked": pivot_marks.mark_their,
    "impersonal si marked": pivot_marks.mark_impersonal,
    "io before first person": italian_pre_edits.first_person_subject,
    "venire passive as essere": italian_pre_edits.venire_passive,
    "essere compounds as avere": italian_pre_edits.essere_as_avere,
    "plural loanwords": italian_pre_edits.plural_loanwords,
    "quel che for what": italian_pre_edits.quel_che,
}


def pre_edit(text: str, skip: Sequence[str] = ()) -> str:
    """The Italian as the pivot translates it best: `10%` -> `10 per cento`, `dal` -> `a
    partire dal`, `3mila` -> `3.000`, possessive `loro` marked; `skip` as in post_edit."""
    for label, edit in PRE_EDITS.items():
        if label not in skip:
            text = edit(text)
    return text


def post_edit(text: str, skip: Sequence[str] = ()) -> str:
    """The English with the pivot's known errors mended; `skip` names rules to leave out
    (the benchmark's ablation). A pre-edit's mark never stays, even with its rule skipped."""
    for label, rule in RULES.items():
        if label not in skip:
            text = rule(text)
    return pivot_marks.remove_marks(text)
