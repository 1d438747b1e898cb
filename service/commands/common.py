"""Input helpers shared by the sub-commands: reading drafts and JSONL, model options."""

from __future__ import annotations

import json
import sys
from pathlib import Path

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


def jsonl_records(text: str, source: str) -> list[dict]:
    """Records of a JSONL text; a malformed line is reported with its number."""
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{source} 第 {number} 行不是合法的 JSON：{exc.msg}", "invalid_json") from exc
        records.append(obj if isinstance(obj, dict) else {"_invalid": obj})
    if not records:
        raise InputError(f"{source} 中没有记录。", "empty_input")
    return records


def read_records(source: str, jsonl: bool) -> list[dict]:
    text = read_text(source)
    return jsonl_records(text, source) if jsonl else [draft_record(text, source)]


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)
