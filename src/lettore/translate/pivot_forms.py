"""Italian forms the it->es->en pivot carries into English word for word, in English form.

`il 25º minuto` keeps its `º`; `85 miglia all'ora` comes out `85 miles to the hour`; `del suo
staff` `of the his staff` (Italian puts the article before a possessive, English does not);
`ciò che` `this that` (English `what`); `chi lavora` `those who works` (Italian `chi` takes a
singular verb, English `those who` a plural one). Measured on NTREX dev by benchmarks/bench_names.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL = re.compile(rf"\b(\d+)[º°ª](?:(?= (?:{_MONTHS})\b)|(?!\w))")


def ordinal(number: int) -> str:
    """21 -> `21st`, 12 -> `12th`, 63 -> `63rd`."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinals(english: str) -> str:
    """`the 63º birthday` -> `the 63rd birthday`; a date's `1º October` -> `1 October`."""
    if not any(mark in english for mark in "º°ª"):
        return english

    def english_ordinal(match: re.Match[str]) -> str:
        after = english[match.end():]
        return match.group(1) if re.match(rf" (?:{_MONTHS})\b", after) else ordinal(int(match.group(1)))

    return _ORDINAL.sub(english_ordinal, english)


# `all'ora`, `al giorno`, `all'anno` after a quantity: `miles to the hour` -> `miles per hour`.
_RATE = re.compile(r"(?<=\w) to the (hour|day|week|month|year)\b(?! (?:of|when|before|after|that|in which)\b)")


def rates(english: str) -> str:
    """`85 miles to the hour` -> `85 miles per hour`, `four days to the week` -> `four days a week`."""
    def rate(match: re.Match[str]) -> str:
        before = english[: match.start()].split()[-3:]
        if not any(word[:1].isdigit() or word.lower() in _NUMBER_WORDS for word in before):
            return match.group(0)  # not after a quantity (`stayed to the day`)
        return (" a " if match.group(1) in ("day", "week", "month", "year") else " per ") + match.group(1)

    return _RATE.sub(rate, english) if " to the " in english else english


_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                           "eleven", "twelve", "twenty", "hundred", "thousand", "million", "billion", "once",
                           "twice", "times"})

# `il suo`, `del loro`: Italian's article before a possessive, which Spanish and English drop.
_ARTICLE_POSSESSIVE = re.compile(r"\b([Tt])he (his|her|its|their|my|our|your)\b")


def article_possessive(english: str) -> str:
    """`a member of the his staff` -> `a member of his staff`."""
    return _ARTICLE_POSSESSIVE.sub(lambda m: m.group(2).capitalize() if m.group(1) == "T" else m.group(2), english)


# `ciò che` -> Spanish `esto que` -> `this that`: English `what`; `tutto quello che` -> `all
# the one who`: `all that`. Not in a cleft (`it is on this that we work`, `è su questo che`).
_WHAT = re.compile(r"(?<!\bis )(?<!\bwas )(?<!\bon )(?<!\bin )(?<!\bfor )(?<!\bwith )(?<!\babout )\b([Tt])his that\b")
_ALL_THAT = re.compile(r"\b([Aa])ll (?:the one who|what)\b")


def what(english: str) -> str:
    """`this that happened` -> `what happened`, `all the one who we did` -> `all that we did`."""
    if "his that" in english:
        english = _WHAT.sub(lambda m: "What" if m.group(1) == "T" else "what", english)
    if "ll the one who" in english or "ll what" in english:
        english = _ALL_THAT.sub(lambda m: m.group(1) + "ll that", english)
    return english


# `chi lavora` -> `those who works`: the verb in the plural (`work`, `have`, `are`, `were`).
_THOSE_WHO = re.compile(r"\b([Tt]hose who) ([a-z]+)\b")
_PLURAL_OF = {"is": "are", "has": "have", "was": "were", "does": "do"}


@lru_cache(maxsize=2048)
def _plural_verb(verb: str) -> str | None:
    """The plural present of a third-person singular verb (`works` -> `work`), else None."""
    if verb in _PLURAL_OF:
        return _PLURAL_OF[verb]
    if not verb.endswith("s"):
        return None
    from lemminflect import getAllLemmas, getInflection  # lazy on purpose: loads its English tables

    for lemma in getAllLemmas(verb).get("VERB", ()):
        if verb in getInflection(lemma, "VBZ"):
            return lemma
    return None


def those_who(english: str) -> str:
    """`those who works` -> `those who work`, `those who has` -> `those who have`."""
    def plural(match: re.Match[str]) -> str:
        verb = _plural_verb(match.group(2))
        return f"{match.group(1)} {verb}" if verb else match.group(0)

    return _THOSE_WHO.sub(plural, english) if "hose who" in english else english


