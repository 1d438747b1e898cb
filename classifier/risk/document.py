"""One draft as the recognizers see it: per field, the normalised text, its candidates and term hits."""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .base import Candidate
from .checksums import id_card_valid
from .persons.mention import PersonIndex
from .text import PERSON_RECORD_RE, Normalised, Segments, csv_row, is_cjk, semicolon_row


_SPACE_RUN = re.compile("\u3000+|\t+| {2,}")
"""Cell separators of a table written without bars: tabs, ideographic spaces, or aligned columns (2+ spaces)."""


def _cells(line: str) -> list[tuple[int, int]] | None:
    """Cell spans of a table line, or ``None`` if the line is not one (at least three cells)."""
    if ("|" not in line and "｜" not in line and "\t" not in line and "\u3000" not in line and "  " not in line
            and "；" not in line and "," not in line):
        return None  # most lines of prose: no separator at all
    for sep in ("｜", "|", "；", ","):
        if sep == "," and ("\t" in line or "\u3000" in line or "  " in line):
            break  # "1,268,430.00    6222…": figures with thousands separators in a row parted by spaces or tabs
        if line.count(sep) >= 2 and (sep not in "；," or (semicolon_row(line) if sep == "；" else csv_row(line))):
            out, a = [], 0
            for i, ch in enumerate(line):
                if ch == sep:
                    out.append((a, i))
                    a = i + 1
            out.append((a, len(line)))
            return out
    body = line.lstrip("\u3000 \t")
    lead = len(line) - len(body)
    cuts = [(m.start() + lead, m.end() + lead) for m in _SPACE_RUN.finditer(body.rstrip())]
    if len(cuts) < 2:
        return None
    out, a = [], lead
    for s, e in cuts:
        out.append((a, s))
        a = e
    out.append((a, len(line.rstrip())))
    return _joined(line, out, _padded_name)


_SINGLE_SPACE = re.compile(r"(?<=\S) (?=\S)")


