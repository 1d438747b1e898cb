"""XLSX: every sheet (hidden and very hidden too), hidden rows and columns, comments and their authors, sheet
names, formulas and the document properties; each row read as one record with its column headers.

Read and written as XML (lxml, entities off) like DOCX: the redacted workbook is the original archive
with only the masked strings changed — styles, formulas, other sheets, images and charts are kept
byte for byte. A masked shared string is masked in ``sharedStrings.xml`` (every cell showing that
same value shows it masked); a masked number becomes an inline string.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from .limits import Deadline, FileLimits
from .ooxml import OoxmlFile
from .safezip import damaged
from .table import column_letter, table_blocks, title_row
from .units import RedactedFile, Span, Unit, char_plan

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TC = "{http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments}"
PERSONS = "{http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments}person"
SHEET_STATES = {"hidden": "隐藏工作表", "veryHidden": "深度隐藏工作表"}
V, F, IS = S + "v", S + "f", S + "is"
REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
TRUE = ("1", "true")


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _runs(container) -> tuple[str, list]:
    """Text of a string item (``<si>``, ``<is>``, a comment's ``<text>``) and its ``<t>`` nodes; phonetic runs skipped."""
    parts, nodes, pos = [], [], 0
    for t in container.iter(S + "t"):
        if t.getparent() is not None and t.getparent().tag == S + "rPh":
            continue
        text = t.text or ""
        parts.append(text)
        nodes.append((t, pos, pos + len(text)))
        pos += len(text)
    return "".join(parts), nodes


def _write_runs(text: str, nodes: list, spans: list[Span]) -> None:
    plan = char_plan(text, spans)
    for node, start, end in nodes:
        node.text = "".join(plan[start:end])
        node.set(XML_SPACE, "preserve")


def _number(value: str) -> str:
    """A number as a reader sees it: ``1.3812345678E10`` -> ``13812345678``."""
    if "E" in value or "e" in value or value.endswith(".0"):
        try:
            number = float(value)
        except ValueError:
            return value
        if number.is_integer() and abs(number) < 1e21:
            return str(int(number))
    return value


class XlsxFile(OoxmlFile):
    kind = "xlsx"
    label = "Excel 工作簿（XLSX）"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(data, name, limits)
        book = self.part("xl/workbook.xml")
        if book is None:
            raise damaged(name, "xl/workbook.xml")
        targets = self.rels("xl/workbook.xml")
        self.shared: list[tuple[str, list]] = []
        strings = self.part(targets.get("type:sharedStrings", "xl/sharedStrings.xml"))
        if strings is not None:
            self.shared = [_runs(si) for si in strings.iter(S + "si")]
        sheets = []
        for sheet in book.iter(S + "sheet"):
            member = targets.get(sheet.get(R_ID) or "")
            if member in self.members:
                sheets.append((sheet.get("name") or "", sheet.get("state") or "visible", member))
        cells = 0
        for _title, _state, member in sheets:
            cells += sum(1 for _ in self.part(member).iter(S + "c"))
        limits.check_cells(cells, name)
        for title, state, member in sheets:
            self._read_sheet(title, SHEET_STATES.get(state), member, deadline)
        self.read_properties()
        self._persons()
        self.info = {"sheets": [s[0] for s in sheets], "cells": cells}
        if not any(u.text.strip() for u in self.units if "cell" in u.location and "comment" not in u.location):
            self.notice("unreadable", "无法读取文字（可能是扫描件）：工作簿中没有文字单元格，请人工审核。", unreadable=True)
        if any(m.startswith(("xl/media/", "xl/charts/")) for m in self.members):
            self.notice("drawings", "工作簿含有图片或图表：图片中的文字无法检查，请人工查看。")

    # --- sheets -----------------------------------------------------------------------------
    def _read_sheet(self, title: str, sheet_hidden: str | None, member: str, deadline: Deadline) -> None:
        root = self.part(member)
        self.add(Unit(title, {"sheet": title, "sheet_name": True}, f"工作表名称“{title}”",
                      "；".join(x for x in (sheet_hidden, "工作表名称") if x), writable=False))
        hidden_cols: set[int] = set()
        for col in root.iter(S + "col"):
            if col.get("hidden") in TRUE:
                lo, hi = int(col.get("min", "0") or 0), int(col.get("max", "0") or 0)
                hidden_cols.update(range(max(lo, 1), min(hi, 16384) + 1))
        rows: dict[int, dict[int, int]] = defaultdict(dict)
        row_number = 0
        for n, row in enumerate(root.iter(S + "row")):
            if n % 5000 == 0:
                deadline.check()
            row_number = int(row.get("r")) if (row.get("r") or "").isdigit() else row_number + 1
            row_hidden = row.get("hidden") in TRUE
            col_number = 0
            for c in row.iterchildren(S + "c"):
                match = REF.fullmatch(c.get("r") or "")
                col_number = _col_number(match.group(1)) if match else col_number + 1
                labels = None
                if sheet_hidden or row_hidden or col_number in hidden_cols:
                    labels = [x for x in (sheet_hidden, "隐藏行" if row_hidden else None,
                                          "隐藏列" if col_number in hidden_cols else None) if x]
                index = self._cell(c, title, f"{column_letter(col_number)}{row_number}", labels)
                if index is not None:
                    rows[row_number][col_number] = index
        for comment_member in self._comment_parts(member):
            self._comments(comment_member, title, sheet_hidden)
        ordered = sorted(rows.items())
        self.blocks.extend(table_blocks(ordered, self.units))
        if self.title is None and sheet_hidden is None:
            self.title = title_row(ordered, self.units)

    def _cell(self, c, title: str, ref: str, labels: list[str] | None) -> int | None:
        kind = c.get("t") or "n"
        value = formula = item = None
        for child in c:
            tag = child.tag
            if tag == V:
                value = child.text
            elif tag == F:
                formula = child.text
            elif tag == IS:
                item = child
        if formula and formula.strip():
            self.add(Unit(formula, {"sheet": title, "cell": ref, "formula": True}, f"工作表“{title}” {ref} 的公式",
                          "；".join((labels or []) + ["公式"]), writable=False))
        if kind == "s":
            try:
                text = self.shared[int(value)][0]
            except (ValueError, TypeError, IndexError):
                return None
            handle = ("shared", int(value))
        elif kind == "inlineStr":
            if item is None:
                return None
            text, nodes = _runs(item)
            handle = ("runs", nodes)
        elif kind in ("n", "str") and value:
            text = _number(value) if kind == "n" else value
            handle = ("number", c)
        else:  # booleans, errors, dates in ISO form
            return None
        if not text or text.isspace():
            return None
        # a formula's cached result cannot be masked without breaking the formula: a person decides
        return self.add(Unit(text, {"sheet": title, "cell": ref}, f"工作表“{title}” {ref}",
                             "；".join(labels) if labels else None, ref=handle, writable=formula is None), block=False)

    def _comment_parts(self, sheet_member: str) -> list[str]:
        rels = self.rels(sheet_member)
        return [path for key, path in rels.items() if key in ("type:comments", "type:threadedComment")
                and path in self.members]

    def _comments(self, member: str, title: str, sheet_hidden: str | None) -> None:
        root = self.part(member)
        hidden = "；".join(x for x in (sheet_hidden, "批注") if x)
        for author in root.iter(S + "author"):
            if (author.text or "").strip():
                self.add_author(author.text, [author], None, "批注作者", "批注作者")
        for comment in root.iter(S + "comment", TC + "threadedComment"):
            ref = comment.get("ref") or ""
            text_el = comment.find(S + "text") if comment.tag == S + "comment" else comment.find(TC + "text")
            if text_el is None:
                continue
            if comment.tag == S + "comment":
                text, nodes = _runs(text_el)
            else:
                text, nodes = text_el.text or "", [(text_el, 0, len(text_el.text or ""))]
            if text.strip():
                self.add(Unit(text, {"sheet": title, "cell": ref, "comment": True}, f"工作表“{title}” {ref} 的批注",
                              hidden, ref=("runs", nodes)))

    def _persons(self) -> None:
        """The people of threaded comments (``xl/persons``): their display names are hidden names."""
        for member in sorted(m for m in self.members if m.startswith("xl/persons/")):
            for person in self.part(member).iter(PERSONS):
                if (person.get("displayName") or "").strip():
                    self.add_author(person.get("displayName"), [person], "displayName", "批注作者", "批注作者")

    # --- writing ----------------------------------------------------------------------------
    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        shared: dict[int, list[Span]] = defaultdict(list)
        for index, spans in edits.items():
            unit = self.units[index]
            kind = unit.ref[0]
            if kind == "shared":
                shared[unit.ref[1]].extend(spans)  # cells showing the same string share the masking
            elif kind == "runs":
                _write_runs(unit.text, unit.ref[1], spans)
            elif kind == "number":
                self._inline(unit.ref[1], "".join(char_plan(unit.text, spans)))
            else:
                self.write_element(unit, spans)
        for number, spans in shared.items():
            text, nodes = self.shared[number]
            _write_runs(text, nodes, spans)
        self.clear_people()
        return RedactedFile(self.archive(), self.redacted_name(), self.content_type)

    @staticmethod
    def _inline(c, text: str) -> None:
        """A number cell becomes an inline string (its style attribute stays)."""
        for child in list(c):
            if child.tag in (S + "v", S + "is"):
                c.remove(child)
        c.set("t", "inlineStr")
        item = etree.SubElement(c, S + "is")
        t = etree.SubElement(item, S + "t")
        t.text = text
        t.set(XML_SPACE, "preserve")
