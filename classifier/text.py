"""Text helpers: a normalised form for de-duplicating the corpus, and what counts as a word.

The features normalise on code arrays (see :mod:`classifier.features`); the risk review works on
the original text (spans are offsets into it)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[\s\u200b\ufeff\0]+")
_DIGIT = re.compile(r"[0-9]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalize(text: str) -> str:
    """NFKC, lower case, whitespace removed, every digit mapped to ``0``.

    Titles on real sites carry stray spaces ("关于 开展") and years and numbers vary endlessly,
    neither of which says anything about the category. NFKC runs only when the quick check says
    the text is not already normalised (most drafts are).
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _DIGIT.sub("0", _SPACE.sub("", text.lower()))


def is_word(token: str) -> bool:
    """A token worth a word feature: it contains at least one 汉字."""
    return _CJK.search(token) is not None
