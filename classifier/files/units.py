"""What every reader hands to the analysis: units of text with a place, grouped into records.

A *unit* is one piece of text exactly as the file holds it (a paragraph, a cell, a page, a text
node, a document property) with its ``location`` in the file's own terms, a Chinese ``place`` for
people, and a ``hidden`` label when it would be published without being seen (隐藏工作表, 批注,
修订, 文档属性 …). A *block* is what the review reads as one record: a paragraph alone, or a
spreadsheet row whose cells carry their column headers (``姓名：X；身份证号：Y``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Unit:
    text: str
    location: dict
    place: str
    hidden: str | None = None
    marks: tuple[tuple[int, int, str], ...] | list = ()
    """Labelled ranges inside ``text`` (a tracked insertion, a hidden run): a finding there says so."""
    ref: Any = None
    """The reader's handle for writing the unit back (an XML node list, a cell …)."""
    writable: bool = True
    """False where the writer cannot change the text in place (a sheet name, a formula)."""
    person: bool = False
    """The field holds a person's name whatever it says (author, last modified by, a revision's author):
    a value that reads as a name is a finding, and the redacted file clears the field."""

    def labels(self, start: int, end: int) -> list[str]:
        out = [self.hidden] if self.hidden else []
        for a, b, label in self.marks:
            if a < end and start < b and label not in out:
                out.append(label)
        return out


@dataclass
class Block:
    """Units read together as one record: ``prefixes[i]`` (a column header) precedes ``units[i]``, and
    ``separators[i]`` (else ``joiner``) stands between ``units[i-1]`` and it."""

    units: list[int]
    prefixes: list[str] | None = None
    joiner: str = "；"
    separators: list[str] | None = None


@dataclass
class RedactedFile:
    """The de-identified file: bytes, a file name and the content type to send it with."""

    data: bytes
    filename: str
    content_type: str
    note: str | None = None


class ParsedFile:
    """A file read by one of the readers. Subclasses fill ``units``/``blocks`` and implement :meth:`write`."""

    kind = ""
    label = ""
    content_type = "application/octet-stream"
    in_place = True
    """False for PDF: the de-identified *text* is returned, never a rewritten PDF."""

    def __init__(self, name: str):
        self.name = name
        self.units: list[Unit] = []
        self.blocks: list[Block] = []
        self.title: str | None = None
        self.notices: list[dict] = []
        self.info: dict = {}

    def add(self, unit: Unit, block: bool = True) -> int:
        """Add a unit (and, by default, a block of its own); returns its index."""
        self.units.append(unit)
        index = len(self.units) - 1
        if block:
            self.blocks.append(Block([index]))
        return index

    def notice(self, code: str, message: str, location: dict | None = None, unreadable: bool = False) -> None:
        self.notices.append({"code": code, "message": message, "location": location, "unreadable": unreadable})

    @property
    def unreadable(self) -> bool:
        return any(n["unreadable"] for n in self.notices)

    def write(self, texts: dict[int, str]) -> RedactedFile:
        """The file with ``units[i].text`` replaced by ``texts[i]`` and personal document properties cleared."""
        raise NotImplementedError

    def redacted_name(self, suffix: str | None = None) -> str:
        stem, dot, ext = self.name.rpartition(".")
        if not dot:
            stem, ext = self.name, self.kind
        return f"{stem}.去标识化.{suffix or ext}"


Span = tuple[int, int, str]
"""``(start, end, replacement)`` inside one unit's text."""


def char_plan(text: str, spans: list[Span]) -> list[str]:
    """What each original character becomes: itself, its masked character, the whole replacement or ''.

    A replacement as long as the value is spread character by character (so a value split across
    formatted runs keeps every run's formatting); any other replacement goes to the first character.
    Overlapping spans after the first are skipped.
    """
    plan = list(text)
    pos = 0
    for start, end, rep in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos or start >= end:
            continue
        if len(rep) == end - start:
            plan[start:end] = list(rep)
        else:
            plan[start] = rep
            plan[start + 1:end] = [""] * (end - start - 1)
        pos = end
    return plan


def apply_spans(text: str, spans: list[Span]) -> str:
    return "".join(char_plan(text, spans)) if spans else text
