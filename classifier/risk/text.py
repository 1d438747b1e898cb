"""Normalisation with an offset map, and cheap sentence/clause boundaries.

The review matches on a normalised copy of each field (docs/design.md section 2):

- NFKC where it maps one character to one (full-width digits and letters, circled numbers,
  compatibility ideographs…); the Chinese punctuation （）：；，！？ and the ideographic space stay,
  because the recognizers read them;
- invisible characters (zero-width space U+200B, soft hyphen U+00AD, word joiner U+2060, BOM
  U+FEFF…) removed, so "1380\u200b0138000" is a mobile number;
- an ideographic space padding a two-character name ("王　芳") removed, the spaces that line up a name
  opening with a surname ("王  秀英", "符  英", "李 小 雨"), and the spaces padding a two-character label
  ("账　　号：", "住　　址：").

Every character of the copy keeps the offset of the original character it came from
(:attr:`Normalised.index`), so a span found on the copy maps back to a span of the original that
covers every original character of the value, the removed ones included. Separators inside digit
runs (single or repeated spaces, dots, hyphens, a line break) are not removed: the candidate shape
of :mod:`classifier.risk.shapes` reads across them, and the masks keep them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

import numpy as np

KEEP = frozenset("（）：；，！？\u3000")
"""Characters NFKC would change that the recognizers need as they are."""

INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d\u200e\u200f" \
            "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
"""Format and zero-width characters an evasion may hide inside a value."""


NFKC_BLOCKS = ((0x00A0, 0x0250), (0x2000, 0x2C00), (0x3000, 0x3400), (0xF900, 0xFB00), (0xFE10, 0xFE70),
               (0xFF00, 0xFFF0))
"""Where compatibility forms live: Latin-1 and spacing, punctuation/letterlike/number forms and circled
numbers, CJK symbols and enclosed/compatibility forms, compatibility ideographs, small and
full-width forms (the rest of the BMP is left as written)."""


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    """One-to-one replacements of the BMP: NFKC when it gives one character, odd spaces and dashes."""
    table = {}
    for c in (c for lo, hi in NFKC_BLOCKS for c in range(lo, hi)):
        ch = chr(c)
        if ch in KEEP or ch in INVISIBLE:
            continue
        k = unicodedata.normalize("NFKC", ch)
        if k != ch and len(k) == 1:
            table[c] = ord(k)
    table.update({0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x2010: 0x2D, 0x2011: 0x2D,
                  0x2012: 0x2D, 0x2013: 0x2D, 0x2014: 0x2D, 0x2015: 0x2D, 0x2212: 0x2D, 0xFE63: 0x2D, 0x2027: 0x2E})
    return table


@lru_cache(maxsize=1)
def _needs_table() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_table())) + "]+")


_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_UNITS = "号栋幢座楼室房单元门户层弄"
_STREETS = "街路巷道村组院"
_REMOVE = re.compile(f"(?=[{INVISIBLE} \u3000])"  # (every branch starts so: the scan skips other characters fast)
                     f"(?:[{INVISIBLE}]+"
                     f"|\u3000(?:(?<=^[{_CJK}]\u3000)|(?<=[^{_CJK}][{_CJK}]\u3000))(?=[{_CJK}](?:[^{_CJK}]|$))"
                     f"|[ \u3000](?:(?<=^[{_CJK}][ \u3000])|(?<=[^{_CJK}][{_CJK}][ \u3000]))[ \u3000]{{0,3}}(?=[{_CJK}][：:])"
                     f"| (?:(?<=[0-9] )(?=[{_UNITS}])"
                     rf"|(?<=[{_UNITS}{_STREETS}] )(?=[0-9][0-9\-]{{0,7}} ?[{_UNITS}])))")
"""Runs of invisible characters; an ideographic space padding a two-character name in a list or
table cell ("｜王　芳｜", "1. 王　芳，"): one between two characters that stand alone; the spaces
padding a two-character label to the width of a form's longer ones ("账　　号：", "住  址:"); and the one space
that sets apart the numbers of an address ("维明南大街 26 号院 11 号楼 3 单元 502 室"): between a number and its
unit, and before a number that has its unit (not the gap before the next cell: "302 房  138 7311…")."""


_LABEL_EQUALS = re.compile(f"(?m)^([ \t\u3000]*[{_CJK}（）()]{{1,12}})=(?!=)")
"""The = after the label that opens a "label=value" line a system exports ("举报人=某某", "收款账号=…"): read as
the label's colon (not the = of a sum: "6天×1500元＝9000元")."""


