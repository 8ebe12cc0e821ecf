"""Hashed word and character n-gram features for the subjectivity classifier.

Pure Python and deterministic (CRC32, not `hash()`), so training and run time see the
very same feature indices without scikit-learn at run time.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import lru_cache

import numpy as np

DIMENSIONS = 1 << 18
WORD = re.compile(r"\w+|[!?%€$\"«»“”]", re.UNICODE)
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


def words(text: str) -> list[str]:
    """The normalised word (and quote/punctuation) tokens of a text."""
    return WORD.findall(normalise(text))


def _index(gram: str) -> int:
    """The hashed feature index of one feature string."""
    return zlib.crc32(gram.encode("utf-8")) & (DIMENSIONS - 1)


@lru_cache(maxsize=1 << 16)
def _word_indices(word: str, char_min: int, char_max: int) -> np.ndarray:
    """Indices of a word and of its char n-grams inside word boundaries; words repeat
    (Zipf), so caching them makes most sentences cost a few array operations."""
    padded = f" {word} "
    grams = [f"w:{word}"]
    for n in range(char_min, char_max + 1):
        grams.extend(f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return np.fromiter((_index(g) for g in grams), dtype=np.int64, count=len(grams))


def feature_arrays(
    text: str, word_n: int = 1, char_min: int = 2, char_max: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """(indices, values): L2-normalised sublinear n-gram counts, then the sentence cues
    (an index may repeat; a linear model sums repeats)."""
    words = WORD.findall(normalise(text))
    parts = [_word_indices(word, char_min, char_max) for word in words]
    for n in range(2, word_n + 1):
        grams = [_index("w:" + " ".join(words[i : i + n])) for i in range(len(words) - n + 1)]
        parts.append(np.array(grams, dtype=np.int64))
    indices, counts = np.unique(np.concatenate(parts) if parts else np.zeros(0, np.int64), return_counts=True)
    values = 1.0 + np.log(counts)
    norm = float(np.sqrt(values @ values)) or 1.0
    cues = _cue_features(text)
    cue_indices = np.array([_index(f"h:{name}") for name in cues], dtype=np.int64)
    cue_values = np.array(list(cues.values()), dtype=np.float64)
    return np.concatenate([indices, cue_indices]), np.concatenate([values / norm, cue_values])


def featurise(
    text: str, word_n: int = 1, char_min: int = 2, char_max: int = 5
) -> dict[int, float]:
    """The same features as a sparse {index: weight} dict (repeats summed), for training."""
    vector: dict[int, float] = {}
    for index, value in zip(*feature_arrays(text, word_n, char_min, char_max), strict=True):
        vector[int(index)] = vector.get(int(index), 0.0) + float(value)
    return vector


def _cue_features(text: str) -> dict[str, float]:
    """Whole-sentence cues with unit scale, kept out of the n-gram normalisation."""
    lowered = normalise(text).strip()
    found = {name: 1.0 for name, cue in _CUE_RES.items() if cue.search(lowered)}
    words = len(WORD.findall(lowered))
    found["length"] = min(words, 60) / 60
    if words < 8:
        found["short"] = 1.0
    return found
