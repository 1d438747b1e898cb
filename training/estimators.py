"""scikit-learn side of the category model: the pipeline step and its compilation for serving."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from classifier.features import FeatureExtractor
from classifier.model import CategoryModel
from classifier.segment import Segmenter


class TextFeatures(TransformerMixin, BaseEstimator):
    """Pipeline step wrapping :class:`~classifier.features.FeatureExtractor` (same parameters).

    ``fit`` builds ``extractor_``; ``transform`` returns a scipy CSR matrix for the classifier.
    """

    def __init__(self, segmenter: Segmenter | None = None, char_ngram_range=(1, 3), body_char_ngram_range=(2, 3),
                 word_ngram_range=(1, 2), n_char_features: int = 2**17, n_word_features: int = 2**17,
                 min_df: int = 2, body_weight: float = 0.6, max_body_chars: int = 1000):
        self.segmenter = segmenter
        self.char_ngram_range = char_ngram_range
        self.body_char_ngram_range = body_char_ngram_range
        self.word_ngram_range = word_ngram_range
        self.n_char_features = n_char_features
        self.n_word_features = n_word_features
        self.min_df = min_df
        self.body_weight = body_weight
        self.max_body_chars = max_body_chars

    def fit(self, X, y=None):
        params = self.get_params(deep=False)
        self.extractor_ = FeatureExtractor(**params).fit(X)
        return self

    def transform(self, X):
        return self.extractor_.transform(X).to_scipy()


def compile_pipeline(pipeline, threshold: float) -> CategoryModel:
    """The serving form of a fitted ``TextFeatures -> CalibratedClassifierCV(ensemble=False)`` pipeline."""
    calibrated = pipeline.named_steps["classifier"]
    if len(calibrated.calibrated_classifiers_) != 1:
        raise ValueError("expected CalibratedClassifierCV(ensemble=False): one model, not an ensemble")
    cc = calibrated.calibrated_classifiers_[0]
    if getattr(cc, "method", "sigmoid") != "sigmoid":
        raise ValueError("only sigmoid calibration is compiled")
    est = cc.estimator
    a = np.array([c.a_ for c in cc.calibrators], dtype=np.float64)
    b = np.array([c.b_ for c in cc.calibrators], dtype=np.float64)
    return CategoryModel(
        extractor=pipeline.named_steps["features"].extractor_,
        coef=np.asarray(est.coef_, dtype=np.float32),
        intercept=np.asarray(est.intercept_, dtype=np.float32),
        calibration=np.vstack([a, b]),
        classes=[str(c) for c in calibrated.classes_],
        threshold=threshold,
    )