@lru_cache(maxsize=1)
def _padded_name() -> re.Pattern:
    """A name whose characters a list spaces apart to line it up ("王  秀英", "符  英", "李 小 雨"): a surname
    standing alone (not after a digit or letter: "1班\u3000\u3000吴" is two cells; not the 班 of a class: "七(3)班\u3000玉罕";
    not inside a run of spaced characters: "郜 海 波" is read from 郜), then one or two characters, one or two spaces
    or one ideographic space before each (the spaces are removed; two ideographic spaces part cells)."""
    from .name_tagger import surnames

    single = "".join(sorted(surnames()[0]))
    gap = "(?: {1,2}|\u3000)"
    # (the surname first and the looks behind it after, so that the scan stops only at a surname)
    return re.compile(f"[{single}](?<![{_CJK}0-9A-Za-z].)(?<![{_CJK}][ \u3000].)(?<![{_CJK}]  .)(?<![)）]班){gap}[{_CJK}]"
                      f"(?:{gap}?[{_CJK}])?(?![{_CJK}])")


def _removed(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` the normalised copy leaves out, in order and apart."""
    spans = [m.span() for m in _REMOVE.finditer(text)]
    for m in _padded_name().finditer(text):
        spans.extend(s.span() for s in _SPACES.finditer(text, m.start(), m.end()))
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


_SPACES = re.compile("[ \u3000]+")


def _translate_run(match: re.Match) -> str:
    return match.group().translate(_table())


class Normalised:
    """The normalised ``text`` of ``original`` and where each of its characters came from.

    ``index[i]`` is the offset in ``original`` of ``text[i]``; ``index`` is ``None`` when nothing
    was removed (then the offsets are the same).
    """

    __slots__ = ("original", "text", "index")

    def __init__(self, original: str):
        self.original = original
        text = _needs_table().sub(_translate_run, original)  # one to one: same offsets
        if "=" in text:
            text = _LABEL_EQUALS.sub(r"\1：", text)  # "救助对象=孟某某" exported from a system: a label and its value
        self.index: list[int] | None = None
        removed = _removed(text)
        if removed:
            pieces, index, pos = [], [], 0
            for a, b in removed:
                pieces.append(text[pos:a])
                index.extend(range(pos, a))
                pos = b
            pieces.append(text[pos:])
            index.extend(range(pos, len(text)))
            text = "".join(pieces)
            self.index = index
        self.text = text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` holding ``text[start:end]`` and every removed character inside it."""
        if self.index is None or end <= start:
            return start, end
        return self.index[start], self.index[end - 1] + 1


    def kept(self, start: int, end: int) -> str:
        """The original characters of ``text[start:end]`` as written (full-width stays), without the removed ones."""
        if self.index is None:
            return self.original[start:end]
        return "".join(self.original[i] for i in self.index[start:end])


def normalise(text: str) -> str:
    """The normalised text alone (see :class:`Normalised`)."""
    return Normalised(text).text


CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

_SENTENCE_CHARS = "。；;！？!?\n"
_CLAUSE_CHARS = _SENTENCE_CHARS + "，,、：:（）()《》“”\""


def _char_mask(chars: str) -> np.ndarray:
    """A lookup table over the Basic Multilingual Plane: true at each of ``chars``."""
    mask = np.zeros(0x10000, dtype=bool)
    mask[[ord(c) for c in chars]] = True
    return mask


_SENTENCE_MASK = _char_mask(_SENTENCE_CHARS)
_CLAUSE_MASK = _char_mask(_CLAUSE_CHARS)


def _code_points(text: str) -> np.ndarray:
    """The text's code points, those beyond the Basic Multilingual Plane clipped to U+FFFF (no boundary there; a
    lone surrogate passes through as its own code)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.minimum(codes, 0xFFFF)


SEMICOLON_CELL = 40
SEMICOLON_ROW = 400
"""A row written "姓名；住址；救助类别；金额": short cells, no sentence end (prose has 。 and long clauses)."""


def semicolon_row(line: str) -> bool:
    """The line is a table row whose cells are separated by ；."""
    if len(line) > SEMICOLON_ROW:
        return False
    cells = line.rstrip("；; \t\u3000").split("；")
    return len(cells) >= 3 and "。" not in line and all(0 < len(c.strip()) <= SEMICOLON_CELL for c in cells)


def csv_row(line: str) -> bool:
    """The line is a row of comma-separated values ("1,张静兰,清华大学自动化系,1201…"): at least three short cells,
    words in one of them (not "1,234,567"), no Chinese punctuation (prose written with ASCII commas has 。 and ，)."""
    if len(line) > SEMICOLON_ROW or "，" in line or "。" in line:
        return False
    cells = line.rstrip(", \t").split(",")
    return len(cells) >= 3 and all(len(c.strip()) <= SEMICOLON_CELL for c in cells) and any(map(is_cjk, line))


