"""The category model at run time: calibrated probabilities, the review threshold, explanations."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .categories import CODES, category_name
from .text import is_word


class CategoryModel:
    """A fitted pipeline (``TextFeatures`` -> calibrated linear classifier) and its threshold.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        Steps ``features`` (:class:`~classifier.features.TextFeatures`) and ``classifier``
        (``CalibratedClassifierCV(..., ensemble=False)`` around a linear model).
    threshold : float
        A prediction whose confidence is below it is marked ``needs_review``.
    """

    def __init__(self, pipeline, threshold: float):
        self.pipeline = pipeline
        self.threshold = float(threshold)
        self.features = pipeline.named_steps["features"]
        self.classifier = pipeline.named_steps["classifier"]
        self.classes: list[str] = [str(c) for c in self.classifier.classes_]
        # Columns of the seven categories; any other class (out_of_scope) only takes probability mass.
        self._category_cols = np.array([i for i, c in enumerate(self.classes) if c in CODES])
        self.labels: list[str] = [self.classes[i] for i in self._category_cols]
        self._coef = self._linear_coef()

    def _linear_coef(self):
        calibrated = getattr(self.classifier, "calibrated_classifiers_", None)
        estimator = calibrated[0].estimator if calibrated else self.classifier
        coef = getattr(estimator, "coef_", None)
        return None if coef is None else np.asarray(coef)

    def warm(self) -> None:
        self.features._seg.warm()
        self.predict([("作为", "")])

    def transform(self, pairs: Sequence[tuple[str, str]]):
        return self.features.transform(pairs)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict]:
        """Category, confidence, scores and explanation for each (title, body) pair."""
        if not pairs:
            return []
        X = self.transform(pairs)
        proba = self.classifier.predict_proba(X)[:, self._category_cols]
        best = proba.argmax(axis=1)
        out = []
        for i, (title, body) in enumerate(pairs):
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
                    "explanation": self.explain(title, body, X[i], int(self._category_cols[k])),
                }
            )
        return out

    def explain(self, title: str, body: str, row, k: int, top: int = 5) -> list[dict]:
        """The terms that weighed most for class column ``k`` in this record (positive contributions)."""
        if self._coef is None or row.nnz == 0:
            return []
        cols = row.indices
        contrib = row.data * self._coef[k, cols]
        order = np.argsort(-contrib)[: top * 8]
        order = [j for j in order if contrib[j] > 0]
        terms = self.features.feature_terms(title, body, cols[order])
        picked: list[dict] = []
        for j in order:
            term = terms.get(int(cols[j]))
            # Single characters and bare digits ("0", "年") say little to an editor.
            if not term or len(term) < 2 or not is_word(term) or any(term in p["term"] or p["term"] in term for p in picked):
                continue
            picked.append({"term": term, "weight": round(float(contrib[j]), 4)})
            if len(picked) == top:
                break
        return picked
