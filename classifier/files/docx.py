"""DOCX: every paragraph of the body, tables, headers, footers, footnotes, endnotes and comments, tracked
insertions and deletions, hidden text and the document properties — read and written as XML (lxml,
entities off), so a value split across runs is masked in place with every run's formatting kept.
"""

from __future__ import annotations

import re

from lxml import etree

from .limits import Deadline, FileLimits
from .ooxml import OoxmlFile
from .table import table_blocks
from .units import RedactedFile, Span, Unit, char_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
P, R, T, DEL_TEXT, TAB, BR, CR = (W + n for n in ("p", "r", "t", "delText", "tab", "br", "cr"))
INS, DEL, MOVE_TO, MOVE_FROM = (W + n for n in ("ins", "del", "moveTo", "moveFrom"))
TBL, TR, TC, RPR, PPR, VANISH = (W + n for n in ("tbl", "tr", "tc", "rPr", "pPr", "vanish"))
SKIP = {W + "instrText", W + "delInstrText", RPR, PPR, W + "tblPr", W + "trPr", W + "tcPr", W + "sectPr"}
IMAGES = ("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing", W + "pict", W + "object")

PARTS = (  # member pattern, place name, hidden label, id element
    (re.compile(r"word/document\d*\.xml"), "正文", None, None),
    (re.compile(r"word/header\d*\.xml"), "页眉", None, None),
    (re.compile(r"word/footer\d*\.xml"), "页脚", None, None),
    (re.compile(r"word/footnotes\.xml"), "脚注", None, W + "footnote"),
    (re.compile(r"word/endnotes\.xml"), "尾注", None, W + "endnote"),
    (re.compile(r"word/comments\.xml"), "批注", "批注", W + "comment"),
)
AUTHOR = W + "author"
INSERTED, DELETED, HIDDEN_TEXT = "修订（插入的内容）", "修订（已删除的内容）", "隐藏文字"


class _Collector:
    """The text of one paragraph: visible/inserted runs into ``main``, deleted runs into ``deleted``."""

    def __init__(self):
        self.main: list[str] = []
        self.main_nodes: list[tuple[etree._Element | None, int, int]] = []
        self.marks: list[tuple[int, int, str]] = []
        self.deleted: list[str] = []
        self.deleted_nodes: list[tuple[etree._Element | None, int, int]] = []
        self.pos = self.dpos = 0

    def add(self, node, text: str, deleted: bool, labels: tuple[str, ...]) -> None:
        if not text:
            return
        if deleted:
            self.deleted.append(text)
            self.deleted_nodes.append((node, self.dpos, self.dpos + len(text)))
            self.dpos += len(text)
            return
        self.main.append(text)
        self.main_nodes.append((node, self.pos, self.pos + len(text)))
        for label in labels:
            self.marks.append((self.pos, self.pos + len(text), label))
        self.pos += len(text)

    def walk(self, el, inserted: bool = False, deleted: bool = False, vanish: bool = False) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == P or tag in SKIP:
                continue  # nested paragraphs (text boxes) are units of their own
            if tag == T or tag == DEL_TEXT:
                labels = tuple(lbl for lbl, on in ((INSERTED, inserted), (HIDDEN_TEXT, vanish)) if on)
                self.add(child, child.text or "", deleted or tag == DEL_TEXT, labels)
            elif tag == TAB:
                self.add(None, "\t", deleted, ())
            elif tag in (BR, CR):
                self.add(None, "\n", deleted, ())
            else:
                hidden = vanish
                if tag == R:
                    rpr = child.find(RPR)
                    flag = rpr.find(VANISH) if rpr is not None else None
                    hidden = vanish or (flag is not None and flag.get(W + "val", "true") not in ("0", "false"))
                self.walk(child, inserted or tag in (INS, MOVE_TO), deleted or tag in (DEL, MOVE_FROM), hidden)


