"""Bounds on the work one file may cause: bytes in, bytes unpacked, cells, pages, seconds."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..errors import FileError


@dataclass(frozen=True)
class FileLimits:
    """Every bound a file is checked against; a file over one is refused with a Chinese message.

    ``max_ratio`` is the largest unpacked/packed size of one zip member: real DOCX/XLSX parts stay
    well under 100:1, a zip bomb is at thousands to one.
    """

    max_bytes: int = 20_000_000
    max_unzipped: int = 300_000_000
    max_ratio: float = 200.0
    max_members: int = 5_000
    max_cells: int = 1_000_000
    max_pages: int = 2_000
    max_chars: int = 20_000_000
    max_seconds: float = 300.0

    def check_size(self, size: int) -> None:
        if size > self.max_bytes:
            raise FileError(f"文件过大：{size} 字节，上限为 {self.max_bytes} 字节（约 {self.max_bytes / 1e6:g} MB）。"
                            "请拆分后分别检查。", "file_too_large")


    def check_cells(self, cells: int, name: str) -> None:
        if cells > self.max_cells:
            raise FileError(f"{name} 共有 {cells} 个单元格，上限为 {self.max_cells} 个。请拆分后分别检查。",
                            "too_many_cells")


class Deadline:
    """The time budget of one file; :meth:`check` raises once it is spent."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise FileError(f"文件处理超时（上限 {self.seconds:g} 秒）：内容过多或结构异常。请拆分后分别检查。",
                            "file_timeout")
