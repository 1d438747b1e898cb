"""What DOCX and XLSX share: the checked archive, parts parsed once, the document properties, hidden
authors, and the rewritten archive in which only the changed parts differ."""

from __future__ import annotations

import posixpath

from lxml import etree

from .limits import FileLimits
from .safezip import check_all_xml, open_zip, parse_xml, read_member, rewrite_zip
from .units import ParsedFile, Span, Unit, char_plan

CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
PROPERTIES = {  # member -> [(element tag, Chinese name, names a person)]
    "docProps/core.xml": [(DC + "creator", "作者", True), (CP + "lastModifiedBy", "最后修改者", True),
                          (DC + "title", "标题", False), (DC + "subject", "主题", False),
                          (DC + "description", "备注", False), (CP + "keywords", "关键词", False),
                          (CP + "category", "类别", False)],
    "docProps/app.xml": [(EP + "Manager", "经理", True), (EP + "Company", "单位", False)],
}
PROPERTY = "文档属性"


class OoxmlFile(ParsedFile):
    """An Office Open XML package read part by part with lxml (entities off)."""

    def __init__(self, data: bytes, name: str, limits: FileLimits):
        super().__init__(name)
        self.zip = open_zip(data, name, limits)
        check_all_xml(self.zip, name)
        self.members = set(self.zip.namelist())
        self.roots: dict[str, etree._Element] = {}

    def part(self, member: str):
        """The parsed part (parsed once and kept, so edits are written back), or None if absent."""
        if member not in self.roots:
            if member not in self.members:
                return None
            self.roots[member] = parse_xml(read_member(self.zip, member, self.name), member, self.name)
        return self.roots[member]

    def rels(self, member: str) -> dict[str, str]:
        """Relationship id -> member path for the part ``member`` (also ``type:<last word of Type>``)."""
        folder, base = posixpath.split(member)
        root = self.part(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        for rel in root.iter(REL + "Relationship") if root is not None else ():
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = path
            out.setdefault("type:" + (rel.get("Type") or "").rsplit("/", 1)[-1], path)
        return out

    def read_properties(self) -> None:
        """Core, extended and custom document properties as units (hidden: 文档属性)."""
        for member, props in PROPERTIES.items():
            root = self.part(member)
            for tag, label, person in props if root is not None else ():
                for el in root.iter(tag):
                    self._property(el, label, person, member)
        custom = self.part("docProps/custom.xml")
        for prop in custom.iter(CUSTOM + "property") if custom is not None else ():
            for value in prop:
                self._property(value, f"自定义属性“{prop.get('name', '')}”", False, "docProps/custom.xml")

    def _property(self, el, label: str, person: bool, member: str) -> None:
        if (el.text or "").strip():
            self.add(Unit(el.text, {"property": label, "part": member}, f"{PROPERTY}：{label}", PROPERTY,
                          ref=("element", el), person=person))

    def add_author(self, value: str, elements: list, attribute: str | None, label: str, hidden: str) -> None:
        """A name kept in the file for its own use (a revision's or a comment's author)."""
        self.add(Unit(value, {"property": label}, label, hidden, ref=("attributes", elements, attribute), person=True))

    def write_element(self, unit: Unit, spans: list[Span]) -> bool:
        """Apply edits to a property unit; False if the unit is not one."""
        if unit.ref[0] == "element":
            unit.ref[1].text = "".join(char_plan(unit.text, spans))
            return True
        return unit.ref[0] == "attributes"  # authors are cleared by clear_people

    def clear_people(self) -> None:
        """Author, last modified by, manager, revision and comment authors: cleared whatever they hold."""
        for unit in self.units:
            if not unit.person:
                continue
            if unit.ref[0] == "element":
                unit.ref[1].text = ""
            else:
                _, elements, attribute = unit.ref
                for el in elements:
                    if attribute is None:
                        el.text = ""
                    else:
                        el.set(attribute, "")

    def archive(self) -> bytes:
        """The package with every parsed part serialised again (unparsed members copied as they are)."""
        replaced = {member: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                    for member, root in self.roots.items() if not member.endswith(".rels")}
        return rewrite_zip(self.zip, replaced)
