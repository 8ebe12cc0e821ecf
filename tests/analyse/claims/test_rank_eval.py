"""The local-news claims gold: the dev split meets issue #12's targets (key claims in their
article's top five, speakers right), and the scorer counts what it says it counts."""

from __future__ import annotations

import pytest

from lettore.analyse.claims.rank_eval import DEFAULT_GOLD, evaluate, same_speaker
from tests.locations import SHARED_DATA

LOCALNEWS = SHARED_DATA / "localnews"


def test_same_speaker_accepts_a_short_form_and_no_other_name() -> None:
    assert same_speaker("Morisi", ["Andrea Morisi"])
    assert same_speaker("uno dei titolari", ["uno dei titolari", "il titolare"])
    assert not same_speaker("Formica", ["Andrea Morisi"])
    assert not same_speaker(None, ["Andrea Morisi"])


@pytest.mark.skipif(not LOCALNEWS.is_dir(), reason="shared data not laid out beside the checkout")
def test_dev_gold_targets() -> None:
    scores = evaluate("dev", DEFAULT_GOLD, LOCALNEWS)
    print(scores)
    assert scores.key_claims >= 30 and scores.speakers >= 20
    assert scores.top_share >= 0.8
    assert scores.speaker_accuracy >= 0.9
    assert scores.spurious_speakers <= 2
    assert scores.shown_share < 0.5  # the panel opens on far fewer sentences than there are
