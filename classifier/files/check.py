"""One file in, one result out: read its units, review them as records, locate every finding, one verdict,
and the redacted file of the same type (docs/design.md §3.3 "Files").

Only the review's public result is used (findings with field/start/end/text/replacement/action), so
the reviewer's internals may change freely.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import FileError
from .detect import detect
from .limits import Deadline, FileLimits
from .properties import names_a_person
from .units import ParsedFile, RedactedFile, Span

CHUNK_CHARS = 5_000
"""Records are reviewed in chunks of about this many characters (one review call each).

Small chunks keep each record's context local: on one 400,000-character text of 10,000 名单 rows
the review found 1,199 of the 10,000 addresses, on 5,000-character chunks all of them, at the same
speed."""

UNREADABLE_REASON = "无法读取文字（可能是扫描件）"
VERDICT_ORDER = ("withhold", "review", "redact", "publish")
VERDICT_NAMES = {"publish": "可公开", "redact": "去标识化后公开", "review": "需人工审核", "withhold": "不予公开"}
NOT_WRITABLE = "（此处无法自动去标识化，请手工修改）"


class EncryptedOffice(ParsedFile):
    """A password-protected DOCX/XLSX (an OLE2 container with ``EncryptionInfo``): nothing can be read."""

    kind = "encrypted"
    label = "加密的 Office 文档"

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(name)
        self.notice("encrypted", "无法读取文字：文件已加密（设置了打开密码）。请去除密码、另存为 .docx/.xlsx 后重新检查。",
                    unreadable=True)


def _readers() -> dict[str, Callable[..., ParsedFile]]:
    from .csv import CsvFile
    from .docx import DocxFile
    from .html import HtmlFile
    from .pdf import PdfFile
    from .txt import TxtFile
    from .xlsx import XlsxFile

    return {"docx": DocxFile, "xlsx": XlsxFile, "csv": CsvFile, "pdf": PdfFile, "html": HtmlFile, "txt": TxtFile,
            "encrypted_office": EncryptedOffice}


def load_source(source: bytes | str | Path, filename: str | None, limits: FileLimits) -> tuple[bytes, str]:
    """The bytes and a display name of a path or of bytes, with the size limit checked before reading."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        limits.check_size(len(data))
        return data, filename or "上传文件"
    path = Path(source)
    if not path.is_file():
        raise FileError(f"找不到文件：{path}", "file_not_found")
    limits.check_size(path.stat().st_size)
    return path.read_bytes(), filename or path.name


def read_file(source: bytes | str | Path, filename: str | None = None, limits: FileLimits | None = None,
              deadline: Deadline | None = None) -> ParsedFile:
    """Read a file into units (the type is decided by its content); FileError with a Chinese message otherwise."""
    limits = limits or FileLimits()
    data, name = load_source(source, filename, limits)
    deadline = deadline or Deadline(limits.max_seconds)
    kind = detect(data, name)
    parsed = _readers()[kind](data, name, limits, deadline)
    chars = sum(len(u.text) for u in parsed.units)
    if chars > limits.max_chars:
        raise FileError(f"{name} 的文字共 {chars} 个字符，上限为 {limits.max_chars} 个。请拆分后分别检查。",
                        "too_many_chars")
    return parsed


@dataclass
class FileCheck:
    """The result dict (docs/design.md §3.1 and §3.3, plus ``file``, ``location`` and ``notices``) and the parsed file."""

    result: dict[str, Any]
    parsed: ParsedFile
    edits: dict[int, list[Span]]

    def redacted_file(self) -> RedactedFile:
        """The de-identified file; FileError when there is nothing publishable to offer."""
        if self.result["verdict"] == "withhold":
            raise FileError("结论为“不予公开”（含国家秘密等）：不提供去标识化文件。", "withheld")
        if not self.parsed.units:
            raise FileError("无法读取文件中的文字（加密或扫描件），不能生成去标识化文件。请人工审核。", "unreadable_file")
        return self.parsed.write(self.edits)


