"""Length-preserving normalisation and cheap sentence/clause boundaries.

The review matches on a normalised copy of each field whose every character maps to exactly one
character of the original (full-width digits, letters and a few separators become ASCII), so a
span found on the copy is the same span in the original: no offset mapping is needed.
"""

from __future__ import annotations

import bisect
import re

_TABLE = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # full-width ASCII block -> ASCII
_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
               0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2013: 0x2D, 0x2212: 0x2D, 0xFE63: 0x2D})
# The ASCII versions of （）：；，！？ would lose the Chinese punctuation the recognizers read, so the
# full-width forms of these stay as they are.
for _ch in "（）：；，！？":
    _TABLE.pop(ord(_ch), None)


_NEEDS_TABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]+")


def _translate_run(match: re.Match) -> str:
    return match.group().translate(_TABLE)


def normalise(text: str) -> str:
    """Full-width digits/letters/@/+/-/. to ASCII, odd spaces to ' '; same length as ``text``.

    Only the runs that need it are translated (a draft has a dozen, not two thousand).
    """
    return _NEEDS_TABLE.sub(_translate_run, text)


CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

_SENTENCE_CHARS = frozenset("。；;！？!?\n")
_CLAUSE_RE = re.compile(r"[。；;！？!?\n，,、：:（）()《》“”\"]")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class Segments:
    """Sentence and clause boundaries of one text, queried by position (bisect, no re-scan)."""

    __slots__ = ("length", "_sent", "_clause")

    def __init__(self, text: str):
        self.length = len(text)
        self._clause = [m.start() for m in _CLAUSE_RE.finditer(text)]
        self._sent = [i for i in self._clause if text[i] in _SENTENCE_CHARS]

    @staticmethod
    def _around(bounds: list[int], length: int, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(bounds, start)
        j = bisect.bisect_left(bounds, end)
        return (bounds[i - 1] + 1 if i else 0), (bounds[j] if j < len(bounds) else length)

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        """``(left, right)`` of the sentence holding ``[start, end)`` (delimiters 。；！？ and newline)."""
        return self._around(self._sent, self.length, start, start + 1 if end is None else end)

    def clause(self, start: int, end: int | None = None) -> tuple[int, int]:
        """``(left, right)`` of the clause holding ``[start, end)`` (also split at ，、：（）《》)."""
        return self._around(self._clause, self.length, start, start + 1 if end is None else end)
