"""The window network: encoding, probabilities, save/open, and the shipped one's labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from training.ner.window_net_train import train_window_net

from lettore.analyse.ner.tagger import MODEL_PATH, net_path
from lettore.analyse.ner.window_net import WindowNet, normal

LABELS = ["O", "B-LOC", "I-LOC", "B-PER", "I-PER", "B-ORG", "I-ORG"]
SENTENCES = [
    "Mario Rossi vive a Roma .".split(),
    "La FIAT ha sede a Torino .".split(),
    "Anna Bianchi lavora per la FIAT a Milano .".split(),
]
TAGS = [
    ["B-PER", "I-PER", "O", "O", "B-LOC", "O"],
    ["O", "B-ORG", "O", "O", "O", "B-LOC", "O"],
    ["B-PER", "I-PER", "O", "O", "O", "B-ORG", "O", "B-LOC", "O"],
]


@pytest.fixture(scope="module")
def tiny() -> WindowNet:
    return train_window_net(SENTENCES * 20, TAGS * 20, LABELS, {"roma": "cap"}, epochs=3, seed=1)


def test_normal_form() -> None:
    assert normal("Roma") == "roma"
    assert normal("T-62") == "t-00"


def test_log_probs_are_distributions(tiny: WindowNet) -> None:
    out = tiny.log_probs([SENTENCES[0], [], ["Sconosciuto"]])
    assert [a.shape for a in out] == [(6, 7), (0, 7), (1, 7)]
    assert np.allclose(np.exp(out[0]).sum(axis=1), 1.0)
    assert tiny.log_probs([]) == []


def test_learns_the_training_tags(tiny: WindowNet) -> None:
    predicted = [[LABELS[k] for k in lp.argmax(axis=1)] for lp in tiny.log_probs(SENTENCES)]
    assert predicted == TAGS


def test_save_and_open(tiny: WindowNet, tmp_path: Path) -> None:
    tiny.weight = 0.25
    tiny.save(tmp_path / "net.npz")
    copy = WindowNet.open(tmp_path / "net.npz")
    assert copy.weight == 0.25 and copy.labels == LABELS
    for a, b in zip(copy.log_probs(SENTENCES), tiny.log_probs(SENTENCES), strict=True):
        assert np.allclose(a, b, atol=1e-5)


def test_shipped_network_covers_the_model_labels() -> None:
    path = net_path(MODEL_PATH)
    if not path.exists():
        pytest.skip("no window network shipped")
    net = WindowNet.open(path)
    assert sorted(net.labels) == sorted(LABELS)
    assert 0 < net.weight < 2
