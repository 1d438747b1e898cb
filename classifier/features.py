"""Features of a (title, body) pair: hashed character n-grams and word n-grams, per field.

Four blocks, each TF-IDF weighted (sublinear tf) and l2-normalised on its own, then stacked:
title characters, title words, body characters, body words. The body blocks are scaled by
``body_weight`` so that a title-only record and a full record live on the same scale.

Character n-grams are hashed in bulk with numpy (code points -> polynomial hash), so no Python
object is made per n-gram. Words come from :class:`~classifier.segment.Segmenter` and are looked up
in a vocabulary learned at ``fit``.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from .segment import Segmenter
from .text import is_word, normalize

_MULT = np.uint64(0x9E3779B97F4A7C15)
_SALT = {1: np.uint64(0x85EBCA6B), 2: np.uint64(0xC2B2AE35), 3: np.uint64(0x27D4EB2F), 4: np.uint64(0x165667B1)}


def _codes(texts: Sequence[str]) -> np.ndarray:
    """Code points of all texts joined by NUL (NUL never survives normalisation inside a text)."""
    return np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def char_ngram_hashes(texts: Sequence[str], ngram_range: tuple[int, int], n_features: int):
    """Hashed character n-grams of every text: (row index, column) arrays, one entry per n-gram."""
    rows_out, cols_out = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    codes = _codes(texts)
    total = len(codes)
    is_sep = codes == 0
    sep_cum = np.concatenate(([0], np.cumsum(is_sep)))
    row_of = np.cumsum(is_sep) - is_sep  # row index of each position
    for n in range(ngram_range[0], ngram_range[1] + 1):
        if total < n:
            continue
        m = total - n + 1
        h = codes[:m].copy()
        for j in range(1, n):
            h = h * _MULT + codes[j : j + m]
        h ^= h >> np.uint64(31)
        h = h * _MULT + _SALT[n]
        h ^= h >> np.uint64(29)
        valid = (sep_cum[n : n + m] - sep_cum[:m]) == 0
        rows_out.append(row_of[:m][valid])
        cols_out.append((h[valid] % np.uint64(n_features)).astype(np.int64))
    return np.concatenate(rows_out), np.concatenate(cols_out)


class TextFeatures(TransformerMixin, BaseEstimator):
    """Vectorise records given as ``(title, body)`` pairs.

    Parameters
    ----------
    segmenter : Segmenter, default=None
        Word segmenter; ``None`` means a plain :class:`Segmenter`.
    char_ngram_range : tuple of int, default=(1, 3)
        Character n-gram orders.
    word_ngram_range : tuple of int, default=(1, 2)
        Word n-gram orders.
    n_char_features : int, default=2**18
        Hash space of the character blocks.
    min_df : int, default=2
        Minimum document frequency of a word n-gram to enter the vocabulary.
    body_weight : float, default=0.6
        Scale of the body blocks relative to the title blocks.
    max_body_chars : int, default=3000
        Only the beginning of a long body is read: the category shows in its first pages.
    """

    def __init__(
        self,
        segmenter: Segmenter | None = None,
        char_ngram_range: tuple[int, int] = (1, 3),
        word_ngram_range: tuple[int, int] = (1, 2),
        n_char_features: int = 2**18,
        min_df: int = 2,
        body_weight: float = 0.6,
        max_body_chars: int = 3000,
    ):
        self.segmenter = segmenter
        self.char_ngram_range = char_ngram_range
        self.word_ngram_range = word_ngram_range
        self.n_char_features = n_char_features
        self.min_df = min_df
        self.body_weight = body_weight
        self.max_body_chars = max_body_chars

    # --- helpers --------------------------------------------------------------------------
    @property
    def _seg(self) -> Segmenter:
        if self.segmenter is None:
            self.segmenter = Segmenter()
        return self.segmenter

    def _prepare(self, X) -> tuple[list[str], list[str]]:
        titles, bodies = [], []
        for title, body in X:
            titles.append(normalize(title or ""))
            bodies.append(normalize((body or "")[: self.max_body_chars * 2])[: self.max_body_chars])
        return titles, bodies

    def word_ngrams(self, text: str) -> list[str]:
        """Word n-grams of one normalised text (words are tokens with at least one 汉字)."""
        words = [w for w in self._seg.cut(text) if is_word(w)] if text else []
        lo, hi = self.word_ngram_range
        grams = list(words) if lo == 1 else []
        for n in range(max(lo, 2), hi + 1):
            grams.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return grams

    def _char_counts(self, texts: list[str]) -> sp.csr_matrix:
        rows, cols = char_ngram_hashes(texts, self.char_ngram_range, self.n_char_features)
        data = np.ones(len(rows), dtype=np.float32)
        m = sp.csr_matrix((data, (rows, cols)), shape=(len(texts), self.n_char_features), dtype=np.float32)
        m.sum_duplicates()
        return m

    def _word_counts(self, texts: list[str], vocabulary: dict[str, int]) -> sp.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        get = vocabulary.get
        for text in texts:
            for gram in self.word_ngrams(text):
                j = get(gram)
                if j is not None:
                    indices.append(j)
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float32)
        m = sp.csr_matrix(
            (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
            shape=(len(texts), len(vocabulary)),
            dtype=np.float32,
        )
        m.sum_duplicates()
        return m

    @staticmethod
    def _idf(counts: sp.csr_matrix) -> np.ndarray:
        n = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)

    @staticmethod
    def _weigh(counts: sp.csr_matrix, idf: np.ndarray, scale: float) -> sp.csr_matrix:
        m = counts.copy()
        np.log(m.data, out=m.data)
        m.data += 1
        m.data *= idf[m.indices]
        sq = np.asarray(m.multiply(m).sum(axis=1)).ravel()
        norms = np.sqrt(sq, dtype=np.float32)
        norms[norms == 0] = 1
        m.data /= np.repeat(norms, np.diff(m.indptr))
        if scale != 1.0:
            m.data *= scale
        return m

    # --- estimator API --------------------------------------------------------------------
    def fit(self, X, y=None):
        titles, bodies = self._prepare(X)
        df: dict[str, int] = {}
        for text in titles + bodies:
            for gram in set(self.word_ngrams(text)):
                df[gram] = df.get(gram, 0) + 1
        kept = sorted(g for g, c in df.items() if c >= self.min_df)
        self.vocabulary_ = {g: i for i, g in enumerate(kept)}
        self.terms_ = kept
        self.idf_title_char_ = self._idf(self._char_counts(titles))
        self.idf_body_char_ = self._idf(self._char_counts(bodies))
        self.idf_title_word_ = self._idf(self._word_counts(titles, self.vocabulary_))
        self.idf_body_word_ = self._idf(self._word_counts(bodies, self.vocabulary_))
        return self

    def transform(self, X) -> sp.csr_matrix:
        titles, bodies = self._prepare(X)
        v = self.vocabulary_
        blocks = [
            self._weigh(self._char_counts(titles), self.idf_title_char_, 1.0),
            self._weigh(self._word_counts(titles, v), self.idf_title_word_, 1.0),
            self._weigh(self._char_counts(bodies), self.idf_body_char_, self.body_weight),
            self._weigh(self._word_counts(bodies, v), self.idf_body_word_, self.body_weight),
        ]
        return sp.hstack(blocks, format="csr", dtype=np.float32)

    # --- explanation ----------------------------------------------------------------------
    def feature_terms(self, title: str, body: str, columns) -> dict[int, str]:
        """Readable term of each of ``columns`` present in one record (for explanations)."""
        wanted = set(int(c) for c in columns)
        t, b = self._prepare([(title, body)])
        nc, nv = self.n_char_features, len(self.vocabulary_)
        blocks = (("title", t[0], 0, nc), ("body", b[0], nc + nv, 2 * nc + nv))
        terms: dict[int, str] = {}
        for _, text, char_offset, word_offset in blocks:
            if not text:
                continue
            for n in range(self.char_ngram_range[0], self.char_ngram_range[1] + 1):
                _, cols = char_ngram_hashes([text], (n, n), nc)
                cols = cols + char_offset
                for pos in np.flatnonzero(np.isin(cols, list(wanted))):
                    terms.setdefault(int(cols[pos]), text[pos : pos + n])
            for col in wanted:
                j = col - word_offset
                if 0 <= j < nv:
                    terms.setdefault(col, self.terms_[j].replace(" ", ""))
        return terms