def check_file(source: bytes | str | Path, filename: str | None = None, *, reviewer,
               classify: Callable[[str, str], dict] | None = None, limits: FileLimits | None = None) -> FileCheck:
    """Review a file (and classify it when ``classify(title, body)`` is given)."""
    limits = limits or FileLimits()
    deadline = Deadline(limits.max_seconds)
    parsed = read_file(source, filename, limits, deadline)
    stem = parsed.name.rsplit(".", 1)[0] if "." in parsed.name else parsed.name
    title = parsed.title or stem
    title_is_name = parsed.title is None
    findings: list[tuple[int, int, dict]] = []  # (unit index, start, finding)
    title_findings: list[dict] = []
    mask_char = getattr(getattr(reviewer, "settings", None), "mask_char", "*")
    for number, (text, segments) in enumerate(_chunks(parsed)):
        deadline.check()
        review = reviewer.review(title, text).to_dict()
        starts = [s[0] for s in segments]
        for f in review["findings"]:
            if f["field"] == "title":
                if number == 0 and title_is_name:
                    title_findings.append(f)
                continue
            rep = f.get("replacement")
            for index, start, end, offset, whole in _pieces(f, segments, starts):
                unit = parsed.units[index]
                piece = dict(f)
                piece.update(start=start, end=end, text=unit.text[start:end])
                if not whole and rep is not None:  # a value split across cells/runs/nodes: each piece its share
                    same = len(rep) == f["end"] - f["start"]
                    piece["replacement"] = rep[offset:offset + end - start] if same else mask_char * (end - start)
                findings.append((index, start, piece))
    found_in = {index for index, _, _ in findings}
    for index, unit in enumerate(parsed.units):
        if unit.person and index not in found_in and names_a_person(unit.text):
            findings.append((index, 0, {
                "ground": "privacy", "type": "document_author", "article": "第十五条", "action": "redact",
                "field": "body", "start": 0, "end": len(unit.text), "text": unit.text, "score": 0.9,
                "reason": "文档中隐藏的个人姓名（作者、最后修改者、修订或批注的作者）— 个人隐私，条例第十五条；发布前应清除",
                "replacement": ""}))
    findings.sort(key=lambda x: (x[0], x[1]))
    out: list[dict] = []
    edits: dict[int, list[Span]] = {}
    for f in title_findings:
        out.append(_located(f, {"file_name": parsed.name}, "文件名", None, writable=False))
    for index, _, f in findings:
        unit = parsed.units[index]
        located = _located(f, unit.location, unit.place, "；".join(unit.labels(f["start"], f["end"])) or None,
                           unit.writable)
        out.append(located)
        if located["replacement"] is not None:
            edits.setdefault(index, []).append((located["start"], located["end"], located["replacement"]))
    verdict = next((v for v in VERDICT_ORDER[:-1] if any(f["action"] == v for f in out)), "publish")
    reasons = []
    if parsed.unreadable:
        reasons = [n["message"] for n in parsed.notices if n["unreadable"]]
        if verdict in ("publish", "redact"):
            verdict = "review"
    if not parsed.in_place and edits and verdict != "withhold":
        from .pdf import PDF_NOTE

        parsed.notice("not_in_place", PDF_NOTE)
    body = "\n".join(u.text for u in parsed.units)
    result: dict[str, Any] = {"id": parsed.name}
    if classify is not None:
        result.update(classify(title, body))
    result.update({
        "verdict": verdict, "verdict_name": VERDICT_NAMES[verdict], "reasons": reasons,
        "findings": out, "notices": [{k: v for k, v in n.items() if v is not None} for n in parsed.notices],
        "file": {"name": parsed.name, "type": parsed.kind, "type_name": parsed.label, "chars": len(body),
                 "readable": not parsed.unreadable, **parsed.info},
    })
    check = FileCheck(result, parsed, edits)
    result["redacted"] = _redacted_summary(check)
    return check


def _redacted_summary(check: FileCheck) -> dict | None:
    parsed, result = check.parsed, check.result
    if result["verdict"] == "withhold" or not parsed.units:
        return None
    summary = {"filename": parsed.redacted_name("txt" if not parsed.in_place else None),
               "content_type": parsed.content_type, "in_place": parsed.in_place,
               "masked": sum(len(v) for v in check.edits.values())}
    if not parsed.in_place:
        red = parsed.write(check.edits)
        summary.update(text=red.data.decode("utf-8"), note=red.note)
    return summary


def _located(f: dict, location: dict, place: str, hidden: str | None, writable: bool) -> dict:
    out = dict(f)
    out["location"] = dict(location)
    out["place"] = place
    out["hidden"] = hidden
    if not writable and out.get("replacement") is not None:
        out["replacement"] = None
        if out["action"] == "redact":
            out["action"] = "review"
        out["reason"] = f"{out['reason']}{NOT_WRITABLE}"
    return out


def _pieces(f: dict, segments: list[tuple[int, int, int]], starts: list[int]):
    """(unit index, start, end, offset into the finding, whole) of every unit the finding's span touches."""
    s, e = f["start"], f["end"]
    i = max(bisect_right(starts, s) - 1, 0)
    touched = []
    while i < len(segments) and segments[i][0] < e:
        a, b, index = segments[i]
        lo, hi = max(s, a), min(e, b)
        if lo < hi:
            touched.append((index, lo - a, hi - a, lo - s))
        i += 1
    whole = len(touched) == 1 and touched[0][2] - touched[0][1] == e - s
    return [(index, lo, hi, offset, whole) for index, lo, hi, offset in touched]


def _chunks(parsed: ParsedFile):
    """(text, segments) of about CHUNK_CHARS each; a segment is (start, end, unit index) in the text."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    length = 0
    for block in parsed.blocks:
        if length >= CHUNK_CHARS:
            yield "".join(parts), segments
            parts, segments, length = [], [], 0
        if parts:
            parts.append("\n")
            length += 1
        for k, index in enumerate(block.units):
            if k:
                sep = block.separators[k] if block.separators else block.joiner
                parts.append(sep)
                length += len(sep)
            prefix = block.prefixes[k] if block.prefixes else ""
            if prefix:
                parts.append(prefix)
                length += len(prefix)
            text = parsed.units[index].text
            segments.append((length, length + len(text), index))
            parts.append(text)
            length += len(text)
    if parts:
        yield "".join(parts), segments
