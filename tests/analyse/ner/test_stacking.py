"""Second-stage cues: first-stage tags and how the same word was tagged nearby."""

from __future__ import annotations

from lettore.analyse.ner.stacking import stacked_cues


def test_own_and_neighbour_tags() -> None:
    cues = stacked_cues([["a", "Roma", "oggi"]], [["O", "B-LOC", "O"]], window=5)
    assert cues[0][1][:3] == ["s1=B-LOC", "s1p=O", "s1n=O"]
    assert "s1p=BOS" in cues[0][0] and "s1n=EOS" in cues[0][2]


def test_majority_label_from_other_sentences_only() -> None:
    tokens = [["Alinghi", "vince"], ["Alinghi", "perde"], ["Alinghi", "pareggia"], ["ieri"]]
    tags = [["B-ORG", "O"], ["B-ORG", "O"], ["B-PER", "O"], ["O"]]
    cues = stacked_cues(tokens, tags, window=5)
    assert "s1d=ORG" in cues[2][0] and "s1d|s1=ORG|PER" in cues[2][0]
    assert "s1d=mixed" in cues[0][0]  # the others are one ORG and one PER
    assert not any(c.startswith("s1d") for c in cues[3][0])


def test_window_bounds_the_article() -> None:
    tokens = [["Monti"], ["x"], ["x"], ["Monti"]]
    tags = [["B-PER"], ["O"], ["O"], ["O"]]
    assert not any(c.startswith("s1d") for c in stacked_cues(tokens, tags, window=1)[3][0])
    assert "s1d=PER" in stacked_cues(tokens, tags, window=3)[3][0]
