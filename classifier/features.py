"""Features of a (title, body) pair: hashed character n-grams and word n-grams, per field.

Four blocks laid side by side: title characters, title words, body characters, body words. Every
n-gram occurrence weighs the idf of its column, and each block of a record is divided by the root
of its summed squared weights, so long and short texts live on one scale; the body blocks are then
scaled by ``body_weight`` so that a title-only record and a full record are comparable.

Everything after segmentation is done in bulk with numpy, for a whole batch at once: the text's
code points are hashed into n-gram columns (a polynomial hash, no Python object per n-gram), and
the words that :class:`~classifier.segment.Segmenter` returns are hashed the same way (no
dictionary lookup per token). Only ``fit`` looks at the words one by one, to count document
frequencies and to remember a readable term for each word column (for explanations).

This module needs numpy only: serving does not import scikit-learn or scipy.
"""

from __future__ import annotations

from itertools import chain
from typing import NamedTuple, Sequence

import numpy as np

from .segment import Segmenter

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_SALT = {n: np.uint64(s) for n, s in zip(range(1, 6), (0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F, 0x165667B1, 0x9E3779B1))}
_WORD_SALT = {1: np.uint64(0x7FEB352D), 2: np.uint64(0x846CA68B), 3: np.uint64(0x5BD1E995)}
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))

_EMPTY_I = np.zeros(0, np.int64)


def _mix(h: np.ndarray, salt: np.uint64) -> np.ndarray:
    """Final avalanche of a 64-bit hash (splitmix64 style)."""
    h = h ^ salt
    h ^= h >> np.uint64(30)
    h *= _M2
    h ^= h >> np.uint64(27)
    h *= _M1
    h ^= h >> np.uint64(31)
    return h


_WHITESPACE = np.array(sorted({*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200C), 0x2028, 0x2029,
                                0x202F, 0x205F, 0x3000, 0xFEFF}), dtype=np.uint64)


def _codes(text: str) -> np.ndarray:
    """Code points, normalised the way the features see text.

    Full-width ASCII becomes ASCII, letters lower case, every digit ``0``: titles and bodies mix
    full- and half-width forms, and years and amounts vary endlessly without saying anything about
    the category. (This is the part of NFKC that matters here, done on the array, not the string.)
    """
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    codes = np.where((codes >= 0xFF01) & (codes <= 0xFF5E), codes - 0xFEE0, codes)
    codes = np.where((codes >= 0x41) & (codes <= 0x5A), codes + 32, codes)
    return np.where((codes >= 0x30) & (codes <= 0x39), np.uint64(0x30), codes)


def _is_cjk(codes: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(codes), dtype=bool)
    for lo, hi in _CJK_RANGES:
        mask |= (codes >= lo) & (codes <= hi)
    return mask


def char_ngram_hashes(texts: Sequence[str], ngram_range: tuple[int, int], n_features: int):
    """Hashed character n-grams of every text: (row index, column) arrays, one entry per n-gram."""
    codes = _codes("\0".join(t.replace("\0", "") if "\0" in t else t for t in texts))  # NUL separates texts
    codes = codes[~np.isin(codes, _WHITESPACE)]  # "关于 开展" reads as "关于开展"
    total = len(codes)
    is_sep = codes == 0
    sep_cum = np.concatenate(([0], np.cumsum(is_sep)))
    row_of = sep_cum[1:] - is_sep
    rows_out, cols_out = [_EMPTY_I], [_EMPTY_I]
    for n in range(ngram_range[0], ngram_range[1] + 1):
        if total < n:
            continue
        m = total - n + 1
        h = codes[:m].copy()
        for j in range(1, n):
            h = h * _M1 + codes[j : j + m]
        valid = (sep_cum[n : n + m] - sep_cum[:m]) == 0
        rows_out.append(row_of[:m][valid])
        cols_out.append((_mix(h[valid], _SALT[n]) % np.uint64(n_features)).astype(np.int64))
    return np.concatenate(rows_out), np.concatenate(cols_out)


