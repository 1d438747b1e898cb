"""XLSX: every sheet (hidden and very hidden too), hidden rows and columns, cell comments, sheet names and
the document properties; each row read as one record with its column headers. Written back with
openpyxl: only the masked cells change, formulas, styles and the other sheets are kept.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict

from ..errors import FileError
from .limits import Deadline, FileLimits
from .safezip import check_all_xml, damaged, open_zip, read_member
from .table import column_letter, table_blocks, title_row
from .units import ParsedFile, RedactedFile, Span, Unit, apply_spans

CELL_TAG = re.compile(rb"<(?:\w{1,20}:)?c[\s>/]")
SHEET_STATES = {"hidden": "隐藏工作表", "veryHidden": "深度隐藏工作表"}
PROPERTIES = [("creator", "作者", True), ("lastModifiedBy", "最后修改者", True), ("title", "标题", False),
              ("subject", "主题", False), ("description", "备注", False), ("keywords", "关键词", False),
              ("category", "类别", False)]


def cell_text(cell) -> str | None:
    """The text a reader sees in a cell; formulas, dates and booleans are not text to review."""
    value = cell.value
    if value is None or cell.data_type == "f" or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else str(value)
    return None


class XlsxFile(ParsedFile):
    kind = "xlsx"
    label = "Excel 工作簿（XLSX）"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(name)
        archive = open_zip(data, name, limits)
        check_all_xml(archive, name)
        declared = sum(len(CELL_TAG.findall(read_member(archive, m, name))) for m in archive.namelist()
                       if m.startswith("xl/worksheets/") and m.endswith(".xml"))
        limits.check_cells(declared, name)  # before openpyxl builds an object for every cell
        import openpyxl  # with defusedxml installed, openpyxl parses without entities as well

        try:
            self.book = openpyxl.load_workbook(io.BytesIO(data), rich_text=False, keep_links=False)
        except FileError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on a damaged file; none may become a 500
            raise damaged(name, type(exc).__name__) from None
        deadline.check()
        cells = sum(len(ws._cells) for ws in self.book.worksheets)
        limits.check_cells(cells, name)
        for ws in self.book.worksheets:
            self._read_sheet(ws, deadline)
        props = self.book.properties
        for attr, label, person in PROPERTIES:
            value = getattr(props, attr, None)
            if isinstance(value, str) and value.strip():
                self.add(Unit(value, {"property": label}, f"文档属性：{label}", "文档属性", ref=("property", attr),
                              person=person))
        for author in sorted({ws_cell.comment.author for ws in self.book.worksheets for ws_cell in ws._cells.values()
                              if ws_cell.comment is not None and ws_cell.comment.author}):
            self.add(Unit(author, {"property": "批注作者"}, "批注作者", "批注作者", ref=("author", author), person=True))
        self.info = {"sheets": [ws.title for ws in self.book.worksheets], "cells": cells}
        drawings = [m for m in archive.namelist() if m.startswith(("xl/media/", "xl/charts/", "xl/drawings/"))]
        if drawings:
            self.note = "原工作簿中的图片和图表不会保留在去标识化文件中（请另行处理）。"
            self.notice("drawings", "工作簿含有图片或图表：其中的文字无法检查，请人工查看；" + self.note)
        if not any(u.text.strip() for u in self.units if "cell" in u.location):
            self.notice("unreadable", "无法读取文字（可能是扫描件）：工作簿中没有文字单元格，请人工审核。", unreadable=True)

    def _read_sheet(self, ws, deadline: Deadline) -> None:
        sheet_hidden = SHEET_STATES.get(ws.sheet_state)
        title = ws.title
        self.add(Unit(title, {"sheet": title, "sheet_name": True}, f"工作表名称“{title}”",
                      "；".join(x for x in (sheet_hidden, "工作表名称") if x), writable=False))
        hidden_rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
        hidden_cols: set[int] = set()
        for dim in ws.column_dimensions.values():
            if dim.hidden and dim.min and dim.max:
                hidden_cols.update(range(dim.min, min(dim.max, 16384) + 1))
        rows: dict[int, dict[int, int]] = defaultdict(dict)
        for n, ((r, c), cell) in enumerate(sorted(ws._cells.items())):
            if n % 20000 == 0:
                deadline.check()
            ref = f"{column_letter(c)}{r}"
            labels = [sheet_hidden] if sheet_hidden else []
            if r in hidden_rows:
                labels.append("隐藏行")
            if c in hidden_cols:
                labels.append("隐藏列")
            if cell.data_type == "f" and isinstance(cell.value, str):  # the formula is in the file too
                self.add(Unit(cell.value, {"sheet": title, "cell": ref, "formula": True}, f"工作表“{title}” {ref} 的公式",
                              "；".join(labels + ["公式"]), writable=False))
            text = cell_text(cell)
            if text is not None and text.strip():
                rows[r][c] = self.add(Unit(text, {"sheet": title, "cell": ref}, f"工作表“{title}” {ref}",
                                           "；".join(labels) or None, ref=("cell", cell)), block=False)
            comment = cell.comment
            if comment is not None and (comment.text or "").strip():
                self.add(Unit(comment.text, {"sheet": title, "cell": ref, "comment": True},
                              f"工作表“{title}” {ref} 的批注", "；".join(labels + ["批注"]), ref=("comment", cell)))
        ordered = sorted(rows.items())
        self.blocks.extend(table_blocks(ordered, self.units))
        if self.title is None and sheet_hidden is None:
            self.title = title_row(ordered, self.units)

    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        from openpyxl.comments import Comment

        for index, spans in edits.items():
            unit = self.units[index]
            kind, obj = unit.ref[0], unit.ref[1]
            new = apply_spans(unit.text, spans)
            if kind == "cell":
                obj.value = new
            elif kind == "comment":
                old = obj.comment
                obj.comment = Comment(new, old.author or "", old.height, old.width)
            elif kind == "property":
                setattr(self.book.properties, obj, new)
        for attr, _label, person in PROPERTIES:
            if person:
                setattr(self.book.properties, attr, None)
        for ws in self.book.worksheets:  # comment authors: cleared like the document's author
            for cell in ws._cells.values():
                if cell.comment is not None and cell.comment.author:
                    old = cell.comment
                    cell.comment = Comment(old.text, "", old.height, old.width)
        out = io.BytesIO()
        self.book.save(out)
        return RedactedFile(out.getvalue(), self.redacted_name("xlsx"), self.content_type,  # macros are not kept
                            getattr(self, "note", None))
