"""Attachments and rich text: DOCX, XLSX, CSV, PDF (text layer), HTML and TXT in, located findings and a
redacted file of the same type out (docs/design.md §3.3 "Files").

    check = check_file("名单.xlsx", reviewer=RiskReviewer())
    check.result["verdict"], check.result["findings"][0]["location"]   # {"sheet": "名单", "cell": "C17"}
    check.redacted_file().data                                         # the masked workbook
"""

from __future__ import annotations

from .check import FileCheck, check_file, read_file
from .limits import FileLimits
from .units import RedactedFile

__all__ = ["FileCheck", "FileLimits", "RedactedFile", "check_file", "read_file"]
