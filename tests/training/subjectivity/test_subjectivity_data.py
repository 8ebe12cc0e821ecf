"""Subjectivity training data: found from $LETTORE_SHARED_DATA, and the NewsSD-ITA article
order the context stage is fitted on maps onto the CheckThat! train split."""

from __future__ import annotations

from pathlib import Path

import pytest
from training.subjectivity.data import default_subjectivity_dir, read_checkthat, read_newssd, same_sentence_key

from tests.locations import SHARED_DATA


def test_data_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LETTORE_SHARED_DATA", str(tmp_path))
    assert default_subjectivity_dir() == tmp_path / "subjectivity"
    monkeypatch.delenv("LETTORE_SHARED_DATA")
    assert default_subjectivity_dir().parts[-3:] == ("shared", "data", "subjectivity")


def test_sentence_key_ignores_spacing_and_punctuation() -> None:
    assert same_sentence_key("Stoccata che viaggia su Il Tempo, dove si legge ") == same_sentence_key(
        "stoccata che viaggia su il tempo dove si legge"
    )


@pytest.mark.skipif(not (SHARED_DATA / "subjectivity").exists(), reason="subjectivity data not available")
def test_newssd_sentences_are_the_checkthat_train_split() -> None:
    folder = SHARED_DATA / "subjectivity"
    train = {same_sentence_key(text) for text in read_checkthat(folder, "train")[0]}
    for split in ("train", "val"):
        texts, _ = read_newssd(folder / f"newssd_it_{split}.csv")
        assert sum(same_sentence_key(text) in train for text in texts) >= 0.99 * len(texts)
