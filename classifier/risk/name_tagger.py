"""A learned person-name (PER) recogniser: a character-level CRF (python-crfsuite).

The surname-list rules of :mod:`classifier.risk.names` find names after a cue word (姓名：, 申请人);
this tagger also finds names without a cue (同意给予某某临时救助金), the second and third names of a
list, names in table rows and names padded with a (full-width) space. The model is a crfsuite
binary file in the model bundle (``names.crfsuite``, built by ``gongkai train-names`` from
``training/names``); :func:`char_features` is the one feature function shared by training and
serving, so the two cannot drift apart.

Cost: features are built in one pass over the characters (no segmenter, no regular expressions), the
CRF is linear in the text length, long text is tagged in bounded pieces, and each thread keeps its own
``pycrfsuite.Tagger`` (a tagger is not thread-safe; opening one is done once per thread).
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

from ..errors import ModelError

LABELS = ("B", "I1", "I2", "I3", "O")
"""Person names only: B starts a name, I1 I2 I3 are its second, third and later characters (padding
spaces inside included), O is everything else."""

MAX_PIECE = 300
"""Longest run of characters tagged as one CRF sequence; longer text is cut at a separator."""

_CUTS = frozenset("\n。！？；;!?")
_SPACES = frozenset(" \t\u3000\u00a0\u2002\u2003\u2009")


@dataclass(frozen=True)
class NameSpan:
    """A person name at ``text[start:end]`` (code-point offsets); ``score`` is the CRF marginal 0..1."""

    start: int
    end: int
    score: float


# ---- features --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames) from ``data/surnames.txt``."""
    text = resources.files("classifier.risk").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    single, compound = set(), set()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for word in line.split():
            (single if len(word) == 1 else compound).add(word)
    return frozenset(single), frozenset(compound)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Two- and three-character common words from ``data/common_words.txt`` (word boundaries)."""
    text = resources.files("classifier.risk").joinpath("data/common_words.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        word = line.split("\t", 1)[0]
        if 2 <= len(word) <= 3:
            out.add(word)
    return frozenset(out)


def _char_class(ch: str) -> str:
    """H han, D digit, L latin letter, S space, P punctuation/symbol, X other."""
    if ch in _SPACES:
        return "S"
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F:
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "L"
    cat = unicodedata.category(ch)
    if cat[0] in "PSZ":
        return "P"
    return "X"


@lru_cache(maxsize=8192)
def _class_cached(ch: str) -> str:
    return _char_class(ch)


@lru_cache(maxsize=8192)
def _feature_char(ch: str) -> str:
    """The character as a feature: spaces are one space; lone surrogates and NUL become U+FFFD."""
    if ch in _SPACES:
        return " "
    if ch == "\0" or 0xD800 <= ord(ch) <= 0xDFFF:
        return "\ufffd"
    return ch


def char_features(text: str) -> list[tuple[str, ...]]:
    """The CRF features of each character of ``text`` (training and serving both call this).

    Per character: the character and its neighbours, the four bigrams within two characters of it,
    the classes of the three centre characters (han/digit/latin/space/punctuation), whether the
    character or the one or two before it starts a single or compound surname, and where common
    words (``data/common_words.txt``) start and end around it — a name usually ends where a word
    such as 长期 or 签字 begins. Spaces are one class (half- and full-width alike) so a padded name
    (王　芳) reads like an unpadded one. Built column by column with list comprehensions: one
    pass per feature, no per-character Python function calls beyond two cached look-ups.
    """
    n = len(text)
    if not n:
        return []
    single, compound = surnames()
    words = common_words()
    # padded columns: index k + 2 is character k; two sentinels on each side
    ch = ["^", "^", *map(_feature_char, text), "$", "$"]
    cl = ["B", "B", *map(_class_cached, text), "E", "E"]
    pairs = [text[i:i + 2] for i in range(n)]
    # surname marks: "2" first character of a compound surname, "1" single surname, "-" none
    mk = ["-", "-", *("2" if p in compound else "1" if p[0] in single else "-" for p in pairs), "-", "-"]
    # word marks: a common word of three ("S") or two ("s") characters starts here; one ends here ("e")
    w2 = [p in words for p in pairs]
    starts = ["S" if text[i:i + 3] in words else "s" if w2[i] else "-" for i in range(n)]
    ends = ["-", *("e" if w else "-" for w in w2[:-1])]
    wm = ["--", "--", *(a + b for a, b in zip(starts, ends)), "--", "--"]
    bi = [a + b for a, b in zip(ch, ch[1:])]  # bi[j] = ch[j] + ch[j + 1]
    t3 = [a + b + c for a, b, c in zip(cl, cl[1:], cl[2:])]
    s3 = [a + b + c for a, b, c in zip(mk, mk[1:], mk[2:])]
    w3 = [a + b + c for a, b, c in zip(wm, wm[1:], wm[2:])]
    return list(zip(
        ["c=" + x for x in ch[2:n + 2]],
        ["p=" + x for x in ch[1:n + 1]],
        ["n=" + x for x in ch[3:n + 3]],
        ["pc=" + x for x in bi[1:n + 1]],
        ["cn=" + x for x in bi[2:n + 2]],
        ["qp=" + x for x in bi[:n]],
        ["nm=" + x for x in bi[3:n + 3]],
        ["t=" + x for x in t3[1:n + 1]],
        ["s=" + x for x in s3[:n]],
        ["w=" + x for x in w3[1:n + 1]],
        ["wn=" + a + b for a, b in zip(wm[3:n + 3], wm[4:n + 4])],
    ))


# ---- pieces ----------------------------------------------------------------------------------------
def _pieces(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most MAX_PIECE characters, at separators if possible."""
    out = []
    s = start
    while end - s > MAX_PIECE:
        limit = s + MAX_PIECE
        cut = -1
        for j in range(limit - 1, s + MAX_PIECE // 2, -1):
            if text[j] in _CUTS:
                cut = j + 1
                break
        if cut < 0:
            cut = limit
        out.append((s, cut))
        s = cut
    if end > s:
        out.append((s, end))
    return out


class NameTagger:
    """Tags person names with a crfsuite model; safe to share between threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._tagger()  # open once now so a bad file fails at load time, not at the first request
        char_features("王")  # read the surname and word lists now, not during the first review

    @classmethod
    def load(cls, path: Path) -> "NameTagger":
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"找不到人名识别模型文件：{path}", "model_not_found")
        return cls(path)

    def _tagger(self):
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.path))
            except Exception as exc:  # crfsuite raises a bare ValueError on a bad file
                raise ModelError(f"无法加载人名识别模型 {self.path.name}：{exc}", "model_invalid") from exc
            if not set(tagger.labels()) <= set(LABELS):
                raise ModelError(f"人名识别模型 {self.path.name} 的标签 {sorted(tagger.labels())} 不是本程序使用的标签，"
                                 "请用 `gongkai train-names` 重新训练。", "incompatible_model")
            self._local.tagger = tagger
        return tagger

    def spans(self, text: str, windows: Sequence[tuple[int, int]] | None = None) -> list[NameSpan]:
        """Person names in ``text``; with ``windows``, only inside those ``[start, end)`` ranges.

        Offsets are always into ``text``. Overlapping windows are merged first, so a name is
        reported once.
        """
        n = len(text)
        if windows is None:
            ranges = [(0, n)] if n else []
        else:
            ranges = []
            for a, b in sorted((max(0, int(a)), min(n, int(b))) for a, b in windows):
                if b <= a:
                    continue
                if ranges and a <= ranges[-1][1]:
                    ranges[-1] = (ranges[-1][0], max(ranges[-1][1], b))
                else:
                    ranges.append((a, b))
        tagger = self._tagger()
        found: list[NameSpan] = []
        for a, b in ranges:
            for s, e in _pieces(a, b, text):
                found.extend(self._tag_piece(tagger, text, s, e))
        return found

    @staticmethod
    def _tag_piece(tagger, text: str, s: int, e: int) -> list[NameSpan]:
        piece = text[s:e]
        labels = tagger.tag(char_features(piece))
        out = []
        i, m = 0, len(labels)
        while i < m:
            if labels[i] == "O" or (labels[i][0] == "I" and piece[i] in _SPACES):
                i += 1
                continue
            j = i + 1
            while j < m and labels[j][0] == "I":
                j += 1
            k = j
            while k > i and piece[k - 1] in _SPACES:  # a padded name ends at its last character
                k -= 1
            if k > i:
                score = min(tagger.marginal(labels[t], t) for t in range(i, k))
                out.append(NameSpan(s + i, s + k, round(float(score), 4)))
            i = j
        return out
