"""Text normalisation for the category features (not for spans: the risk review works on the original)."""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = {ord(c): None for c in "\0 \t\r\n\u3000\u00a0\u200b\ufeff"}
_TRANSLATE.update({ord(str(d)): "0" for d in range(10)})

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalize(text: str) -> str:
    """NFKC, lower case, whitespace removed, every digit mapped to ``0``.

    Titles on real sites carry stray spaces ("关于 开展") and years and numbers vary endlessly,
    neither of which says anything about the category.
    """
    return unicodedata.normalize("NFKC", text).lower().translate(_TRANSLATE)


def is_word(token: str) -> bool:
    """A token worth a word feature: it contains at least one 汉字."""
    return _CJK.search(token) is not None