def _split_at_single_spaces(text: str, cells: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """A row of an aligned table with fewer cells than its header: a single space may part two of its columns
    ("春申街道 苏湾村   胡德胜" under "乡镇    村       姓名"). The row's cells split at single spaces when that gives
    exactly the header's number of columns (else as they were: a cell may hold a space of its own)."""
    out = []
    for a, b in cells:
        for m in _SINGLE_SPACE.finditer(text, a, b):
            out.append((a, m.start()))
            a = m.end()
        out.append((a, b))
    return out if len(out) == width else cells


def _joined(text: str, cells: list[tuple[int, int]], joins) -> list[tuple[int, int]]:
    """``cells`` with every cell that ``joins(text, previous cell, cell)`` merged into the cell before it."""
    out: list[tuple[int, int]] = []
    for cell in cells:
        if out and joins(text, out[-1], cell):
            out[-1] = (out[-1][0], cell[1])
        else:
            out.append(cell)
    return out


def _padded_name(line: str, prev: tuple[int, int], cell: tuple[int, int]) -> bool:
    """"龙  进     4": a one-character cell two spaces before a short one is a name lined up to the
    width of three ("龙  进"), not two columns."""
    (pa, pb), (a, b) = prev, cell
    return (pb - pa == 1 and is_cjk(line[pa]) and a - pb == 2 and line[pb:a] == "  "
            and 1 <= len(line[a:b].replace(" ", "")) <= 2 and all(is_cjk(c) or c == " " for c in line[a:b]))


def _spaced_header_word(text: str, prev: tuple[int, int], cell: tuple[int, int]) -> bool:
    """"姓    名    性别    出生年月": two one-character cells side by side in a table's header row are one
    column's name spaced out to the width of its cells ("姓名"), not two columns (the rows under it have one cell
    there)."""
    (pa, pb), (a, b) = prev, cell
    return pb - pa == 1 and b - a == 1 and is_cjk(text[pa]) and is_cjk(text[a])


LIST_SEPARATORS = frozenset("、，,；;/ ")
"""Between the values of an enumeration."""
LIST_NOTE = 20
"""A note in brackets after a listed value ("（持证人赵某）") is at most this long."""


class Hit(NamedTuple):
    """One occurrence of a lexicon word: ``[start, end)`` and the tags of the word."""

    start: int
    end: int
    term: str
    tags: frozenset


_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


class FieldText:
    """``title`` or ``body``: original and normalised text, candidates, hits (offsets into ``text``)."""

    def __init__(self, name: str, original: str):
        self.name = name
        self.original = original
        self.normalised = Normalised(original)
        self.text = self.normalised.text  # what the recognizers read; spans map back with to_original
        self.candidates: list[Candidate] = []
        self.hits: list[Hit] = []  # sorted by start
        self._starts: list[int] = []
        self.by_tag: dict[str, list[Hit]] = {}
        self._tag_starts: dict[str, list[int]] = {}
        self._tables: list[tuple[int, int, list[str]]] | None = None
        self._by_end: dict[int, Candidate] | None = None
        self._cells = None
        self._header_cells = None
        self.memo: dict = {}  # per-field scratch of one review, keyed by recognizer ("address_end")

    @cached_property
    def segments(self) -> Segments:
        """Sentence and clause boundaries, found the first time a recognizer asks (a draft in which nothing is
        looked at around a hit never pays for them)."""
        return Segments(self.text)

    def id_between(self, lo: int, hi: int) -> bool:
        """A valid 18-digit ID number starts in ``[lo, hi)``."""
        return bool(self.ids_between(lo, hi))

    def ids_between(self, lo: int, hi: int) -> list[int]:
        """Where the valid 18-digit ID numbers that start in ``[lo, hi)`` start. The field's ID numbers are found
        once, from its digit candidates, and looked up by bisection."""
        ids = self.memo.get("id_starts")
        if ids is None:
            ids = sorted(c.start for c in self.candidates
                         if c.shape == "number" and len(c.compact) == 18 and id_card_valid(c.compact))
            self.memo["id_starts"] = ids
        return ids[bisect.bisect_left(ids, lo):bisect.bisect_left(ids, hi)]

    def opens_with_person(self, start: int, reach: int) -> bool:
        """The line of ``start`` (at most ``reach`` characters back) opens with a masked person, in the same
        sentence as ``start`` ("1. 收件人宋**，电话…，地址…"): what the line gives is that person's."""
        t = self.text
        line = t.rfind("\n", max(0, start - reach), start) + 1
        if (line == 0 and start > reach) or self.segments.sentence(start)[0] > line:
            return False  # the line began further back, or a later sentence of it ("经营者：刘某。如有疑问，请联系…")
        return PERSON_RECORD_RE.match(t, line, start) is not None

    def candidate_ending_at(self, end: int) -> Candidate | None:
        """The candidate of the combined regex that ends at ``end`` (built once per field)."""
        if self._by_end is None:
            self._by_end = {c.end: c for c in self.candidates}
        return self._by_end.get(end)

    def list_head(self, start: int) -> int:
        """Where the enumeration holding the candidate at ``start`` begins: "护照号码如下：SE2187460、
        SE2187461、PE0934217" — the label before the first value is the label of every value, also across
        a short note in brackets after each ("E87416523（持证人赵某）、EJ3062518（持证人孙某某）"). The start
        of the first value of the chain, or ``start`` itself. Computed once per candidate (a long list
        walks each link once)."""
        heads = self.memo.setdefault("list_head", {})
        chain = []
        cur = start
        while cur not in heads:  # leftwards without recursion: a 10,000-item list is no deep stack
            chain.append(cur)
            prev = self._list_prev(cur)
            if prev is None:
                heads[cur] = cur
                break
            cur = prev
        head = heads[cur]
        for c in chain:
            heads[c] = head
        return head

    def _list_prev(self, start: int) -> int | None:
        """The start of the value listed right before the one at ``start``, or ``None``."""
        t = self.text
        j = start
        while j > 0 and start - j < 2 and t[j - 1] in LIST_SEPARATORS:
            j -= 1
        if j > 0 and t[j - 1] in "）)":
            k = max(t.rfind("（", max(0, j - LIST_NOTE), j), t.rfind("(", max(0, j - LIST_NOTE), j))
            if k >= 0 and not any(ch in "）)\n" for ch in t[k:j - 1]):
                j = k
        if j == start:
            return None
        prev = self.candidate_ending_at(j)
        return prev.start if prev is not None and prev.start < start else None

    # ---- tables ("序号｜姓名｜联系方式" then rows; also tab- or 　-separated) -------------------------
    def _table_blocks(self) -> list[tuple[int, int, list[str], list[tuple[int, list[tuple[int, int]]]]]]:
        """Blocks of consecutive table lines: ``(start, end, header cells, rows)``; a row is
        ``(line start, cell spans)``. Cells are split at ｜, |, tabs or runs of ideographic spaces, or at the ；
        or the ASCII commas of a row of short cells ("姓名；住址；…", "1,张三,某某大学,…")."""
        if self._tables is None:
            blocks = []
            cur = None
            pos = 0
            for line in self.text.split("\n"):
                cells = _cells(line)
                if cells is not None:
                    spans = [(pos + a, pos + b) for a, b in cells]
                    if cur is None:
                        if any(ch.isdigit() for ch in line):
                            # no header row: the first line is data ("1｜…", "管某生　窑前村　救助3000元")
                            cur = (pos, [], [(pos, spans)], spans)
                        else:
                            spans = _joined(self.text, spans, _spaced_header_word)
                            header = ["".join(self.text[a:b].split()) for a, b in spans]  # ("姓    名": 姓名)
                            cur = (pos, header, [], spans)
                        blocks.append(cur)
                    else:
                        if len(spans) < len(cur[1]):
                            spans = _split_at_single_spaces(self.text, spans, len(cur[1]))
                        cur[2].append((pos, spans))
                else:
                    cur = None
                pos += len(line) + 1
            self._tables = [(st, (rows[-1][1][-1][1] if rows else st), header, rows, hspans)
                            for st, header, rows, hspans in blocks]
        return self._tables

    def table_rows(self):
        """``(header cells, row cell spans)`` of every data row of every table."""
        for _, _, header, rows, _ in self._table_blocks():
            for _, spans in rows:
                yield header, spans

    def column_cells(self, pos: int) -> list[tuple[int, int]]:
        """The data cells (spans) of the column whose header cell holds ``pos`` ([] if ``pos`` is in no
        table header): "残疾等级" in the header row gives every row's cell under it. (Bisect on an index of
        the header cells, built once.)"""
        if self._header_cells is None:
            index = []
            for _, _, header, rows, hspans in self._table_blocks():
                if header:
                    index.extend((a, b, i, rows) for i, (a, b) in enumerate(hspans))
            index.sort(key=lambda c: c[0])
            self._header_cells = ([c[0] for c in index], index)
        starts, index = self._header_cells
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or pos >= index[k][1]:
            return []
        _, _, i, rows = index[k]
        return [spans[i] for _, spans in rows if i < len(spans)]

    def _cell_at(self, pos: int) -> tuple[list[str], int] | None:
        """``(header cells, column index)`` of the data cell holding ``pos`` (bisect on an index)."""
        if self._cells is None:
            starts, ends, refs = [], [], []
            for _, _, header, rows, hspans in self._table_blocks():
                for _, spans in rows:
                    for i, (a, b) in enumerate(spans):
                        starts.append(a)
                        ends.append(b)
                        refs.append((header, i, hspans if header else ()))
            self._cells = (starts, ends, refs)
        starts, ends, refs = self._cells
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and pos < ends[k]:
            return refs[k]
        return None

    def column_header(self, pos: int) -> str:
        """The header of the table column holding ``pos`` ("" outside a table or in its header row)."""
        cell = self._cell_at(pos)
        if cell is None:
            return ""
        header, i, _ = cell
        return header[i] if i < len(header) else ""

    def cell_span(self, pos: int) -> tuple[int, int] | None:
        """The span of the table data cell holding ``pos`` (None outside a table's data rows)."""
        if self._cell_at(pos) is None:  # builds the index
            return None
        starts, ends, _ = self._cells
        k = bisect.bisect_right(starts, pos) - 1
        return starts[k], ends[k]

    def column_terms(self, pos: int) -> set[str]:
        """The lexicon words of the header of the column holding ``pos``: the header is the label of
        every row's cell ("住址", "身份证号", "联系电话"), however far below it the row is."""
        cell = self._cell_at(pos)
        if cell is None or cell[1] >= len(cell[2]):
            return set()
        a, b = cell[2][cell[1]]
        return self.terms_between(a, b)

    def table_start(self, pos: int) -> int | None:
        """Where the table holding ``pos`` (its header row or a data row) begins; ``None`` outside a table."""
        blocks = self._table_blocks()
        starts = self.memo.get("table_starts")
        if starts is None:
            starts = self.memo["table_starts"] = [b[0] for b in blocks]
        k = bisect.bisect_right(starts, pos) - 1
        return blocks[k][0] if k >= 0 and pos <= blocks[k][1] else None

    def table_header_of(self, pos: int) -> list[str]:
        """All header cells of the table holding ``pos`` ([] outside a table)."""
        cell = self._cell_at(pos)
        return cell[0] if cell else []

    def set_hits(self, hits: list[Hit]) -> None:
        # by start, the longer first: two stable C-level sorts instead of a key tuple per hit
        hits.sort(key=_END, reverse=True)
        hits.sort(key=_START)
        self.hits = hits
        self._starts = [h.start for h in hits]
        # grouped by tag set first (a word's tags are one shared frozenset): a tag held by one group
        # takes that list as it is; a tag of several groups merges them back into text order
        groups: dict[frozenset, list[Hit]] = {}
        for h in hits:
            group = groups.get(h.tags)
            if group is None:
                groups[h.tags] = [h]
            else:
                group.append(h)
        parts: dict[str, list[list[Hit]]] = {}
        for tags, group in groups.items():
            for tag in tags:
                parts.setdefault(tag, []).append(group)
        by_tag: dict[str, list[Hit]] = {}
        for tag, lists in parts.items():
            if len(lists) == 1:
                by_tag[tag] = list(lists[0])
            else:
                merged = [h for group in lists for h in group]
                merged.sort(key=_END, reverse=True)
                merged.sort(key=_START)
                by_tag[tag] = merged
        self.by_tag = by_tag
        self._tag_starts = {}

    def hits_between(self, lo: int, hi: int) -> list[Hit]:
        """Hits lying entirely inside ``[lo, hi)``."""
        lo = max(lo, 0)
        i = bisect.bisect_left(self._starts, lo)
        out = []
        while i < len(self.hits) and self.hits[i].start < hi:
            if self.hits[i].end <= hi:
                out.append(self.hits[i])
            i += 1
        return out

    def says(self, start: int, end: int, words, reach: int) -> bool:
        """The sentence of ``[start, end)`` holds one of ``words`` within ``reach`` characters either side ("校验位错误",
        "（位数错误）": what the text says of the value there)."""
        sl, sr = self.segments.sentence(start, end)
        t = self.text
        left, right = t[max(sl, start - reach):start], t[end:min(sr, end + reach)]
        return any(w in left or w in right for w in words)

    def terms_between(self, lo: int, hi: int) -> set[str]:
        return {h.term for h in self.hits_between(lo, hi)}

    def tagged(self, tag: str) -> list[Hit]:
        return self.by_tag.get(tag, [])

    def tagged_between(self, tag: str, lo: int, hi: int) -> list[Hit]:
        """Hits of ``tag`` lying entirely inside ``[lo, hi)`` (a bisect on that tag's own hits)."""
        hits = self.by_tag.get(tag)
        if not hits:
            return []
        starts = self._tag_starts.get(tag)
        if starts is None:
            starts = self._tag_starts[tag] = [h.start for h in hits]
        i = bisect.bisect_left(starts, max(lo, 0))
        out = []
        n = len(hits)
        while i < n and starts[i] < hi:
            if hits[i].end <= hi:
                out.append(hits[i])
            i += 1
        return out

    def ends_with_any(self, pos: int, words, within: int = 0) -> str | None:
        """A word of ``words`` ending at ``pos`` (or up to ``within`` characters before it)."""
        for h in self.hits_between(pos - 12 - within, pos):
            if h.term in words and pos - within <= h.end <= pos:
                return h.term
        return None


class FoundIndex:
    """Stage 0's results by field and start, for the later stages: ``within`` costs the results it returns, not
    the document's (a megabyte of rows has tens of thousands of them)."""

    __slots__ = ("_index",)

    def __init__(self, results=()):
        index: dict[str, tuple[list[int], list]] = {}
        for r in sorted(results, key=lambda r: (r.field, r.start)):
            starts, items = index.setdefault(r.field, ([], []))
            starts.append(r.start)
            items.append(r)
        self._index = index

    def __iter__(self):
        return (r for _, (_, items) in sorted(self._index.items()) for r in items)

    def within(self, fld: str, lo: int, hi: int) -> list:
        """Results of field ``fld`` lying inside ``[lo, hi)``."""
        starts, items = self._index.get(fld, ([], []))
        i = bisect.bisect_left(starts, lo)
        out = []
        while i < len(starts) and starts[i] < hi:
            if items[i].end <= hi:
                out.append(items[i])
            i += 1
        return out


@dataclass
class Document:
    """The draft under review: its two fields, what stage 0 reported and the persons stage 1 found (both set by
    the engine only, for the stages after them)."""

    title: FieldText
    body: FieldText
    persons: PersonIndex = field(default_factory=PersonIndex)
    found: FoundIndex = field(default_factory=FoundIndex)

    @property
    def fields(self) -> tuple[FieldText, FieldText]:
        return (self.title, self.body)

    def get(self, name: str) -> FieldText:
        return self.title if name == "title" else self.body

    def has_tag(self, tag: str) -> bool:
        return bool(self.title.tagged(tag) or self.body.tagged(tag))
