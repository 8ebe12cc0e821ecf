"""Whole-sentence linguistic cues of opinion and of reporting, as a dense vector.

Person, mood (conditional, subjunctive), modals, intensifiers, evaluative words,
comparison, negation, punctuation, length and the share of figures and capitalised
names; NewsSD-ITA is too small for n-grams alone to learn these.
"""

from __future__ import annotations

import math
import re

import numpy as np

from lettore.analyse.subjectivity.features import WORD, normalise


def _words(*alternatives: str) -> re.Pattern[str]:
    """A whole-word alternation."""
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b")


_CUES: dict[str, re.Pattern[str]] = {
    "p1": _words("io", "mi", "me", "mio", "mia", "miei", "mie", "noi", "ci", "ce", r"nostr[oaie]", "sono",
                 "siamo", "abbiamo", "ho", "credo", "penso", "ritengo", r"\w+iamo"),
    "p2": _words("tu", "voi", r"vostr[oaie]", "ti", "vi", "te", "sei", "siete", "avete", "hai"),
    "cond": re.compile(r"\b\w+(rebbe|rebbero|remmo|rei|resti|reste)\b"),
    "subj": re.compile(r"\b(\w+(asse|essi|esse|isse|assero|essero|issero)|sia|siano|abbia|abbiano|fosse|"
                       r"fossero|possa|possano|debba)\b"),
    "modal": _words("deve", "devono", "dovrebbe", "dovrebbero", "bisogna", "occorre", "necessario", "dobbiamo",
                    "può", "possono", "potrebbe", "potrebbero", "serve", "servirebbe", "va", "andrebbe"),
    "intens": _words("molto", "troppo", "davvero", "assolutamente", "certo", "certamente", "sempre", "mai",
                     "proprio", "persino", "perfino", "addirittura", "ovviamente", "insomma", "dunque",
                     "purtroppo", "forse", "magari", "anzi", "però", "comunque", "tanto", "tanta", "tanti",
                     "tante", "così", "piuttosto", "soprattutto", "evidentemente", "chiaramente",
                     "semplicemente", "neppure", "nemmeno", "neanche", "già", "ancora", "solo", "soltanto",
                     "appena"),
    "compar": _words("più", "meno", "meglio", "peggio", "peggiore", "migliore", "peggiori", "migliori",
                     "maggiore", "minore"),
    "superl": re.compile(r"\b\w+issim[oaie]\b"),
    "mente": re.compile(r"\b\w{3,}mente\b"),
    "neg": _words("non", "né", r"nessun[oa]?", "niente", "nulla", "mai"),
    "eval": _words("grave", "gravi", r"drammatic[oaie]|drammaticamente", r"assurd[oaie]", r"incredibil[ei]",
                   r"vergogn\w*", r"scandal\w*", r"tragic[oaie]", r"terribil[ei]", r"orribil[ei]",
                   r"straordinari[oaie]", r"enorm[ei]", r"bell[oaie]", r"brutt[oaie]", r"buon[oaie]?",
                   r"cattiv[oaie]", r"giust[oaie]", r"sbagliat[oaie]", r"ingiust\w*", r"inaccettabil[ei]",
                   r"vergognos[oaie]", r"ridicol[oaie]", r"folli[ae]?|follia", r"pazz[oaie]", r"ipocri\w*",
                   r"menzogn\w*", "falsità", "vero", "vera", "veri", "vere", "verità", "importante",
                   "importanti", r"fondamental[ei]", r"necessari[oaie]", r"inutil[ei]", "utile", "utili",
                   r"difficil[ei]", r"facil[ei]", r"pericolos[oaie]", r"preoccupant[ei]", r"disastr\w*",
                   "fallimento", "successo", "record", "storico", "storica", r"paradoss\w*", "polemica",
                   "polemiche", "crisi", "rischio", "caos", "colpa", "colpe", "responsabilità", "problema",
                   "problemi", r"speranz\w*", "paura", "sogno", "incubo", "dolore", "rabbia", "odio", "amore",
                   r"vittim[ae]"),
    "report": _words("ha detto", "ha dichiarato", "ha spiegato", "ha affermato", "ha aggiunto", "ha annunciato",
                     "ha riferito", "spiega", "afferma", "dichiara", "secondo", "riferisce", "riporta",
                     "annuncia", "ha sottolineato", "sottolinea", "conferma", "ha confermato", "dice",
                     "ha precisato"),
    "time": _words("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "gennaio",
                   "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                   "ottobre", "novembre", "dicembre", "ieri", "oggi", "domani", "mattina", "sera",
                   "pomeriggio", "notte", "anni", "anno", "ore"),
    "opener": re.compile(r"^(e|ma|insomma|già|eppure|anche|certo|però|se|come|perché|forse|ecco|del resto|"
                         r"in realtà|non)\b"),
    "exclaim": re.compile(r"!"),
    "question": re.compile(r"\?"),
    "ellipsis": re.compile(r"\.\.\.|…"),
    "quote_start": re.compile(r'^\s*"'),
    "quote": re.compile(r'"'),
    "colon_end": re.compile(r":\s*$"),
    "colon": re.compile(r":"),
    "paren": re.compile(r"\("),
    "dash": re.compile(r"\s[-–—]\s"),
}
_RAW_WORD = re.compile(r"\w+")
CUE_NAMES: tuple[str, ...] = (*_CUES, "len", "loglen", "short", "long", "digit_ratio", "cap_ratio",
                              "comma_ratio", "avg_wlen", "no_final_stop")


def cue_vector(text: str) -> np.ndarray:
    """The cues of one sentence, each scaled to about [0, 1], in CUE_NAMES order."""
    raw = text.strip()
    lowered = normalise(raw)
    words = WORD.findall(lowered)
    count = max(len(words), 1)
    values = [min(len(cue.findall(lowered)), 3) / 3 for cue in _CUES.values()]
    raw_words = _RAW_WORD.findall(raw)
    capitals = sum(1 for i, word in enumerate(raw_words) if i > 0 and word[:1].isupper())
    digits = sum(1 for word in raw_words if any(ch.isdigit() for ch in word))
    values += [
        min(count, 60) / 60,
        math.log1p(count) / 4,
        float(count < 8),
        float(count > 40),
        digits / count,
        capitals / count,
        raw.count(",") / count,
        sum(len(word) for word in words) / len(words) / 10 if words else 0.0,
        float(not raw.endswith(".")),
    ]
    return np.array(values, dtype=np.float64)
