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
from .text import is_word


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
        """Category, confidence, scores and explanation for each (title, body) pair.

        A body confirms a title: when the title alone points to the same category as title and body
        together, the more confident of the two distributions is reported (a 任免 notice does not
        become less certain because its body is long); when they disagree, title and body together
        decide.
        """
        if not pairs:
            return []
        X, words = self.extractor.transform(pairs, with_words=True)
        proba = self.predict_proba(X)[:, self._category_cols]
        proba = self._title_confirms(X, proba, pairs)
        best = proba.argmax(axis=1).tolist()
        explanations = self.explain(X, words, self._category_cols[best])
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

    def _title_confirms(self, X: SparseRows, proba: np.ndarray, pairs) -> np.ndarray:
        """Where title and body agree with the title alone, keep the more confident distribution.

        The title-only features of a record are exactly its title blocks (each block is normalised
        on its own), so no second pass over the text is needed.
        """
        both = np.array([bool((t or "").strip()) and bool((b or "").strip()) for t, b in pairs])
        if not both.any():
            return proba
        title_end = self.extractor.block_offsets()["body_char"]
        keep = X.col < title_end
        title_X = SparseRows(X.row[keep], X.col[keep], X.data[keep], X.n_rows, X.n_cols)
        title_proba = self.predict_proba(title_X)[:, self._category_cols]
        agree = both & (title_proba.argmax(axis=1) == proba.argmax(axis=1))
        better = agree & (title_proba.max(axis=1) > proba.max(axis=1))
        out = proba.copy()
        out[better] = title_proba[better]
        return out

    # --- explanation ------------------------------------------------------------------------
    def explain(self, X: SparseRows, words, classes: np.ndarray, top: int = 5) -> list[list[dict]]:
        """For each row, the words of its own text that weighed most for its class.

        Words, not character n-grams: "部门预算" tells an editor more than "门预". Each word is
        taken from the record's tokens (``words``, a :class:`~classifier.features.WordOccurrences`),
        never from a table of hashed columns, so it is always a piece of the draft; a word in both
        title and body adds up. Two-word n-grams are shown only when the words are adjacent in the text.
        """
        spans = words.spans
        start, stop = spans[:, 0], spans[:, 1]
        word = start >= 0
        row, col, data = X.row[word], X.col[word], X.data[word]
        start, stop = start[word], stop[word]
        contrib = data * np.take(self.coef.ravel(), classes[row] * self.coef.shape[1] + col)
        useful = contrib > 0
        row, contrib, start, stop = row[useful], contrib[useful], start[useful], stop[useful]
        order = np.lexsort((-contrib, row))
        bounds = np.searchsorted(row[order], np.arange(X.n_rows + 1)).tolist()
        start, stop = start[order], stop[order]
        # Each entry's text, built by numpy: once a row has its ``top`` terms, the rest of its
        # entries are only looked up among them.
        tokens = words.tokens
        token_array = np.empty(len(tokens), dtype=object)
        token_array[:] = tokens
        length = stop - start
        texts = token_array[start]
        pair = length == 2
        texts[pair] = texts[pair] + token_array[start[pair] + 1]
        for k in np.flatnonzero(length > 2).tolist():
            texts[k] = "".join(tokens[start[k]:stop[k]])
        texts, contrib, start, stop = texts.tolist(), contrib[order].tolist(), start.tolist(), stop.tolist()
        wordy: dict[str, bool] = {}  # is_word per distinct token, asked once per batch

        def adjacent(k: int) -> bool:
            """Entry ``k`` is one word, or words adjacent in the text (no punctuation between)."""
            a, b = start[k], stop[k]
            if b - a == 1:
                return True
            for t in tokens[a:b]:
                w = wordy.get(t)
                if w is None:
                    w = wordy[t] = is_word(t)
                if not w:
                    return False
            return True

        out: list[list[dict]] = []
        for i in range(X.n_rows):
            weights: dict[str, float] = {}
            k, end = bounds[i], bounds[i + 1]
            while k < end and len(weights) < top:
                term = texts[k]
                if len(term) >= 2 and adjacent(k):  # "年", "的": true but uninformative
                    if term in weights:
                        weights[term] += contrib[k]
                    elif not any(term in t or t in term for t in weights):
                        weights[term] = contrib[k]
                k += 1
            if k < end and weights:  # the row's remaining entries only add to the terms chosen
                for j in [j for j, term in enumerate(texts[k:end], k) if term in weights]:
                    if adjacent(j):
                        weights[texts[j]] += contrib[j]
            out.append([{"term": t, "weight": round(w, 4)} for t, w in weights.items()])
        return out
