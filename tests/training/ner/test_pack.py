"""The shipped run-time files are what `training.ner.pack` writes from the training
outputs: the packed lexicon answers every look-up as the built lexicon does, and the
saved word types the tagger may read at once equal what it would compute itself."""

from __future__ import annotations

import numpy as np
import pytest
from training.ner.lexicon_json import LEXICON_SOURCE, read_json_lexicon

from lettore.analyse.ner.features import FeatureExtractor
from lettore.analyse.ner.lexicon import Lexicon, load_lexicon
from lettore.analyse.ner.scores import CompiledCRF
from lettore.analyse.ner.tagger import LEXICON_PATH, MODEL_PATH, net_path
from lettore.analyse.ner.window_net import WindowNet


@pytest.fixture(scope="module")
def built() -> Lexicon:
    return read_json_lexicon(LEXICON_SOURCE)


def test_shipped_lexicon_is_the_built_one(built: Lexicon) -> None:
    shipped = load_lexicon(LEXICON_PATH)
    assert dict(shipped.gazetteer) == built.gazetteer
    assert dict(shipped.caps) == built.caps
    assert dict(shipped.clusters) == built.clusters
    assert shipped.settings == built.settings
    assert {token: list(known) for token, known in shipped.lengths.items()} == built.lengths
    for word in ("Roma", "Stati", "Modena", "mai-visto", "", "roma"):
        assert shipped.lengths.get(word) == (tuple(built.lengths[word]) if word in built.lengths else None)


def test_packed_lexicon_gives_the_same_features(built: Lexicon) -> None:
    tokens = "Il sindaco di Castelvetro di Modena Mario Rossi ha incontrato la Croce Rossa a Stati Uniti .".split()
    assert FeatureExtractor(load_lexicon(LEXICON_PATH)).document([tokens]) == FeatureExtractor(built).document([tokens])


def test_saved_word_types_equal_weighing_them(built: Lexicon) -> None:
    warm = CompiledCRF.open(MODEL_PATH)
    warm._warm_start()
    words = sorted(warm._types, key=lambda word: warm._types[word][0])
    assert len(words) > 20_000
    cold = CompiledCRF.open(MODEL_PATH)
    cold._saved_types = None  # weigh every type itself
    cold.preload(FeatureExtractor(built), words)
    assert np.array_equal(warm._table[: len(words)], cold._table[: len(words)])


def test_saved_network_ids_equal_looking_them_up() -> None:
    net = WindowNet.open(net_path(MODEL_PATH))
    net._warm_start()
    saved = dict(net._ids)
    assert len(saved) > 20_000
    net.preload(list(saved))
    assert net._ids == saved


def test_network_was_trained_with_the_lexicon_cues() -> None:
    # The tagger hands the network its lexicon's cues instead of reading the network's copy.
    assert WindowNet.open(net_path(MODEL_PATH)).caps == dict(load_lexicon(LEXICON_PATH).caps)
