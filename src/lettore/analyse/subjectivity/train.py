"""Train the subjectivity model: `python -m lettore.analyse.subjectivity.train --data DIR --out FILE`.

Training-time only (needs scikit-learn and scipy). Learns word vectors from unlabeled
Italian text beside DIR (../kind/*_train.tsv, ../ntrex) and the train sentences, chooses C
and the decision threshold by 5-fold cross-validation on the train split, then prints the
validation macro-F1 once. The feature groups and their scales were chosen by repeated
cross-validation on the train split (see NOTICE).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from lettore.analyse.subjectivity.cues import cue_vector
from lettore.analyse.subjectivity.embeddings import mean_vectors, ppmi_svd, unlabeled_corpus
from lettore.analyse.subjectivity.features import DIMENSIONS, featurise
from lettore.analyse.subjectivity.model import MODEL_PATH, SubjectivityModel

FEATURES = {"word_n": 1, "char_min": 2, "char_max": 5}
# The hashed n-grams overfit 1,400 sentences at full scale; shrunk they still add a little.
HASHED_SCALE = 0.2
EMBEDDING_DIM = 300
C_GRID = (1.0, 4.0)
THRESHOLDS = tuple(round(0.30 + 0.02 * i, 2) for i in range(21))


def read_split(path: Path) -> tuple[list[str], list[int]]:
    """Sentences and labels (1 = SUBJ) from a NewsSD-ITA csv file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row["Sentence"] for row in rows], [int(row["Label"] == "SUBJ") for row in rows]


def _matrix(texts: list[str]):  # noqa: ANN202 - scipy type
    """Sparse design matrix built with the run-time feature function."""
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for row, text in enumerate(texts):
        for index, value in featurise(text, **FEATURES).items():
            rows.append(row)
            cols.append(index)
            vals.append(value)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), DIMENSIONS))


def _design(texts: list[str], vocab: list[str], vectors: np.ndarray):  # noqa: ANN202 - scipy type
    """[scaled hashed n-grams | mean word vector | cues], the run-time model's feature groups."""
    from scipy.sparse import csr_matrix, hstack

    dense = np.hstack([mean_vectors(texts, vocab, vectors), np.vstack([cue_vector(t) for t in texts])])
    return hstack([_matrix(texts) * HASHED_SCALE, csr_matrix(dense)]).tocsr()


def _classifier(c: float):  # noqa: ANN202 - sklearn type
    """Class-balanced logistic regression (SUBJ is the minority class)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=5000)


def tune(matrix, labels: list[int]) -> tuple[float, float, float]:  # noqa: ANN001
    """Best (C, threshold, cv macro-F1) by stratified 5-fold cross-validation on train."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    best = (C_GRID[0], 0.5, -1.0)
    for c in C_GRID:
        proba = cross_val_predict(_classifier(c), matrix, labels, cv=folds, method="predict_proba")
        for threshold in THRESHOLDS:
            score = f1_score(labels, proba[:, 1] >= threshold, average="macro")
            print(f"cv C={c:g} threshold={threshold:.2f} macro-F1={score:.3f}")
            if score > best[2]:
                best = (c, threshold, score)
    return best


def main(argv: list[str] | None = None) -> int:
    """Train, report cross-validation and validation macro-F1, write the model file."""
    from sklearn.metrics import f1_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with newssd_it_{train,val}.csv")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    parser.add_argument("--corpus", type=Path, default=None, help="folder with kind/ and ntrex/ (default: DIR/..)")
    args = parser.parse_args(argv)

    train_texts, train_labels = read_split(args.data / "newssd_it_train.csv")
    val_texts, val_labels = read_split(args.data / "newssd_it_val.csv")
    corpus = unlabeled_corpus(args.corpus or args.data.parent, train_texts)
    vocab, vectors = ppmi_svd(corpus, dim=EMBEDDING_DIM)
    print(f"word vectors: {len(vocab)} words x {EMBEDDING_DIM} from {sum(map(len, corpus))} tokens")
    train_matrix = _design(train_texts, vocab, vectors)
    c, threshold, cv_f1 = tune(train_matrix, train_labels)
    classifier = _classifier(c).fit(train_matrix, train_labels)
    coef = classifier.coef_[0]
    hashed, embedded, cues = coef[:DIMENSIONS], coef[DIMENSIONS : DIMENSIONS + EMBEDDING_DIM], coef[DIMENSIONS + EMBEDDING_DIM :]
    word_scores = vectors.astype(np.float64) @ embedded
    model = SubjectivityModel(
        weights={int(i): float(hashed[i]) * HASHED_SCALE for i in hashed.nonzero()[0]},
        bias=float(classifier.intercept_[0]),
        threshold=threshold,
        word_scores={word: float(score) for word, score in zip(vocab, word_scores, strict=True)},
        cue_weights=tuple(float(w) for w in cues),
        **FEATURES,
    )
    predicted = [int(model.probability(text) >= threshold) for text in val_texts]
    val_f1 = f1_score(val_labels, predicted, average="macro")
    model.save(args.out)
    print(f"chosen C={c:g} threshold={threshold:.2f} (cv macro-F1 {cv_f1:.3f})")
    print(f"validation macro-F1 {val_f1:.3f} on {len(val_texts)} sentences")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(model.weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