def word_ngram_hashes(token_lists: Sequence[Sequence[str]], ngram_range: tuple[int, int], n_features: int,
                      with_spans: bool = False):
    """Hashed word n-grams: (row, column) arrays, unigrams first, then bigrams, ... in token order.

    Only tokens with at least one 汉字 are words (numbers and punctuation are left to the
    character n-grams); n-grams run over consecutive words of the same text.

    With ``with_spans``, a third array gives, for each n-gram, the half-open range ``[start, stop)``
    of the tokens it covers in the flattened token lists (shape ``(k, 2)``): the n-gram's text is
    ``"".join(flat_tokens[start:stop])``, a piece of the original text. An n-gram whose words are not
    adjacent tokens (a number or a mark between them) has ``stop - start > n``.
    """
    flat = list(chain.from_iterable(token_lists))
    if not flat:
        return (_EMPTY_I, _EMPTY_I, np.zeros((0, 2), np.int64)) if with_spans else (_EMPTY_I, _EMPTY_I)
    lens = np.fromiter(map(len, flat), dtype=np.int64, count=len(flat))
    if (lens == 0).any():  # defensive: segmenters do not return empty tokens
        per_text = [[t for t in tl if t] for tl in token_lists]
        return word_ngram_hashes(per_text, ngram_range, n_features, with_spans)
    counts = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    codes = _codes("".join(flat))
    starts = np.zeros(len(flat), dtype=np.int64)
    starts[1:] = np.cumsum(lens)[:-1]
    pos = (np.arange(len(codes), dtype=np.int64) - np.repeat(starts, lens)).astype(np.uint64)
    h = np.bitwise_xor.reduceat(_mix(codes * _M1 + pos, _SALT[1]), starts)
    word = np.logical_or.reduceat(_is_cjk(codes), starts)
    doc = np.repeat(np.arange(len(token_lists), dtype=np.int64), counts)[word]
    position = np.nonzero(word)[0]  # index of each word in the flat token list
    h = h[word]
    rows_out, cols_out, spans_out = [_EMPTY_I], [_EMPTY_I], [np.zeros((0, 2), np.int64)]
    lo, hi = ngram_range
    for n in range(lo, hi + 1):
        if len(h) < n:
            continue
        m = len(h) - n + 1
        g = h[:m].copy()
        same = np.ones(m, dtype=bool)
        for j in range(1, n):
            g = g * _M2 + h[j : j + m]
            same &= doc[j : j + m] == doc[:m]
        rows_out.append(doc[:m][same])
        cols_out.append((_mix(g[same], _WORD_SALT[n]) % np.uint64(n_features)).astype(np.int64))
        if with_spans:
            spans_out.append(np.stack([position[:m][same], position[n - 1 :][same] + 1], axis=1))
    if with_spans:
        return np.concatenate(rows_out), np.concatenate(cols_out), np.concatenate(spans_out)
    return np.concatenate(rows_out), np.concatenate(cols_out)


class SparseRows(NamedTuple):
    """A batch of feature rows in coordinate form; a (row, col) pair may repeat and then adds up."""

    row: np.ndarray
    col: np.ndarray
    data: np.ndarray
    n_rows: int
    n_cols: int

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """``X @ weights.T`` for a dense (k, n_cols) matrix (one contiguous row per class)."""
        out = np.empty((self.n_rows, weights.shape[0]), dtype=np.float64)
        for k in range(weights.shape[0]):
            # np.take on a 1-D row is several times faster than 2-D fancy indexing
            out[:, k] = np.bincount(self.row, weights=self.data * np.take(weights[k], self.col), minlength=self.n_rows)
        return out

    def to_scipy(self):
        import scipy.sparse as sp

        return sp.csr_matrix((self.data, (self.row, self.col)), shape=(self.n_rows, self.n_cols), dtype=np.float32)


