"""HTML (a CMS's rich text or a whole page): text nodes, ``alt``/``title`` attributes, hidden elements and
comments. Only text is changed in the redacted file; the markup is kept.

Parsed with lxml's HTML parser (no network, no DTD); a fragment stays a fragment when written back.
"""

from __future__ import annotations

import re

from lxml import etree, html as lhtml

from ..errors import FileError
from .limits import Deadline, FileLimits
from .table import table_blocks
from .textcodec import decode
from .units import Block, ParsedFile, RedactedFile, Span, Unit, apply_spans

DOCUMENT = re.compile(r"\A\s*(?:<!--(?:(?!-->).)*-->\s*)*(?:<!doctype|<html\b)", re.I | re.S)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
ATTRIBUTES = {"alt": "替代文字 alt", "title": "提示文字 title", "value": "表单值 value", "content": "元数据 content",
              "placeholder": "占位文字 placeholder", "aria-label": "无障碍标签 aria-label"}
SKIP_TAGS = {"script", "style", "template", "noscript"}
BLOCK_TAGS = frozenset("""html body div p td th tr table caption li ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article
header footer nav aside main blockquote pre form fieldset figure figcaption address title option""".split())
"""Text inside one of these is read as one record; inline elements (span, b, a …) are joined, as a reader sees them."""
PARSER = lhtml.HTMLParser(no_network=True, remove_comments=False, remove_pis=True, default_doctype=False)


def _hidden(el) -> str | None:
    if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or ""):
        return "隐藏内容（display:none 等）"
    if el.tag == "input" and (el.get("type") or "").lower() == "hidden":
        return "隐藏表单字段"
    if el.tag == "meta":
        return "页面元数据"
    return None


class HtmlFile(ParsedFile):
    kind = "html"
    label = "HTML 富文本"
    content_type = "text/html"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(name)
        self.decoded = decode(data, name)
        source = re.sub(r"\A\s*<\?xml[^>]{0,200}>", "", self.decoded.text)
        self.whole = bool(DOCUMENT.match(source))
        try:
            if self.whole:
                self.root = lhtml.document_fromstring(source, parser=PARSER)
            else:
                self.root = lhtml.fragment_fromstring(source, create_parent="div", parser=PARSER)
        except (etree.ParserError, ValueError) as exc:
            raise FileError(f"{name} 不是可读取的 HTML（{exc}）。", "damaged_file") from None
        self.tree = self.root.getroottree()
        self._groups: dict = {}  # block element -> Block of its inline text, in document order
        hidden_of: dict = {}
        for n, el in enumerate(self.root.iter()):
            if n % 5000 == 0:
                deadline.check()
            parent = el.getparent()
            inherited = hidden_of.get(parent) if parent is not None else None
            if isinstance(el, etree._Comment):
                self._text(el, "text", parent if parent is not None else el, "HTML 注释", "注释")
                self._tail(el, parent, inherited)
                continue
            if not isinstance(el.tag, str):
                continue
            own = inherited or _hidden(el)
            hidden_of[el] = own
            if el.tag not in SKIP_TAGS:
                self._text(el, "text", el, own, None)
                for attr, label in ATTRIBUTES.items():
                    value = el.get(attr)
                    if value and value.strip() and (attr != "content" or el.tag == "meta"):
                        self._add(value, el, ("attr", el, attr), f"{self._path(el)} 的{label}",
                                  {"xpath": self._path(el), "attribute": attr}, own)
            if el is not self.root:
                self._tail(el, parent, inherited)
        self._tables()
        title = self.root.find(".//title") if self.whole else None
        heading = next((h for h in self.root.iter("h1", "h2", "h3")), None)
        for candidate in (title, heading):
            text = candidate.text_content().strip() if candidate is not None else ""
            if 0 < len(text) <= 80:
                self.title = text
                break
        self.info = {"elements": len(hidden_of)}

    def _tables(self) -> None:
        """Each table's rows become records under its header row, as in a spreadsheet."""
        consumed: set[int] = set()
        blocks: list[Block] = []
        for table in self.root.iter("table"):
            rows = []
            for r, tr in enumerate((t for t in table.iter("tr") if next(t.iterancestors("table"), None) is table), 1):
                cells = {}
                for c, td in enumerate((x for x in tr if x.tag in ("td", "th")), 1):
                    units = []
                    for el in td.iter():
                        group = self._groups.get(el)
                        if group is not None and id(group) not in consumed:
                            consumed.add(id(group))
                            units.extend(group.units)
                    if units:
                        cells[c] = sorted(units)  # unit indexes follow the document order
                if cells:
                    rows.append((r, cells))
            blocks.extend(table_blocks(rows, self.units, inner=""))  # inline runs of a cell join as read
        if consumed:
            self.blocks = [b for b in self.blocks if id(b) not in consumed] + blocks

    def _path(self, el) -> str:
        path = self.tree.getpath(el)
        return path if self.whole else path.replace("/div", "", 1) or "/"

    def _add(self, text, el, ref, place, location, hidden, within=None) -> None:
        """Add a unit; text ``within`` an element joins the record of that element's block ancestor."""
        if within is None:
            self.add(Unit(text, location, place, hidden, ref=ref))
            return
        index = self.add(Unit(text, location, place, hidden, ref=ref), block=False)
        block = next((b for b in within.iterancestors() if b.tag in BLOCK_TAGS), None) \
            if within.tag not in BLOCK_TAGS else within
        group = self._groups.get(block)
        if group is None:
            group = self._groups[block] = Block([], joiner="")
            self.blocks.append(group)
        group.units.append(index)

    def _text(self, el, attr, owner, hidden, what) -> None:
        value = el.text
        if value and value.strip():
            path = self._path(owner)
            self._add(value, el, ("text", el), f"{path}{' 的' + what if what else ''}",
                      {"xpath": path, **({"comment": True} if what else {})}, hidden, None if what else el)

    def _tail(self, el, parent, hidden) -> None:
        value = el.tail
        if value and value.strip() and parent is not None and parent.tag not in SKIP_TAGS:
            path = self._path(parent)
            self._add(value, el, ("tail", el), path, {"xpath": path}, hidden, parent)

    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        for index, spans in edits.items():
            unit = self.units[index]
            kind, el = unit.ref[0], unit.ref[1]
            new = apply_spans(unit.text, spans)
            if kind == "text":
                el.text = new
            elif kind == "tail":
                el.tail = new
            else:
                el.set(unit.ref[2], new)
        if self.whole:
            doctype = self.tree.docinfo.doctype
            text = lhtml.tostring(self.root, encoding="unicode", method="html", doctype=doctype or None)
        else:
            text = (self.root.text or "") + "".join(
                lhtml.tostring(child, encoding="unicode", method="html") for child in self.root)
        charset = self.decoded.encoding.replace("-le", "").replace("-be", "")
        return RedactedFile(self.decoded.encode(text), self.redacted_name(), f"text/html; charset={charset}")
