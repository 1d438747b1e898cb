"""PDF with a text layer, page by page (pypdf). A page without text but with images is a scan: it cannot
be reviewed, so the file is never ``publish``. Masking inside a PDF is not safe (the text layer,
fonts and images keep the value), so the redacted result is the de-identified *text*.
"""

from __future__ import annotations

import io
import logging

from ..errors import FileError
from .limits import Deadline, FileLimits
from .units import ParsedFile, RedactedFile, Span, Unit, apply_spans

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every small defect of real files

METADATA = {"/Author": ("作者", True), "/Title": ("标题", False), "/Subject": ("主题", False),
            "/Keywords": ("关键词", False)}
PDF_NOTE = "PDF 无法安全地就地遮盖：此处给出去标识化后的文字。PDF 原件不得原样公开，请据此文字重新制作文件。"


SCANNED_TEXT_CHARS = 20
"""A page with an image and fewer characters of text than this (a page number, a stamp caption) is a scan."""


GARBLED_SHARE = 0.3
"""A page whose text is more than this share of unmappable characters has no usable text layer."""


def garbled(text: str) -> bool:
    """Text extracted through a font without a Unicode map: private-use, replacement and control characters."""
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return False
    bad = sum(1 for ch in chars if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd" or ord(ch) < 32)
    return bad / len(chars) > GARBLED_SHARE


def _draws(page, images_only: bool) -> bool:
    """The page paints an image (or, unless ``images_only``, anything sizeable at all)."""
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            if ref.get_object().get("/Subtype") in ("/Image", "/Form"):
                return True
        if images_only:
            return False
        contents = page.get_contents()
        return bool(contents is not None and len(contents.get_data()) > 200)
    except Exception:  # a damaged resource dictionary: treat as "something is drawn"
        return True


class PdfFile(ParsedFile):
    kind = "pdf"
    label = "PDF 文档"
    content_type = "text/plain; charset=utf-8"
    in_place = False

    def __init__(self, data: bytes, name: str, limits: FileLimits, deadline: Deadline):
        super().__init__(name)
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                self.notice("encrypted", "无法读取文字：PDF 已加密（需要密码才能打开）。请去除密码后重新检查。", unreadable=True)
                self.info = {"pages": None}
                return
            pages = len(reader.pages)
        except FileError:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
                NotImplementedError) as exc:
            raise FileError(f"{name} 不是可读取的 PDF（{type(exc).__name__}）。请重新导出后再检查。", "damaged_file") from None
        if pages > limits.max_pages:
            raise FileError(f"{name} 共 {pages} 页，上限为 {limits.max_pages} 页。请拆分后分别检查。", "too_many_pages")
        scanned: list[int] = []
        garbled_pages: list[int] = []
        chars = 0
        for number, page in enumerate(reader.pages, 1):
            deadline.check()
            try:
                text = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - one unreadable page must not lose the others
                text = ""
                scanned.append(number)
                continue
            chars += len(text)
            if chars > limits.max_chars:
                raise FileError(f"{name} 的文字超过 {limits.max_chars} 个字符。请拆分后分别检查。", "too_many_chars")
            visible = len("".join(text.split()))
            if visible and garbled(text):
                garbled_pages.append(number)
            if visible:
                self.add(Unit(text, {"page": number}, f"第 {number} 页", writable=True, ref=number))
            if (visible == 0 and _draws(page, images_only=False)) or (
                    0 < visible < SCANNED_TEXT_CHARS and _draws(page, images_only=True)):
                scanned.append(number)
        try:
            meta = reader.metadata or {}
        except Exception:  # noqa: BLE001
            meta = {}
        for key, (label, person) in METADATA.items():
            value = meta.get(key)
            if isinstance(value, str) and value.strip():
                self.add(Unit(str(value), {"property": label}, f"文档属性：{label}", "文档属性",
                              ref=("property", key), person=person))
        self.pages = pages
        if scanned:
            listed = "、".join(map(str, scanned[:20])) + ("等" if len(scanned) > 20 else "")
            self.notice("unreadable", f"无法读取文字（可能是扫描件）：第 {listed} 页没有文字层，请人工审核这些页。",
                        {"pages": scanned}, unreadable=True)
        if garbled_pages:
            listed = "、".join(map(str, garbled_pages[:20])) + ("等" if len(garbled_pages) > 20 else "")
            self.notice("garbled", f"无法读取文字：第 {listed} 页的文字层无法识别（字体缺少字符映射），请人工审核这些页。",
                        {"pages": garbled_pages}, unreadable=True)
        first = next((u.text.strip().split("\n", 1)[0].strip() for u in self.units if "page" in u.location), "")
        self.title = first if 0 < len(first) <= 80 else None
        self.info = {"pages": pages}

    def write(self, edits: dict[int, list[Span]]) -> RedactedFile:
        parts = []
        for index, unit in enumerate(self.units):
            if "page" in unit.location:
                parts.append(f"—— 第 {unit.location['page']} 页 ——\n" + apply_spans(unit.text, edits.get(index, [])))
        return RedactedFile("\n\n".join(parts).encode("utf-8"), self.redacted_name("txt"), self.content_type, PDF_NOTE)
