"""Feature extraction: shapes, sentence position, context windows and gazetteer matches."""

from __future__ import annotations

import pytest

from lettore.analyse.ner.features import FeatureExtractor, short_shape, word_shape
from lettore.analyse.ner.lexicon import Lexicon, load_lexicon


@pytest.mark.parametrize(
    ("word", "shape", "short"),
    [("T-62", "X-dd", "X-d"), ("Roma", "Xxxx", "Xx"), ("ONU", "XXX", "X"), ("dell'", "xxxx'", "x'")],
)
def test_shapes(word: str, shape: str, short: str) -> None:
    assert word_shape(word) == shape
    assert short_shape(word) == short


def _lexicon() -> Lexicon:
    lexicon = Lexicon()
    lexicon.add_name("Stati Uniti", "COUNTRY")
    lexicon.add_name("Stati Uniti d'America", "COUNTRY")
    lexicon.add_name("Roma", "ITCITY")
    lexicon.clusters = {"Roma": "3,17", "a": "1,2"}
    lexicon.caps = {"roma": "cap", "la": "low"}
    return lexicon


def test_sentence_initial_capital_is_marked_apart() -> None:
    feats = FeatureExtractor(_lexicon()).sentence(["La", "Roma", "vince"])
    assert "BOS" in feats[0] and "first&T" in feats[0]
    assert "BOS" not in feats[1] and "title" in feats[1]
    assert "cap=low" in feats[0] and "title&cap=cap" in feats[1]
    assert "EOS" in feats[2]


def test_context_window_features() -> None:
    feats = FeatureExtractor(_lexicon()).sentence(["vive", "a", "Roma", "oggi"])
    roma = feats[2]
    assert "-1w=a" in roma and "-2w=vive" in roma and "+1w=oggi" in roma
    assert "-1w|w=a|roma" in roma
    assert "c0=3" in roma and "c1=17" in roma and "-1c=1" in roma
    assert "c=none" in feats[3]


def test_gazetteer_prefers_the_longest_match() -> None:
    tokens = ["negli", "Stati", "Uniti", "d'", "America", "."]
    feats = FeatureExtractor(_lexicon()).sentence(tokens)
    assert "g:COUNTRY=Bn" in feats[1]
    assert "g:COUNTRY=In" in feats[4]
    assert not any(f.startswith("g:") for f in feats[5])
    assert "+1g:COUNTRY=Bn" in feats[0]


def test_gazetteer_is_case_sensitive() -> None:
    feats = FeatureExtractor(_lexicon()).sentence(["la", "roma", "antica"])
    assert not any(f.startswith("g:") for f in feats[1])


def test_lexicon_round_trip(tmp_path) -> None:
    path = tmp_path / "lexicon.pack"
    _lexicon().save(path)
    loaded = load_lexicon(path)
    assert loaded.gazetteer["Stati Uniti"] == "COUNTRY"
    assert tuple(loaded.lengths["Stati"]) == (4, 2)
    assert tuple(loaded.lengths["Roma"]) == (1,)  # a one-word name: not stored, given back
    assert loaded.lengths.get("Uniti") is None and "Uniti" not in loaded.lengths
    assert loaded.cluster_ids("Roma") == ("3", "17")
    assert loaded.caps["roma"] == "cap"
