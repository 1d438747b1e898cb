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
        best = proba.argmax(axis=1)
        explanations = self.explain(X, self._category_cols[best])
        out = []
        for i in range(len(pairs)):
            k = int(best[i])
            label = self.labels[k]
            confidence = float(proba[i, k])
            out.append(
                {
                    "category": label,
                    "category_name": category_name(label),
                    "confidence": round(confidence, 4),
                    "needs_review": confidence < self.threshold,
                    "scores": {lab: round(float(p), 4) for lab, p in zip(self.labels, proba[i])},
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
        contrib = X.data * np.take(self.coef.ravel(), classes[X.row] * self.coef.shape[1] + X.col)
        keep = (local >= 0) & (contrib > 0)
        row, local, contrib = X.row[keep], local[keep], contrib[keep]
        order = np.lexsort((-contrib, row))
        row, local, contrib = row[order], local[order], contrib[order]
        bounds = np.searchsorted(row, np.arange(X.n_rows + 1))
        out: list[list[dict]] = []
        for i in range(X.n_rows):
            picked: list[dict] = []
            weights: dict[str, float] = {}
            for col, weight in zip(local[bounds[i] : bounds[i + 1]].tolist(), contrib[bounds[i] : bounds[i + 1]].tolist()):
                term = terms.get(col)
                if term is not None and len(term) < 2:  # "年", "的": true but uninformative
                    continue
                if term is None or term in weights:
                    if term is not None:
                        weights[term] += weight
                    continue
                if any(term in p["term"] or p["term"] in term for p in picked):
                    continue
                weights[term] = weight
                picked.append({"term": term, "weight": 0.0})
                if len(picked) == top:
                    break
            for p in picked:
                p["weight"] = round(weights[p["term"]], 4)
            out.append(picked)
        return out
