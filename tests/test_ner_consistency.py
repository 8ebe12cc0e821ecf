"""Document-level consistency fills in repeats of a tagged name, and nothing else."""

from __future__ import annotations

from lettore.analyse.ner.consistency import harmonise


def test_missed_repeat_gets_the_label() -> None:
    tokens = [["Il", "Milan", "vince"], ["Tifosi", "del", "Milan", "in", "festa"]]
    tags = [["O", "B-ORG", "O"], ["O", "O", "O", "O", "O"]]
    assert harmonise(tokens, tags)[1] == ["O", "O", "B-ORG", "O", "O"]


def test_majority_label_and_existing_tags_are_kept() -> None:
    tokens = [["Roma"], ["Roma"], ["Roma"], ["la", "Roma"]]
    tags = [["B-LOC"], ["B-LOC"], ["B-ORG"], ["O", "O"]]
    result = harmonise(tokens, tags)
    assert result[:3] == tags[:3]
    assert result[3] == ["O", "B-LOC"]


def test_lowercase_and_glued_tokens_are_left_alone() -> None:
    tokens = [["via", "Roma"], ["via", "Roma", "Termini"], ["la", "via"]]
    tags = [["B-LOC", "I-LOC"], ["O", "O", "O"], ["O", "O"]]
    result = harmonise(tokens, tags)
    assert result[2] == ["O", "O"]