def _row_semicolons(text: str) -> set[int]:
    """Positions of the ； that separate cells of table rows (one pass over the lines holding a ；)."""
    out: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        if "；" in line and semicolon_row(line):
            out.update(pos + i for i, ch in enumerate(line) if ch == "；")
        pos += len(line) + 1
    return out


ITEM_NUMBER = (r"(?:[0-9]{1,3}[.、．]|[0-9]{1,3}[）)](?![0-9])|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[①-⑳]|序号[0-9]{1,3}[，,]?"
               r"|[一二三四五六七八九十]{1,3}、)")
"""One item number: "1. ", "1、", "1）", "（2）", "③", "序号3", "二、"."""
ITEM_NUMBERING = r"[ \t\u3000]*(?:" + ITEM_NUMBER + r"[ \t\u3000]*)?"
"""The numbering that may open a list item or record, spaces around it (one run of spaces where there is no
number: two runs side by side would be cut in as many ways as the run is long, at every start)."""
ITEM_NUMBERING_RE = re.compile(ITEM_NUMBERING)
MASKED_NAME = r"[\u4e00-\u9fff]{1,2}(?:某某?|[*＊]{1,2})"
"""A masked person's name: "赵某某", "刘某", "宋**", "韦*"."""
PERSON_RECORD_RE = re.compile(ITEM_NUMBERING + r"(?:[\u4e00-\u9fff]{2,4}[：:]?[ \t\u3000]*)?" + MASKED_NAME + r"[，,、（(]")
"""A line or list item that opens with a (masked) person, labelled or not ("申请人：钱某，", "2. 冯某某，",
"1. 收件人宋**，"): what the line gives is that person's."""

RECORD_LINE_RE = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff]{2,8}[：:]")
"""A line of a record written as "label：value" ("姓名：张三", "病种：尿毒症")."""


def _inside_record(text: str, i: int) -> bool:
    """The line break at ``i`` separates two "label：value" lines of one record ("姓名：张三\n病种：尿毒症"):
    the record is one sentence, so what a line says is said of the person another line names."""
    if text[i] != "\n" or not RECORD_LINE_RE.match(text, i + 1, min(len(text), i + 16)):
        return False
    ls = text.rfind("\n", max(0, i - 200), i) + 1
    return RECORD_LINE_RE.match(text, ls, min(i, ls + 16)) is not None


PADDING_CHARS = " \t\u3000"


def trimmed(text: str, a: int, b: int, chars: str = PADDING_CHARS) -> tuple[int, int]:
    """``[a, b)`` without the padding either side (a table cell's value: "｜  城市低保  ｜")."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def line_start(text: str, pos: int, reach: int) -> int:
    """Where the line holding ``pos`` starts, looked for at most ``reach`` characters back (a line without end is
    not read to its start: ``pos - reach`` then)."""
    return max(text.rfind("\n", max(0, pos - reach), pos) + 1, pos - reach)


def line_end(text: str, pos: int, reach: int) -> int:
    """Where the line holding ``pos`` ends, looked for at most ``reach`` characters on (``pos + reach`` then, within
    the text): :func:`line_start`'s other side."""
    end = text.find("\n", pos, pos + reach)
    return min(len(text), pos + reach) if end < 0 else end


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


REACH = 300
"""The farthest a sentence or clause reaches either side of what is asked about (real sentences are shorter)."""


class Segments:
    """Sentence and clause boundaries of one text, queried by position (bisect, no re-scan)."""

    __slots__ = ("length", "_sent", "_clause")

    def __init__(self, text: str):
        self.length = len(text)
        # the boundaries are found with lookup tables over the code points (one C pass, not a match per mark)
        codes = _code_points(text)
        clause = np.flatnonzero(_CLAUSE_MASK[codes])
        self._clause = clause.tolist()
        cells = _row_semicolons(text) if "；" in text else ()
        self._sent = [i for i in clause[_SENTENCE_MASK[codes[clause]]].tolist()
                      if i not in cells and (text[i] != "\n" or not _inside_record(text, i))]
        # (only a line break may join a record)

    @staticmethod
    def _around(bounds: list[int], length: int, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(bounds, start)
        j = bisect.bisect_left(bounds, end)
        left, right = (bounds[i - 1] + 1 if i else 0), (bounds[j] if j < len(bounds) else length)
        # A "sentence" of a hostile text can be the whole megabyte: every look at it stays local.
        return max(left, start - REACH), min(right, end + REACH)

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        """``(left, right)`` of the sentence holding ``[start, end)`` (delimiters 。；！？ and newline)."""
        return self._around(self._sent, self.length, start, start + 1 if end is None else end)

    def clause(self, start: int, end: int | None = None) -> tuple[int, int]:
        """``(left, right)`` of the clause holding ``[start, end)`` (also split at ，、：（）《》)."""
        return self._around(self._clause, self.length, start, start + 1 if end is None else end)
