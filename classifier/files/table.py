"""A table read as records: one row is one record, and every cell is read with its column header.

``姓名 | 身份证号 | 住址`` over ``王某 | 3301… | 青山县…`` is reviewed as
``姓名：王某；身份证号：3301…；住址：青山县…`` so the review sees what each value is; findings are
mapped back to the cell they fall in (offsets into the cell's own text).
"""

from __future__ import annotations

from .units import Block

HEADER_SCAN_ROWS = 5
MAX_HEADER_CHARS = 30


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _is_label(value: str) -> bool:
    v = value.strip()
    return 0 < len(v) <= MAX_HEADER_CHARS and not v.replace(".", "").replace("-", "").isdigit()


def header_row(rows: list[tuple[int, dict[int, str]]]) -> int | None:
    """Index (in ``rows``) of the header: among the first rows, the first with two or more short labels and no numbers.

    A title row above it (one merged cell, "2025年低保对象名单") is not a header.
    """
    for i, (_, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        values = [v for v in cells.values() if v.strip()]
        if len(values) >= 2 and all(_is_label(v) for v in values):
            return i
    return None


Cell = "int | list[int]"
"""A cell is one unit index (a spreadsheet cell) or several (the paragraphs of a Word table cell)."""


def _units(cell) -> list[int]:
    return cell if isinstance(cell, list) else [cell]


def row_blocks(rows: list[tuple[int, dict]], header: dict[int, str] | None, inner: str = "；") -> list[Block]:
    """One block per row: unit indexes in column order, each cell's first unit prefixed with its column header;
    cells are separated by ``；``, the units of one cell by ``inner``."""
    blocks = []
    for _, cells in rows:
        units, prefixes, separators = [], [], []
        for c in sorted(cells):
            label = f"{header[c].strip()}：" if header and header.get(c, "").strip() else ""
            for k, index in enumerate(_units(cells[c])):
                units.append(index)
                prefixes.append(label if k == 0 else "")
                separators.append("；" if k == 0 else inner)
        blocks.append(Block(units, prefixes, "；", separators))
    return blocks


def table_blocks(rows: list[tuple[int, dict]], units, inner: str = "；") -> list[Block]:
    """Blocks of a table whose ``rows`` are ``(row number, {column: cell})``, in order.

    Rows down to the header (a title row, the header itself) are read as they are; every row below
    it is a record whose cells carry their column headers.
    """
    texts = [(r, {c: "".join(units[i].text for i in _units(cell)) for c, cell in cells.items()}) for r, cells in rows]
    head = header_row(texts)
    if head is None:
        return row_blocks(rows, None, inner)
    return row_blocks(rows[:head + 1], None, inner) + row_blocks(rows[head + 1:], texts[head][1], inner)


def title_row(rows: list[tuple[int, dict[int, int]]], units) -> str | None:
    """The text of a title row above the table (one cell in the first row, "2025年低保对象名单"), if any."""
    if not rows or len(rows[0][1]) != 1:
        return None
    text = "".join(units[i].text for i in _units(next(iter(rows[0][1].values())))).strip()
    return text if 0 < len(text) <= 80 and _is_label(text[:MAX_HEADER_CHARS]) else None
