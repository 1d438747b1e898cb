"""The type of a file from its bytes (magic numbers, zip members, text sniffing); the extension only breaks ties."""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import FileError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_OLE_STREAM = "EncryptionInfo".encode("utf-16-le")
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!doctype\s+html|<html\b|<!--)", re.I)
HTML_TAG = re.compile(r"<(?:p|div|span|table|br|h[1-6]|body|img|a|strong|ul|ol|li|section|article)\b", re.I)
TEXT_TYPES = {"csv": "csv", "tsv": "csv", "htm": "html", "html": "html", "xhtml": "html", "txt": "txt", "text": "txt"}
LEGACY = {
    "doc": "Word 97-2003 文档（.doc）", "wps": "WPS 文字文档（.wps）", "xls": "Excel 97-2003 工作簿（.xls）",
    "et": "WPS 表格文档（.et）", "ppt": "PowerPoint 97-2003 演示文稿（.ppt）", "dps": "WPS 演示文稿（.dps）",
}


def extension(name: str | None) -> str:
    if not name or "." not in name:
        return ""
    return name.rsplit(".", 1)[1].lower()


def detect(data: bytes, name: str) -> str:
    """``docx``, ``xlsx``, ``pdf``, ``html``, ``csv``, ``txt`` or ``encrypted_office``; FileError otherwise."""
    ext = extension(name)
    if not data:
        raise FileError(f"{name} 是空文件。", "empty_file")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(OLE2_MAGIC):
        if ENCRYPTED_OLE_STREAM in data[:1_000_000] or ENCRYPTED_OLE_STREAM in data[-1_000_000:]:
            return "encrypted_office"
        what = LEGACY.get(ext, "旧版 Office/WPS 二进制文档（.doc/.xls/.wps）")
        raise FileError(f"{name} 是{what}，无法可靠读取其中的隐藏内容。请用 Word/WPS 另存为 .docx"
                        "（表格另存为 .xlsx）后再检查。", "legacy_format")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, name, ext)
    if data.startswith(b"{\\rtf"):
        raise FileError(f"{name} 是 RTF 文档，请用 Word/WPS 另存为 .docx 后再检查。", "unsupported_type")
    if data.startswith(IMAGE_MAGIC) or data[8:12] == b"WEBP":
        raise FileError(f"{name} 是图片，无法读取其中的文字：请提供文字版（DOCX/PDF 文字层），或交人工审核。",
                        "unsupported_type")
    return text_kind(data[:4096], ext)


def text_kind(head: bytes, ext: str) -> str:
    if ext in TEXT_TYPES:
        return TEXT_TYPES[ext]
    sample = head.decode("utf-8", "ignore") or head.decode("gb18030", "ignore")
    if HTML_START.match(sample) or (sample.lstrip().startswith("<") and HTML_TAG.search(sample)):
        return "html"
    return "txt"


def _zip_kind(data: bytes, name: str, ext: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileError(f"{name} 已损坏，无法打开（{exc}）。请重新保存后再检查。", "damaged_file") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        raise FileError(f"{name} 是演示文稿（PPTX），暂不支持：请导出为 PDF（保留文字）或 DOCX 后再检查。",
                        "unsupported_type")
    if "mimetype" in names or ext in ("odt", "ods", "wps", "et"):
        raise FileError(f"{name} 不是 Office Open XML 文档：请另存为 .docx 或 .xlsx 后再检查。", "unsupported_type")
    raise FileError(f"{name} 是压缩包，不是可检查的文档。请解压后逐个检查其中的文件。", "unsupported_type")
