"""Document-level consistency fills in repeats of a tagged name, and nothing else."""

from __future__ import annotations

from lettore.analyse.ner.consistency import harmonise


def test_missed_repeat_gets_the_label() -> None:
    tokens = [["Il", "Milan", "vince"], ["Tifosi", "del", "Milan", "in", "festa"]]
    tags = [["O", "B-ORG", "O"], ["O", "O", "O", "O", "O"]]
    assert harmonise(tokens, tags)[1] == ["O", "O", "B-ORG", "O", "O"]


def test_repeat_gets_the_majority_label() -> None:
    tokens = [["Roma"], ["Roma"], ["Roma"], ["la", "Roma"]]
    tags = [["B-LOC"], ["B-LOC"], ["B-ORG"], ["O", "O"]]
    result = harmonise(tokens, tags)
    assert result[3] == ["O", "B-LOC"]
    assert tags[2] == ["B-ORG"]  # the input is not modified


def test_lowercase_and_glued_tokens_are_left_alone() -> None:
    tokens = [["via", "Roma"], ["via", "Roma", "Termini"], ["la", "via"]]
    tags = [["B-LOC", "I-LOC"], ["O", "O", "O"], ["O", "O"]]
    result = harmonise(tokens, tags)
    assert result[2] == ["O", "O"]


def test_minority_label_is_outvoted() -> None:
    tokens = [["Alinghi", "vince"], ["Alinghi", "perde"], ["Alinghi", "pareggia"]]
    tags = [["B-ORG", "O"], ["B-ORG", "O"], ["B-PER", "O"]]
    assert [t[0] for t in harmonise(tokens, tags)] == ["B-ORG"] * 3


def test_window_limits_what_counts_as_the_same_article() -> None:
    tokens = [["Monti", "parla"], ["oggi"], ["oggi"], ["Monti", "tace"]]
    tags = [["B-PER", "O"], ["O"], ["O"], ["O", "O"]]
    assert harmonise(tokens, tags, window=1)[3] == ["O", "O"]
    assert harmonise(tokens, tags, window=3)[3] == ["B-PER", "O"]
