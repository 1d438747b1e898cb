"""Input helpers shared by the sub-commands: reading drafts and JSONL, model options."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from classifier.errors import GongkaiError, InputError


def add_model_option(parser) -> None:
    parser.add_argument("--model", metavar="目录", default=None,
                        help="模型目录（默认：环境变量 GONGKAI_MODEL_DIR，否则随程序发布的默认模型）")


def read_text(source: str) -> str:
    """Text of a file (or ``-`` for standard input), UTF-8 or GB18030, with a clear error."""
    if source == "-":
        data = sys.stdin.buffer.read()
        name = "标准输入"
    else:
        path = Path(source)
        if not path.is_file():
            raise GongkaiError(f"找不到文件：{source}", "file_not_found")
        data = path.read_bytes()
        name = source
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} 不是 UTF-8 或 GB18030 编码的文本。", "invalid_encoding")


def draft_record(text: str, source: str) -> dict:
    """A text draft: the first non-empty line is the title, the rest is the body."""
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise InputError(f"{'标准输入' if source == '-' else source} 是空的：没有标题也没有正文。", "empty_input")
    return {"id": None if source == "-" else source, "title": lines[0].strip(), "body": "\n".join(lines[1:]).strip("\n")}


def jsonl_records(text: str, source: str) -> list[tuple[int, Any]]:
    """``(line number, record)`` for each non-blank line of a JSONL text.

    A line that is not JSON is kept in its place as an :class:`InputError` naming the line, so
    the analysis answers it with an error and nothing else is lost.
    """
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except RecursionError:
            records.append((number, InputError("这一行的 JSON 嵌套过深。", "invalid_json")))
        except ValueError as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "含有无法读取的数值"
            records.append((number, InputError(f"这一行不是合法的 JSON：{reason}", "invalid_json")))
    if not records:
        raise InputError(f"{'标准输入' if source == '-' else source} 中没有记录。", "empty_input")
    return records


def read_records(source: str, jsonl: bool) -> list[tuple[int | None, Any]]:
    """``(line number, record)`` pairs: the lines of a JSONL file, or one text draft (line ``None``)."""
    text = read_text(source)
    return jsonl_records(text, source) if jsonl else [(None, draft_record(text, source))]


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)
