"""Training the lexical model: the naive-Bayes ratios lean toward the class a feature marks,
and the run-time model (ratios and word vectors folded into plain weights) scores a sentence
exactly as the fitted classifier does, with or without the optional training steps."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn")
from scipy.sparse import csr_matrix
from training.subjectivity.distil import Teaching
from training.subjectivity.embeddings import mean_vectors
from training.subjectivity.lexical import Recipe, _dense, _matrix, fit, nb_ratios, run_time_model

SUBJECTIVE = [
    "Una vergogna assoluta, non ci posso credere!",
    "Penso che sia davvero una scelta sbagliata.",
    "È incredibile quanto siano ipocriti.",
    "Sarebbe meglio tacere, purtroppo.",
]
OBJECTIVE = [
    "Il consiglio comunale si è riunito lunedì alle 18.",
    "La polizia ha arrestato due uomini a Modena.",
    "Il bilancio prevede 3 milioni di euro per le scuole.",
    "L'incidente è avvenuto sulla provinciale 12.",
]


def test_a_feature_seen_only_in_opinions_gets_a_positive_ratio() -> None:
    hashed = csr_matrix(np.array([[1, 0, 1], [1, 0, 1], [0, 1, 1], [0, 1, 1]], dtype=float))
    ratios = nb_ratios(hashed, np.array([1, 1, 0, 0]))
    assert ratios[0] > 0 > ratios[1]
    assert abs(ratios[2]) < 1e-9


UNLABELED = ["Che disastro, una scelta vergognosa.", "Il treno è partito alle 8 da Bologna."]


def _teaching(texts: list[str], vocab: list[str], vectors: np.ndarray) -> Teaching:
    """Random 'embeddings' for the teacher: what matters here is the folding, not the teacher."""
    rng = np.random.default_rng(2)
    gold, unlabeled = rng.normal(size=(len(texts), 8)), rng.normal(size=(len(UNLABELED), 8))
    return Teaching(gold, unlabeled, _matrix(UNLABELED), _dense(UNLABELED, vocab, vectors))


@pytest.mark.parametrize(("nb", "distil"), [(False, False), (True, False), (True, True)])
def test_the_run_time_model_scores_as_the_fitted_classifier(nb: bool, distil: bool) -> None:
    texts = SUBJECTIVE + OBJECTIVE
    labels = np.array([1] * len(SUBJECTIVE) + [0] * len(OBJECTIVE))
    vocab = ["vergogna", "penso", "polizia", "bilancio", "euro", "meglio"]
    vectors = np.random.default_rng(0).normal(size=(len(vocab), 300)).astype(np.float32)
    hashed, dense = _matrix(texts), _dense(texts, vocab, vectors)
    assert np.allclose(dense[:, :300], mean_vectors(texts, vocab, vectors))
    teaching = _teaching(texts, vocab, vectors) if distil else None
    classifier, ratios = fit(hashed, dense, labels, 4.0, Recipe(nb=nb, teaching=teaching))
    model = run_time_model(classifier, ratios, vocab, vectors, 0.5, ((1.0, 0.0, 0.0), 0.0, 0.5))
    expected = classifier.decision_function(
        csr_matrix(np.hstack([hashed.multiply(ratios).toarray(), dense]))
    )
    assert np.allclose([model.score(text) for text in texts], expected, atol=1e-4)
    opinion, report = "Che vergogna, penso sia sbagliato!", "La polizia ha arrestato un uomo."
    assert model.probability(opinion) > model.probability(report)