def _count(rows: np.ndarray, cols: np.ndarray, n_cols: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (row, col) pairs, sorted, with their counts."""
    keys, counts = np.unique(rows * n_cols + cols, return_counts=True)
    return keys // n_cols, keys % n_cols, counts.astype(np.float32)


class WordOccurrences(NamedTuple):
    """The text behind each entry of a :class:`SparseRows`: ``spans[i]`` is the token range
    ``[start, stop)`` in ``tokens`` of entry ``i`` if it is a word n-gram, ``(-1, -1)`` otherwise."""

    spans: np.ndarray
    tokens: list[str]


class FeatureExtractor:
    """Vectorise records given as ``(title, body)`` pairs.

    Parameters
    ----------
    segmenter : Segmenter, default=None
        Word segmenter; ``None`` means a plain :class:`Segmenter`.
    char_ngram_range : tuple of int, default=(1, 3)
        Character n-gram orders of the title.
    body_char_ngram_range : tuple of int, default=(2, 3)
        Character n-gram orders of the body.
    word_ngram_range : tuple of int, default=(1, 2)
        Word n-gram orders.
    n_char_features, n_word_features : int, default=2**17
        Hash space of the character and word blocks.
    min_df : int, default=2
        Word n-grams seen in fewer training texts are ignored.
    body_weight : float, default=0.6
        Scale of the body blocks relative to the title blocks.
    max_body_chars : int, default=1000
        Only the beginning of a long body is read: the category shows in its first pages.
    """

    def __init__(self, segmenter: Segmenter | None = None, char_ngram_range=(1, 3), body_char_ngram_range=(2, 3),
                 word_ngram_range=(1, 2), n_char_features: int = 2**17, n_word_features: int = 2**17,
                 min_df: int = 2, body_weight: float = 0.6, max_body_chars: int = 1000):
        self.segmenter = segmenter if segmenter is not None else Segmenter()
        self.char_ngram_range = tuple(char_ngram_range)
        self.body_char_ngram_range = tuple(body_char_ngram_range)
        self.word_ngram_range = tuple(word_ngram_range)
        self.n_char_features = n_char_features
        self.n_word_features = n_word_features
        self.min_df = min_df
        self.body_weight = body_weight
        self.max_body_chars = max_body_chars

    # --- layout ---------------------------------------------------------------------------
    @property
    def n_features(self) -> int:
        return 2 * (self.n_char_features + self.n_word_features)

    def block_offsets(self) -> dict[str, int]:
        nc, nw = self.n_char_features, self.n_word_features
        return {"title_char": 0, "title_word": nc, "body_char": nc + nw, "body_word": 2 * nc + nw}

    # --- text -> hashes -------------------------------------------------------------------
    def _prepare(self, pairs) -> tuple[list[str], list[str]]:
        """Titles and body beginnings as given: normalisation happens on the code arrays."""
        titles = [t or "" for t, _ in pairs]
        bodies = [(b or "")[: self.max_body_chars] for _, b in pairs]
        return titles, bodies

    def _tokens(self, texts: list[str]) -> list[list[str]]:
        cut = self.segmenter.cut
        return [cut(t) if t.strip() else [] for t in texts]

    def _blocks(self, titles, bodies, tokens=None):
        """(block name, rows, cols, spans) of raw hashed occurrences, columns local to the block.

        ``spans`` is ``None`` for character blocks; for word blocks (when ``tokens`` is a list to
        fill) the token range of each n-gram in ``tokens``, where the block's token lists are appended.
        """
        yield ("title_char", *char_ngram_hashes(titles, self.char_ngram_range, self.n_char_features), None)
        for name, texts in (("title_word", titles), ("body_word", bodies)):
            if name == "body_word":
                yield ("body_char", *char_ngram_hashes(bodies, self.body_char_ngram_range, self.n_char_features),
                       None)
            token_lists = self._tokens(texts)
            if tokens is None:
                yield (name, *word_ngram_hashes(token_lists, self.word_ngram_range, self.n_word_features), None)
            else:
                rows, cols, spans = word_ngram_hashes(token_lists, self.word_ngram_range, self.n_word_features,
                                                      with_spans=True)
                yield name, rows, cols, spans + len(tokens)
                tokens.extend(chain.from_iterable(token_lists))

    # --- fit / transform ------------------------------------------------------------------
    def fit(self, pairs) -> "FeatureExtractor":
        titles, bodies = self._prepare(list(pairs))
        n = len(titles)
        idf = {}
        word_df = np.zeros(self.n_word_features, dtype=np.int64)
        for name, rows, cols, _ in self._blocks(titles, bodies):
            width = self.n_char_features if name.endswith("char") else self.n_word_features
            _, c, _ = _count(rows, cols, width)
            df = np.bincount(c, minlength=width)
            idf[name] = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
            if name.endswith("word"):
                word_df += df
        rare = word_df < self.min_df
        for name in ("title_word", "body_word"):
            idf[name][rare] = 0.0  # pruned: too rare to learn from
        self.idf_ = idf
        return self

    def transform(self, pairs, with_words: bool = False):
        """One entry per n-gram occurrence (repeats are not merged: a dot product sums them).

        An occurrence weighs the idf of its column; each block of a row is divided by
        ``sqrt(sum of squared occurrence weights)``. Nothing is sorted or de-duplicated, so the
        cost is a few linear passes over the batch's code points.

        With ``with_words``, returns ``(X, words)``: :class:`WordOccurrences` tells, for the word
        entries of ``X``, which tokens of the record's own text they are (for explanations).
        """
        pairs = list(pairs)
        titles, bodies = self._prepare(pairs)
        n = len(pairs)
        offsets = self.block_offsets()
        tokens: list[str] | None = [] if with_words else None
        rows_out, cols_out, data_out, spans_out = [], [], [], []
        for name, rows, cols, spans in self._blocks(titles, bodies, tokens):
            weight = self.idf_[name][cols]
            keep = weight > 0
            rows, cols, weight = rows[keep], cols[keep], weight[keep]
            norms = np.sqrt(np.bincount(rows, weights=weight * weight, minlength=n)).astype(np.float32)
            norms[norms == 0] = 1
            scale = np.float32(self.body_weight if name.startswith("body") else 1.0)
            rows_out.append(rows)
            cols_out.append(cols + offsets[name])
            data_out.append(weight / norms[rows] * scale)
            if with_words:
                spans_out.append(spans[keep] if spans is not None else np.full((len(rows), 2), -1, np.int64))
        X = SparseRows(np.concatenate(rows_out), np.concatenate(cols_out), np.concatenate(data_out), n,
                       self.n_features)
        if not with_words:
            return X
        return X, WordOccurrences(np.concatenate(spans_out), tokens)
