"""Word segmentation with jieba's dictionary and algorithm.

:class:`Segmenter` owns its own ``jieba.Tokenizer`` (never the module-global one) and, as the fast
path, an ``rjieba.Jieba`` instance (jieba-rs: same dictionary, same algorithm, ~15x faster). Both
get the same user dictionary, which is a parameter of the segmenter and therefore travels inside a
saved model. Heavy state is built lazily, once, under a lock, and is not pickled.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Iterable, Sequence


class Segmenter:
    """Cut Chinese text into words.

    Parameters
    ----------
    user_words : sequence of str, default=()
        Domain words added to the dictionary (e.g. ``三公经费``, ``询价公告``).
    fast : bool, default=True
        Use rjieba (jieba-rs) for cutting. Training sets this from :meth:`agreement` on the
        corpus: the fast path is kept only where it cuts the same as jieba.
    hmm : bool, default=True
        Use jieba's HMM for unknown words (jieba's default).
    """

    def __init__(self, user_words: Sequence[str] = (), fast: bool = True, hmm: bool = True):
        self.user_words = tuple(user_words)
        self.fast = fast
        self.hmm = hmm
        self._lock = threading.Lock()
        self._jieba = None
        self._rjieba = None

    # scikit-learn style parameter access, so the segmenter can be cloned inside a Pipeline.
    def get_params(self, deep: bool = True) -> dict:
        return {"user_words": self.user_words, "fast": self.fast, "hmm": self.hmm}

    def set_params(self, **params) -> "Segmenter":
        for key, value in params.items():
            setattr(self, key, tuple(value) if key == "user_words" else value)
        self._jieba = self._rjieba = None
        return self

    def __repr__(self) -> str:
        return f"Segmenter(user_words=<{len(self.user_words)} words>, fast={self.fast}, hmm={self.hmm})"

    def __getstate__(self) -> dict:
        return {"user_words": self.user_words, "fast": self.fast, "hmm": self.hmm}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    # --- lazy resources -------------------------------------------------------------------
    def _python_tokenizer(self):
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    for word in self.user_words:
                        tokenizer.add_word(word)
                    self._jieba = tokenizer
        return self._jieba

    def _fast_tokenizer(self):
        if self._rjieba is None:
            with self._lock:
                if self._rjieba is None:
                    import rjieba

                    tokenizer = rjieba.Jieba()
                    for word in self.user_words:
                        tokenizer.add_word(word, None, None)
                    self._rjieba = tokenizer
        return self._rjieba

    def warm(self) -> "Segmenter":
        """Load the dictionaries now (start-up), not on the first request."""
        self.cut("作为")
        return self

    # --- cutting --------------------------------------------------------------------------
    def cut(self, text: str) -> list[str]:
        """Words of ``text`` as a list (scikit-learn's n-gram code calls ``len``)."""
        if self.fast:
            return self._fast_tokenizer().cut(text, self.hmm)
        return self._python_tokenizer().lcut(text, HMM=self.hmm)

    def cut_python(self, text: str) -> list[str]:
        """Cut with the reference (pure-Python jieba) implementation."""
        return self._python_tokenizer().lcut(text, HMM=self.hmm)

    def cut_fast(self, text: str) -> list[str]:
        """Cut with rjieba (jieba-rs)."""
        return self._fast_tokenizer().cut(text, self.hmm)

    def agreement(self, texts: Iterable[str], keep: Callable[[str], bool] | None = None) -> tuple[float, int]:
        """Share of ``texts`` that rjieba and jieba cut identically, and the number checked.

        ``keep`` filters the tokens compared (the features, for instance, only use words with a 汉字).
        """
        same = total = 0
        for text in texts:
            if not text.strip():
                continue
            total += 1
            fast, slow = self.cut_fast(text), self.cut_python(text)
            if keep is not None:
                fast, slow = [t for t in fast if keep(t)], [t for t in slow if keep(t)]
            same += fast == slow
        return (same / total if total else 1.0), total