# Spanish `tener lugar` (`avvenire`, `aver luogo`) comes out `give place`: English `take place`.
_TAKE_PLACE = {"give": "take", "gives": "takes", "gave": "took", "given": "taken", "giving": "taking"}
_GIVE_PLACE = re.compile(r"\b(?:(is|was|would be|could be|might be)( not)? )?(give|gives|gave|given|giving) place\b")


def take_place(english: str) -> str:
    """`the attack gave place yesterday` -> `took place`, `is (not) given place` -> `took
    place` (`did not take place`), the pivot's passive of Italian `è avvenuto`."""
    def take(match: re.Match[str]) -> str:
        auxiliary, negated, verb = match.groups()
        if auxiliary == "is":
            return "did not take place" if negated else "took place"
        if auxiliary == "was":
            return "had not taken place" if negated else "had taken place"
        if auxiliary:
            return f"{auxiliary.split()[0]}{negated or ''} have taken place"
        return f"{_TAKE_PLACE[verb]} place"

    return _GIVE_PLACE.sub(take, english) if " place" in english else english


# Spanish `de verdad` (Italian `davvero`) comes out `for real` before what it qualifies (`not
# for real blind`): English `really`. Kept at a clause's end, where `for real` is English.
_FOR_REAL = re.compile(r"\bfor real\b(?= [A-Za-z])")
# Italian `dire` + clitic (`dirmi`, `per dirgli`) comes out `say me`: English `tell me`.
_SAY_TO = re.compile(r"\b(say|says|saying)( (?:me|him|her|us|them)\b)")
_TELL = {"say": "tell", "says": "tells", "saying": "telling"}


def really(english: str) -> str:
    """`the bats are not for real blind` -> `not really blind`, `to say me` -> `to tell me`."""
    english = _FOR_REAL.sub("really", english) if "for real" in english else english
    return _SAY_TO.sub(lambda m: _TELL[m.group(1)] + m.group(2), english) if "say" in english else english


# A sentence the second stage starts with its verb gets a pronoun before it but keeps the
# capital on the verb (`: "it Is alarming`): the capital moves to the pronoun.
_PRONOUN_CAPITAL_VERB = re.compile(r"((?:^|[.!?:]\s*[“\"‘«]?|[“\"‘«]))(it|he|she|they|we) ([A-Z])([a-z]+)\b")


def sentence_capital(english: str) -> str:
    """`Rogers: "it Is a counter` -> `Rogers: "It is a counter`."""
    def move(match: re.Match[str]) -> str:
        before, pronoun, first, rest = match.groups()
        return f"{before}{pronoun.capitalize()} {first.lower()}{rest}"

    return _PRONOUN_CAPITAL_VERB.sub(move, english)


# Countries English names with `the`; the pivot drops it where Italian's article went with
# the protected name (`gli USA dovrebbero` -> `United States should`). postedit adds it after
# a preposition; here at a sentence's start, after a comma and after a conjunction.
_COUNTRY = re.compile(r"(?<![\w-])(United States|United Kingdom|Netherlands|Philippines|United Arab Emirates"
                      r"|Czech Republic|Dominican Republic|Central African Republic)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]|:\s*[“\"‘«])[\s“\"‘«(]*$")
_CONJUNCTIONS = frozenset({"between", "that", "than", "while", "if", "because", "when", "since", "after", "before",
                           "against", "like", "about", "over", "under", "into", "through", "or", "but", "as",
                           "whether", "where", "also", "both"})


def the_country(english: str) -> str:
    """`United States should` -> `The United States should`, `between United Kingdom` -> `between the
    United Kingdom`; not after a noun (`the senator United States`, Italian `statunitense`)."""
    def article(match: re.Match[str]) -> str:
        before = english[: match.start()]
        if _SENTENCE_START.search(before):
            return "The " + match.group(1)
        words = before.split()
        if before.rstrip().endswith(",") or (words and words[-1] in _CONJUNCTIONS):
            return "the " + match.group(1)
        return match.group(0)

    named = any(word in english for word in ("United", "Republic", "Netherlands", "Philippines"))
    return _COUNTRY.sub(article, english) if named else english


# Italian `il mio`, `della mia` -> Spanish `el mío`, `de la mía` -> `mine`: before a noun
# English says `my` (`of mine loyalty` -> `of my loyalty`). Not after `a` or `other` (`a
# friend of mine` in Italian order: `un mio amico`), nor before what cannot be a noun.
_STRESSED_POSSESSIVE = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bother )(?<!\bone )\b(?:([Tt])he )?([Mm]ine|[Yy]ours|[Oo]urs)"
    r" (?!(?:and|or|is|are|was|were|too|as|of|to|in|for|that|which|who|but)\b)(?=[a-z0-9])")
