"""Zip-based documents (DOCX, XLSX) opened with their bounds checked, and XML parsed without entities.

Before anything is parsed: the number of members, the declared unpacked size of all of them and
the unpacked/packed ratio of each are checked (a zip bomb is refused, not inflated). Python's
zipfile never inflates a member past its declared size (a longer stream fails the CRC check), so
the declared sizes bound the actual ones. An XML part that declares a DOCTYPE or an entity is
refused: Office never writes one, and an entity is how an XML bomb or an external file read starts.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ..errors import FileError
from .limits import FileLimits

DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=False)


def damaged(name: str, detail: object = "") -> FileError:
    extra = f"（{detail}）" if detail else ""
    return FileError(f"{name} 已损坏或格式不正确，无法读取{extra}。请用原软件重新保存后再检查。", "damaged_file")


def open_zip(data: bytes, name: str, limits: FileLimits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise damaged(name, exc) from None
    if len(infos) > limits.max_members:
        raise FileError(f"{name} 含有 {len(infos)} 个内部部件，上限为 {limits.max_members} 个：结构异常，已拒绝。",
                        "zip_bomb")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > limits.max_ratio:
            raise FileError(f"{name} 的部件 {info.filename} 压缩比异常（{ratio:.0f} 倍，上限 {limits.max_ratio:g} 倍），"
                            "疑似“压缩炸弹”，已拒绝。", "zip_bomb")
        if info.flag_bits & 0x1:
            raise FileError(f"{name} 的内部部件已加密，无法读取。请去除密码后再检查。", "encrypted_file")
    if total > limits.max_unzipped:
        raise FileError(f"{name} 解压后共 {total} 字节，上限为 {limits.max_unzipped} 字节，疑似“压缩炸弹”，已拒绝。",
                        "zip_bomb")
    return zf


def read_member(zf: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        return zf.read(member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise damaged(name, exc) from None


def check_no_dtd(data: bytes, member: str, name: str) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", "ignore").encode("utf-8")
    if DTD.search(data):
        raise FileError(f"{name} 的部件 {member} 含有 DOCTYPE 或实体声明（Office 文档不会有），可能是恶意文件，已拒绝。",
                        "xml_entity")


def check_all_xml(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse the file if any XML part declares a DOCTYPE or an entity (before a library parses it)."""
    for info in zf.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            check_no_dtd(read_member(zf, info.filename, name), info.filename, name)


def parse_xml(data: bytes, member: str, name: str) -> etree._Element:
    try:
        root = etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise damaged(name, f"{member}：{exc}") from None
    if root is None:
        raise damaged(name, member)
    return root


def rewrite_zip(zf: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """A copy of the archive with some members replaced; order, names and compression of every member kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in zf.infolist():
            data = replaced.get(info.filename)
            if data is None:
                data = zf.read(info.filename)
            dest.writestr(info, data)
    return out.getvalue()
