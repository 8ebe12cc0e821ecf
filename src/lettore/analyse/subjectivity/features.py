"""Hashed word and character n-gram features for the subjectivity classifier.

Pure Python and deterministic (CRC32, not `hash()`), so training and run time see the
very same feature indices without scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib

DIMENSIONS = 1 << 18
_WORD = re.compile(r"\w+|[!?%€$\"«»“”]", re.UNICODE)
# Cues of opinion (first person, modals, intensifiers...) and of reporting (figures,
# quotes); they fire as whole-sentence features beside the n-grams.
_CUES = {
    "p1": r"\b(io|mi|mio|mia|miei|mie|noi|ci|nostr[oaie]|siamo|abbiamo|credo|penso)\b",
    "p2": r"\b(tu|voi|vostr[oaie]|ti|vi)\b",
    "cond": r"\b\w+(rebbe|rebbero|remmo|rei)\b",
    "modal": r"\b(deve|devono|dovrebbe|dovrebbero|bisogna|occorre|necessario|dobbiamo)\b",
    "intens": r"\b(molto|troppo|davvero|assolutamente|certo|certamente|sempre|mai|proprio|"
    r"persino|addirittura|ovviamente|insomma|dunque|purtroppo|forse|magari|anzi|però|"
    r"comunque|tanto|peggio|meglio|peggiore|migliore)\b",
    "superlative": r"\b\w+issim[oaie]\b",
    "exclaim": r"!",
    "question": r"\?",
    "digit": r"\d",
    "quote": r"[\"]",
    "colon": r":",
    "opener": r"^(e|ma|insomma|già|eppure|anche)\b",
}
_CUE_RES = {name: re.compile(pattern) for name, pattern in _CUES.items()}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


def normalise(text: str) -> str:
    """Lower-case, NFC and plain quotes, so typography does not split features."""
    return unicodedata.normalize("NFC", text).translate(_QUOTES).lower()


def _grams(text: str, word_n: int, char_min: int, char_max: int) -> list[str]:
    """Feature strings: word 1..word_n-grams and char n-grams inside word boundaries."""
    words = _WORD.findall(text)
    grams = [f"w:{w}" for w in words]
    for n in range(2, word_n + 1):
        grams.extend("w:" + " ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    for word in words:
        padded = f" {word} "
        for n in range(char_min, char_max + 1):
            grams.extend(f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return grams


def featurise(
    text: str, word_n: int = 1, char_min: int = 2, char_max: int = 5
) -> dict[int, float]:
    """Sparse L2-normalised vector {index: weight} with sublinear term frequencies."""
    counts: dict[int, int] = {}
    for gram in _grams(normalise(text), word_n, char_min, char_max):
        index = zlib.crc32(gram.encode("utf-8")) & (DIMENSIONS - 1)
        counts[index] = counts.get(index, 0) + 1
    vector = {i: 1.0 + math.log(c) for i, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    vector = {i: v / norm for i, v in vector.items()}
    for name, value in _cue_features(text).items():
        index = zlib.crc32(f"h:{name}".encode("utf-8")) & (DIMENSIONS - 1)
        vector[index] = vector.get(index, 0.0) + value
    return vector


def _cue_features(text: str) -> dict[str, float]:
    """Whole-sentence cues with unit scale, kept out of the n-gram normalisation."""
    lowered = normalise(text).strip()
    found = {name: 1.0 for name, cue in _CUE_RES.items() if cue.search(lowered)}
    words = len(_WORD.findall(lowered))
    found["length"] = min(words, 60) / 60
    if words < 8:
        found["short"] = 1.0
    return found