_WEAK = {"mine": "my", "yours": "your", "ours": "our"}


def my(english: str) -> str:
    """`speaking of mine loyalty` -> `speaking of my loyalty`, `the mine staff` -> `my staff`."""
    def weak(match: re.Match[str]) -> str:
        the, stressed = match.groups()
        word = _WEAK[stressed.lower()]
        capital = (the or stressed)[0].isupper()
        return (word.capitalize() if capital else word) + " "

    return _STRESSED_POSSESSIVE.sub(weak, english) if any(w in english for w in ("ine ", "ours ")) else english


# Italian's `di` + day after a noun (`il comizio di sabato`, `la notte di venerdì`) comes out
# `the rally of Saturday`: English puts the day first (`Saturday's rally`, `Friday night`).
_DAY_WORDS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight"
_OF_DAY = re.compile(rf"\b(?:([Ii]n|[Dd]uring) )?([Tt])he ([a-z]+) of (?:the )?({_DAY_WORDS})\b"
                     r"(?!['’]| (?:morning|afternoon|evening|night)\b)")
_PART_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_NOT_POSSESSED = frozenset({"start", "end", "beginning", "middle", "rest", "course", "hours", "one", "day", "half"})


def day_first(english: str) -> str:
    """`the rally of Saturday` -> `Saturday's rally`, `in the night of Friday` -> `on Friday
    night`, `during the day of Monday` -> `on Monday`."""
    def first(match: re.Match[str]) -> str:
        preposition, the, noun, day = match.groups()
        if noun in _NOT_POSSESSED and noun != "day":
            return match.group(0)
        if noun == "day" or noun in _PART_OF_DAY:
            when = day if noun == "day" else f"{day} {noun}"
            if preposition:  # `nella notte di venerdì`: `on Friday night`
                return ("On " if preposition[0].isupper() else "on ") + when
            return when.capitalize() if the == "T" else when
        return (f"{preposition} " if preposition else "") + (day.capitalize() if the == "T" else day) + f"'s {noun}"

    return _OF_DAY.sub(first, english) if " of " in english else english


# `un terremoto di magnitudo 7,5` -> `an earthquake of magnitude 7.5`: English `a magnitude 7.5 earthquake`.
_QUAKE = re.compile(r"\b([Aa]n?|[Tt]he) (earthquake|quake|tremor)(s?) of magnitude (\d+(?:\.\d+)?)\b")
# `la contea di Pinellas` -> `the county of Pinellas`: English `Pinellas County`.
_COUNTY = re.compile(r"\b[Tt]he county of ((?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+)")


def quake_and_county(english: str) -> str:
    """`an earthquake of magnitude 7.5` -> `a magnitude 7.5 earthquake`, `the county of Pasco`
    -> `Pasco County`."""
    if "magnitude" in english:
        english = _QUAKE.sub(lambda m: ("A" if m.group(1)[0] == "A" else "a" if m.group(1)[0] == "a" else m.group(1))
                             + f" magnitude {m.group(4)} {m.group(2)}{m.group(3)}", english)
    return _COUNTY.sub(r"\1 County", english) if "county of" in english else english


# `alle 7.55` -> `to 7.55`: a time of day takes `at` (`at 7.55`); `alle 15.00 di giovedì` ->
# `at 15.00 on Thursday`. Not the end of a range (`from 9.00 to 12.00`).
_TO_TIME = re.compile(r"\b([Tt])o (?:the )?(\d{1,2}[.:]\d{2})\b"
                      r"(?!\s*(?:percent|per|%|million|billion|[a-z]*metres|km|miles|cm))")
_RANGE_START = re.compile(r"\b(?:from|between) (?:the )?\d{1,2}[.:]\d{2}\s*$")
_TIME_OF_DAY = re.compile(rf"\b(\d{{1,2}}[.:]\d{{2}}) of ({_DAY_WORDS})\b")


def at_time(english: str) -> str:
    """`found to 7.55` -> `found at 7.55`, `at 15.00 of Thursday` -> `at 15.00 on Thursday`."""
    def at(match: re.Match[str]) -> str:
        if _RANGE_START.search(english[: match.start()]):
            return match.group(0)
        return ("At " if match.group(1) == "T" else "at ") + match.group(2)

    if not any(ch.isdigit() for ch in english):
        return english
    return _TIME_OF_DAY.sub(r"\1 on \2", _TO_TIME.sub(at, english))


# Spanish `velada` (Italian `serata`) comes out `watched` where a noun stands: `evening`.
_WATCHED = re.compile(r"\b(?:(in) |(?<=\bthe )|(?<=\ba )|(?<=\bbig )|(?<=\bthis )|(?<=['’]s ))watched\b"
                      r"(?! (?:by|over|as|him|her|it|them|the|a|an)\b)")
