"""The input record of docs/design.md section 3.1: validation and field access."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .errors import GongkaiError, InputError

MAX_CHARS = 200_000
"""Default limit on title + body length, in characters (about 600 KB of UTF-8)."""


@dataclass(frozen=True)
class Record:
    """One draft: ``title`` and ``body`` (either may be empty, not both)."""

    title: str
    body: str
    id: str | None = None

    @classmethod
    def parse(cls, raw: Any, max_chars: int = MAX_CHARS) -> "Record":
        """Build a record from a mapping, raising :class:`InputError` with a Chinese message.

        ``text`` is accepted as an alias of ``body``.
        """
        if isinstance(raw, Record):
            record = raw
        else:
            if not isinstance(raw, Mapping):
                raise InputError("记录必须是包含 title 和/或 body 字段的对象。", "not_an_object")
            title = raw.get("title")
            body = raw.get("body")
            if body is None:
                body = raw.get("text")
            title = "" if title is None else title
            body = "" if body is None else body
            for name, value in (("title", title), ("body", body)):
                if not isinstance(value, str):
                    raise InputError(
                        f"字段 {name} 必须是文本（字符串），收到的是 {type(value).__name__}。", "wrong_type"
                    )
            record = cls(title=title, body=body, id=record_id(raw))
        for name, value in (("id", record.id), ("title", record.title), ("body", record.body)):
            check_text(name, value)
        if not record.title.strip() and not record.body.strip():
            raise InputError("标题和正文不能同时为空。", "empty_input")
        size = len(record.title) + len(record.body)
        if size > max_chars:
            raise InputError(
                f"文本过长：{size} 个字符，上限为 {max_chars} 个字符。请拆分后再检查。", "input_too_long"
            )
        return record


def record_id(raw: Any) -> str | None:
    """The caller's ``id`` of a raw record as text (``None`` when absent or not a mapping)."""
    rid = raw.get("id") if isinstance(raw, Mapping) else None
    return None if rid is None else str(rid)


def safe_id(raw: Any) -> str | None:
    """:func:`record_id` made encodable: a lone surrogate becomes its ``\\udxxx`` escape.

    Used where a record is answered with an error, so the answer itself can always be written.
    """
    rid = record_id(raw)
    return None if rid is None else rid.encode("utf-8", "backslashreplace").decode("utf-8")


def error_result(raw: Any, exc: GongkaiError) -> dict[str, Any]:
    """What a record that cannot be analysed gets in its place in a batch answer."""
    return {"id": safe_id(raw), "error": {"code": exc.code, "message": exc.message}}


def check_text(name: str, value: str | None) -> None:
    """Refuse text that cannot be written as UTF-8: a lone surrogate such as ``"\\ud800"`` from JSON."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"字段 {name} 第 {exc.start + 1} 个字符是无效字符（孤立的代理码点 U+{ord(value[exc.start]):04X}），"
            "不是合法的 Unicode 文本。", "invalid_text"
        ) from None