class DocxFile(OoxmlFile):
    kind = "docx"
    label = "Word 文档（DOCX）"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(data, name, limits)
        images = 0
        for pattern, part, hidden, id_tag in PARTS:
            for member in sorted(n for n in self.members if pattern.fullmatch(n)):
                root = self.part(member)
                images += sum(1 for tag in IMAGES for _ in root.iter(tag))
                self._read_part(root, member, part, hidden, id_tag, deadline)
        body_chars = sum(len(u.text.strip()) for u in self.units)
        self.read_properties()
        self._authors()
        if body_chars == 0:
            why = "文档只有图片，没有文字" if images else "文档中没有文字"
            self.notice("unreadable", f"无法读取文字（可能是扫描件）：{why}，请人工审核图片中的内容。", unreadable=True)
        elif images:
            self.notice("images", f"文档含有 {images} 张图片：图片中的文字无法检查，请人工查看。")
        self.info = {"paragraphs": sum(1 for u in self.units if "paragraph" in u.location)}
        first = next((u.text.strip() for u in self.units if u.location.get("paragraph") and "part" not in u.location), "")
        self.title = first if 0 < len(first) <= 80 else None

    def _authors(self) -> None:
        """Each distinct author of a revision or a comment (``w:author``): a name hidden in the file."""
        found: dict[str, list] = {}
        for root in list(self.roots.values()):
            for el in root.iter():
                value = el.get(AUTHOR) if isinstance(el.tag, str) else None
                if value and value.strip():
                    found.setdefault(value, []).append(el)
        for value, elements in found.items():
            self.add_author(value, elements, AUTHOR, "修订或批注的作者", "修订/批注作者")

    def _read_part(self, root, member: str, part: str, hidden: str | None, id_tag: str | None, deadline) -> None:
        tables = {tbl: i for i, tbl in enumerate(root.iter(TBL), 1)}
        # table -> row -> cell -> unit indexes: a table's rows are read as records under its header row
        grid: dict[int, dict[int, dict[int, list[int]]]] = {}
        count = 0
        for number, p in enumerate(root.iter(P)):
            if number % 2000 == 0:
                deadline.check()
            c = _Collector()
            c.walk(p)
            tc = next(p.iterancestors(TC), None)
            if tc is None:
                count += 1
                location, place = {"paragraph": count}, f"第 {count} 段"
            else:
                tr = tc.getparent()
                tbl = next(tc.iterancestors(TBL))
                row = [x for x in tbl if x.tag == TR].index(tr) + 1 if tr is not None and tr.tag == TR else 0
                cell = [x for x in tr if x.tag == TC].index(tc) + 1 if tr is not None else 0
                location = {"table": tables[tbl], "row": row, "cell": cell}
                place = f"表格 {tables[tbl]} 第 {row} 行第 {cell} 列"
            if part != "正文":
                owner = next(p.iterancestors(id_tag), None) if id_tag else None
                location = {"part": part, "member": member, **location}
                if owner is not None:
                    location[id_tag.split("}")[1]] = owner.get(W + "id")
                place = f"{part}（{member.split('/')[-1]}）" + place
            text = "".join(c.main)
            if text.strip():
                in_table = "table" in location
                index = self.add(Unit(text, location, place, hidden, c.marks, ref=c.main_nodes), block=not in_table)
                if in_table:
                    cells = grid.setdefault(location["table"], {}).setdefault(location["row"], {})
                    cells.setdefault(location["cell"], []).append(index)
            deleted = "".join(c.deleted)
            if deleted.strip():
                self.add(Unit(deleted, {**location, "revision": "deleted"}, place + "（已删除的修订）",
                              DELETED if hidden is None else f"{hidden}；{DELETED}", ref=c.deleted_nodes))
        for rows in grid.values():
            self.blocks.extend(table_blocks(sorted(rows.items()), self.units, inner="\n"))  # paragraphs of a cell

    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        for index, spans in edits.items():
            unit = self.units[index]
            if isinstance(unit.ref, tuple) and self.write_element(unit, spans):
                continue
            plan = char_plan(unit.text, spans)
            carry = ""
            for node, start, end in unit.ref:
                if node is None:  # a tab or break: it stays; a replacement landing on it moves on
                    carry += "".join(c for c, o in zip(plan[start:end], unit.text[start:end]) if c != o)
                    continue
                node.text = carry + "".join(plan[start:end])
                carry = ""
                node.set(XML_SPACE, "preserve")
        self.clear_people()
        return RedactedFile(self.archive(), self.redacted_name(), self.content_type)
