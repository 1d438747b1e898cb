"""CSV (UTF-8 with or without BOM, GB18030/GBK): rows read as records with their column headers, written
back in the original encoding, delimiter and line ending."""

from __future__ import annotations

import csv
import io

from ..errors import FileError
from .limits import Deadline, FileLimits
from .table import column_letter, table_blocks, title_row
from .textcodec import decode
from .units import ParsedFile, RedactedFile, Span, Unit, apply_spans

DELIMITERS = ",\t;|"


def sniff_delimiter(text: str) -> str:
    """The candidate that occurs most in the first line (a comma when none does)."""
    first = text[:4096].split("\n", 1)[0]
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


class CsvFile(ParsedFile):
    kind = "csv"
    label = "CSV 表格"
    content_type = "text/csv"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(name)
        self.decoded = decode(data, name)
        text = self.decoded.text
        self.delimiter = sniff_delimiter(text)
        self.newline = "\r\n" if "\r\n" in text[:65536] else "\n"
        try:
            self.rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)]
        except csv.Error as exc:
            raise FileError(f"{name} 不是格式正确的 CSV（{exc}）。", "damaged_file") from None
        limits.check_cells(sum(len(r) for r in self.rows), name)
        sheet = name.rsplit(".", 1)[0]
        ordered: list[tuple[int, dict[int, int]]] = []
        for r, row in enumerate(self.rows, 1):
            if r % 20000 == 0:
                deadline.check()
            cells_of_row = {}
            for c, value in enumerate(row, 1):
                if value.strip():
                    ref = f"{column_letter(c)}{r}"
                    cells_of_row[c] = self.add(Unit(value, {"sheet": sheet, "cell": ref, "row": r, "column": c},
                                                    f"第 {r} 行第 {c} 列（{ref}）", ref=(r - 1, c - 1)), block=False)
            if cells_of_row:
                ordered.append((r, cells_of_row))
        self.blocks.extend(table_blocks(ordered, self.units))
        self.title = title_row(ordered, self.units)
        self.info = {"sheets": [sheet], "rows": len(self.rows), "encoding": self.decoded.encoding}

    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        rows = [list(r) for r in self.rows]
        for index, spans in edits.items():
            unit = self.units[index]
            r, c = unit.ref
            rows[r][c] = apply_spans(unit.text, spans)
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator=self.newline)
        writer.writerows(rows)
        text = out.getvalue()
        if not self.decoded.text.endswith(("\n", "\r")) and text.endswith(self.newline):
            text = text[: -len(self.newline)]
        return RedactedFile(self.decoded.encode(text), self.redacted_name(), self.content_type_for())

    def content_type_for(self) -> str:
        return f"text/csv; charset={self.decoded.encoding.replace('-le', '').replace('-be', '')}"
