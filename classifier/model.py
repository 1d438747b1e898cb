"""The category model at run time: features, a linear model, sigmoid calibration, the threshold.

Training fits a scikit-learn pipeline (``TextFeatures`` -> ``CalibratedClassifierCV(LinearSVC,
method="sigmoid", ensemble=False)``) and compiles it into this object: the same arrays and the same
arithmetic, in float32, with numpy alone, so that serving neither imports scikit-learn nor pays
for more than one linear model per document.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .categories import CODES, category_name
from .features import FeatureExtractor, SparseRows


class CategoryModel:
    """A compiled, calibrated linear classifier over :class:`FeatureExtractor` features.

    Parameters
    ----------
    extractor : FeatureExtractor
        Fitted feature extractor.
    coef : ndarray of shape (n_classes, n_features), float32
        Linear weights.
    intercept : ndarray of shape (n_classes,)
    calibration : ndarray of shape (2, n_classes)
        Sigmoid parameters ``a`` and ``b`` per class: ``p = 1 / (1 + exp(a * f + b))``, then the
        one-vs-rest probabilities are normalised to sum to one (as scikit-learn does).
    classes : sequence of str
        Class labels; those not in the seven categories (``out_of_scope``) only take probability mass.
    threshold : float
        A prediction whose confidence is below it is marked ``needs_review``.
    """

    def __init__(self, extractor: FeatureExtractor, coef, intercept, calibration, classes: Sequence[str],
                 threshold: float):
        self.extractor = extractor
        self.coef = np.ascontiguousarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.calibration = np.asarray(calibration, dtype=np.float64)
        self.classes = [str(c) for c in classes]
        self.threshold = float(threshold)
        self._category_cols = np.array([i for i, c in enumerate(self.classes) if c in CODES])
        self.labels: list[str] = [self.classes[i] for i in self._category_cols]

    def warm(self) -> None:
        self.extractor.segmenter.warm()
        self.predict([("作为", "")])

    # --- probabilities ----------------------------------------------------------------------
    def decision_function(self, X: SparseRows) -> np.ndarray:
        return X.dot(self.coef) + self.intercept

    def predict_proba(self, X: SparseRows) -> np.ndarray:
        """Calibrated probabilities over all classes (rows sum to one)."""
        a, b = self.calibration
        z = np.clip(a * self.decision_function(X) + b, -500.0, 500.0)  # exp stays finite; p is 0 or 1 there anyway
        p = 1.0 / (1.0 + np.exp(z))
        total = p.sum(axis=1, keepdims=True)
        return np.divide(p, total, out=np.full_like(p, 1.0 / p.shape[1]), where=total != 0)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict]:
        """Category, confidence, scores and explanation for each (title, body) pair."""
        if not pairs:
            return []
        X = self.extractor.transform(pairs)
        proba = self.predict_proba(X)[:, self._category_cols]
        best = proba.argmax(axis=1).tolist()
        explanations = self.explain(X, self._category_cols[best])
        rounded = np.round(proba, 4).tolist()
        review = (proba.max(axis=1) < self.threshold).tolist()
        labels = self.labels
        out = []
        for i, k in enumerate(best):
            confidence = rounded[i][k]
            out.append(
                {
                    "category": labels[k],
                    "category_name": category_name(labels[k]),
                    "confidence": confidence,
                    "needs_review": review[i],
                    "scores": dict(zip(labels, rounded[i])),
                    "explanation": explanations[i],
                }
            )
        return out

    # --- explanation ------------------------------------------------------------------------
    def explain(self, X: SparseRows, classes: np.ndarray, top: int = 5) -> list[list[dict]]:
        """For each row, the words that weighed most for its class (positive contributions).

        Words, not character n-grams: "部门预算" tells an editor more than "门预".
        """
        terms = self.extractor.word_terms_
        offsets = self.extractor.block_offsets()
        nw = self.extractor.n_word_features
        local = np.full(len(X.col), -1, dtype=np.int64)
        for block in ("title_word", "body_word"):
            j = X.col - offsets[block]
            inside = (j >= 0) & (j < nw)
            local[inside] = j[inside]
        word = local >= 0
        row, col, local = X.row[word], X.col[word], local[word]
        contrib = X.data[word] * np.take(self.coef.ravel(), classes[row] * self.coef.shape[1] + col)
        positive = contrib > 0
        row, local, contrib = row[positive], local[positive], contrib[positive]
        order = np.lexsort((-contrib, row))
        bounds = np.searchsorted(row[order], np.arange(X.n_rows + 1)).tolist()
        local, contrib = local[order].tolist(), contrib[order].tolist()
        out: list[list[dict]] = []
        for i in range(X.n_rows):
            weights: dict[str, float] = {}  # a word in both title and body adds up
            for k in range(bounds[i], bounds[i + 1]):
                term = terms.get(local[k])
                if term is None or len(term) < 2:  # "年", "的": true but uninformative
                    continue
                if term in weights:
                    weights[term] += contrib[k]
                elif len(weights) < top and not any(term in t or t in term for t in weights):
                    weights[term] = contrib[k]
            out.append([{"term": t, "weight": round(w, 4)} for t, w in weights.items()])
        return out
