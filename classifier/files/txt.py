"""Plain text (UTF-8, UTF-16 with BOM, GB18030/GBK): one unit per line, written back byte for byte
except the masked values, in the original encoding and line endings."""

from __future__ import annotations

from .limits import Deadline, FileLimits
from .textcodec import decode
from .units import ParsedFile, RedactedFile, Span, Unit, apply_spans


class TxtFile(ParsedFile):
    kind = "txt"
    label = "文本文件"
    content_type = "text/plain"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(name)
        self.decoded = decode(data, name)
        self.lines = self.decoded.text.splitlines(keepends=True)
        for number, line in enumerate(self.lines, 1):
            body = line.rstrip("\r\n")
            if body.strip():
                self.add(Unit(body, {"line": number}, f"第 {number} 行", ref=number - 1))
        first = next((u.text.strip() for u in self.units), "")
        self.title = first if len(first) <= 80 else None
        self.info = {"lines": len(self.lines), "encoding": self.decoded.encoding}

    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        lines = list(self.lines)
        for index, spans in edits.items():
            unit = self.units[index]
            line = lines[unit.ref]
            ending = line[len(unit.text):]
            lines[unit.ref] = apply_spans(unit.text, spans) + ending
        charset = self.decoded.encoding.replace("-le", "").replace("-be", "")
        return RedactedFile(self.decoded.encode("".join(lines)), self.redacted_name(), f"text/plain; charset={charset}")