# Italian `in corso` (under way) and `in corsa` (running): the pivot's `in course`.
_IN_COURSE = re.compile(r"\bin course (for|against)\b"
                        r"|\b(is|are|was|were)( still)? in course\b(?! (?:of|for|against)\b)")


def evening_and_under_way(english: str) -> str:
    """`on Monday in watched` -> `in the evening`, `the investigations are in course` -> `are
    under way`, `a candidate in course for` -> `running for`."""
    if "watched" in english:
        english = _WATCHED.sub(lambda m: "in the evening" if m.group(1) else "evening", english)
    if "in course" in english:
        english = _IN_COURSE.sub(lambda m: f"running {m.group(1)}" if m.group(1)
                                 else f"{m.group(2)}{m.group(3) or ''} under way", english)
    return english


# Italian `perché` -> Spanish `porque` -> `reason`: `because` (`why` in a question); a noun
# `reason` has a determiner or a complement (`the reason for`, `no reason to`).
_REASON = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bthat )(?<!\bno )(?<!\bfor )(?<!\bany )(?<!\bone )"
                     r"(?<!\bmain )(?<!\bgood )(?<!\bonly )(?<!\bsame )(?<!\bevery )(?<!['’]s )\b([Rr])eason\b"
                     r"(?! (?:for|why|to|of|behind|that|is|was|enough)\b|[,.;:!?])")
# `così` + adjective -> Spanish `así` -> `like this positive`: English `so positive`, `such a big`.
_LIKE_THIS = re.compile(r"\b(a )?like this ([a-z]+)\b")


def because(english: str) -> str:
    """`it looks odd reason it worked` -> `because it worked`; `Reason did he go?` -> `Why did he go?`."""
    if "eason" not in english:
        return english

    def conjunction(match: re.Match[str]) -> str:
        question = re.search(r"\?\W*$", english) is not None
        if match.group(1) == "R" and question and _SENTENCE_START.search(english[: match.start()]):
            return "Why"
        word = "why" if question and english[: match.start()].rstrip().endswith(("And", "and")) else "because"
        return word.capitalize() if match.group(1) == "R" else word

    return _REASON.sub(conjunction, english)


def so_adjective(english: str) -> str:
    """`to be like this positive` -> `to be so positive`, `a like this big impact` -> `such a big impact`."""
    if "like this" not in english:
        return english

    def so(match: re.Match[str]) -> str:
        article, word = match.groups()
        from lemminflect import getAllLemmas  # lazy on purpose: loads its English tables

        if word not in ("so", "much", "many", "few", "little") and not ({"ADJ", "ADV"} & set(getAllLemmas(word))):
            return match.group(0)
        if word == "so":
            return (article or "") + "so"
        return f"such a {word}" if article else f"so {word}"

    return _LIKE_THIS.sub(so, english)


# Spanish `conseguir`/`lograr` (Italian `riuscire a`) comes out `attain to`: `manage to`.
# `fare riferimento`, `fare appello` come out `do reference to`: `refer to`, `appeal to`.
_ATTAIN = re.compile(r"\battain(s|ed|ing)? to\b")
_MANAGE = {"": "manage", "s": "manages", "ed": "managed", "ing": "managing"}
_LIGHT_VERB = re.compile(r"\b(do|does|did|done|doing) (reference|appeal) to\b")
_LIGHT = {("reference", "do"): "refer", ("reference", "does"): "refers", ("reference", "did"): "referred",
          ("reference", "done"): "referred", ("reference", "doing"): "referring", ("appeal", "do"): "appeal",
          ("appeal", "does"): "appeals", ("appeal", "did"): "appealed", ("appeal", "done"): "appealed",
          ("appeal", "doing"): "appealing"}
_MADE_KNOWN = re.compile(r"\b(?:did|has done|have done) to know\b")


def manage_and_refer(english: str) -> str:
    """`did not attain to go in` -> `did not manage to go in`, `did reference to` -> `referred
    to`, `did to know that` -> `made it known that`."""
    if "attain" in english:
        english = _ATTAIN.sub(lambda m: _MANAGE[m.group(1) or ""] + " to", english)
    if "reference to" in english or "appeal to" in english:
        english = _LIGHT_VERB.sub(lambda m: _LIGHT[(m.group(2), m.group(1))] + " to", english)
    return _MADE_KNOWN.sub("made it known", english) if "to know" in english else english


# `entrare in` -> Spanish `entrar en` -> `go in in`: English `go into`.
_GO_IN_IN = re.compile(r"\b(go|goes|went|gone|going) in in\b")


def into(english: str) -> str:
    """`I went in in politics` -> `I went into politics`."""
    return _GO_IN_IN.sub(r"\1 into", english) if " in in " in english else english
