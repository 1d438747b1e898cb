"""Text files in the encodings Chinese offices use: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import FileError


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec to write the file back with
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes, name: str) -> Decoded:
    """Decode by BOM, else UTF-8, else GB18030 (a superset of GBK and GB2312, so GBK files round-trip)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return Decoded(text, encoding)
    raise FileError(f"{name} 不是可识别的文件：既不是 DOCX、XLSX、PDF，也不是 UTF-8 或 GB18030 编码的文本。",
                    "unsupported_type")
