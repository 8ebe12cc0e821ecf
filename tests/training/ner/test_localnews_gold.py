"""The local-news gold is built from hand annotations: longest names first, occurrences
picked one by one, tokens split as an imported article's are."""

from __future__ import annotations

from pathlib import Path

import pytest
from training.ner.localnews_gold import GOLD_DIR, SPLITS, Annotation, article_sentences, main, tag_article

from tests.locations import SHARED_DATA


def annotation(surface: str, label: str, occurrences: set[int] | None = None) -> Annotation:
    return Annotation(tuple(surface.split(" ")), label, frozenset(occurrences) if occurrences else None)


def test_the_longest_annotation_wins() -> None:
    sentences = [["Il", "Consorzio", "di", "Carpi", "e", "Carpi"]]
    tags = tag_article(sentences, [annotation("Consorzio di Carpi", "ORG"), annotation("Carpi", "LOC")])
    assert tags == [["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]]


def test_occurrences_give_one_string_two_labels() -> None:
    sentences = [["da", "Bellei", "a", "Formica"], ["dice", "Bellei"], ["Bellei", "."]]
    annotations = [annotation("Bellei", "ORG", {1}), annotation("Bellei", "PER", {2, 3})]
    tags = tag_article(sentences, annotations)
    assert tags == [["O", "B-ORG", "O", "O"], ["O", "B-PER"], ["B-PER", "O"]]


def test_articles_split_as_reader_add_splits_them() -> None:
    sentences = article_sentences("Titolo breve\n\nCARPI. Un furto in via Roma. I ladri sono fuggiti.\n")
    assert sentences == [["Titolo", "breve"], ["CARPI", "."], ["Un", "furto", "in", "via", "Roma", "."],
                         ["I", "ladri", "sono", "fuggiti", "."]]


def test_dev_and_test_are_disjoint() -> None:
    assert not set(SPLITS["dev"]) & set(SPLITS["test"])


@pytest.mark.skipif(not (SHARED_DATA / "localnews").is_dir(), reason="shared local news articles not here")
def test_the_committed_gold_is_what_the_annotations_build(tmp_path: Path) -> None:
    main(["--data", str(SHARED_DATA / "localnews"), "--out", str(tmp_path)])
    for split in SPLITS:
        assert (tmp_path / f"{split}.tsv").read_text() == (GOLD_DIR / f"{split}.tsv").read_text()
