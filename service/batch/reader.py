"""Reading an archive so that no bad line aborts it: every line or CSV record yields exactly one row.

``datasets``' JSON and CSV builders stop at the first malformed line. So JSONL and CSV inputs are
first read here, streaming with bounded memory:

- the encoding is detected (UTF-8, with or without BOM, strictly; otherwise GB18030, which
  includes GBK); a file that is neither is read as UTF-8 and each undecodable line becomes an
  error row;
- a JSONL line that is blank, not JSON, or JSON but not an object, and a CSV record that is
  blank, has another number of fields than the header, or whose quote is never closed, becomes an
  *error row* in its place: a row whose hidden column :data:`INPUT_ERROR` holds the code and the
  Chinese message (with the line number). The analysis gives such a row that ``error`` and
  ``error_code`` and no results; the column is dropped before anything is written.

A clean UTF-8 JSONL file goes to ``datasets`` unchanged. Otherwise a private UTF-8 JSONL copy is
written to a scratch folder (every row with the hidden column) and ``datasets`` loads the copy;
CSV always takes this path (as a Parquet copy), and every CSV cell is read as text (no type guessing: ``007`` stays
``007``; an empty cell is missing). Parquet is typed and has no lines: it is loaded as it is.

The input fingerprint is the sha256 of the file's bytes (plus this reader's version), so cached
results and ``--resume`` follow the content, not where a copy happens to live.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import os
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .io import BatchError, load_archive
from .records import INPUT_ERROR, parse_row_error  # noqa: F401 - re-exported

READER_VERSION = "1"

MAX_LINE_BYTES = 64 * 1024 * 1024
"""A longer line is not held in memory: it becomes a ``line_too_long`` error row."""
MAX_RECORD_CHARS = 64 * 1024 * 1024
"""A CSV record (quoted fields may span lines) longer than this becomes an error row."""
CHUNK = 1 << 20

ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8", "gb18030": "gb18030", "gbk": "gb18030",
             "gb2312": "gb18030"}
"""``--encoding`` values (GBK and GB2312 are subsets of GB18030)."""

MESSAGES = {
    "blank_line": "第 {line} 行是空行，没有记录。",
    "invalid_json": "第 {line} 行不是合法的 JSON：{detail}",
    "not_an_object": "第 {line} 行是 JSON {detail}，不是对象（应为 {{\"title\": …, \"body\": …}}）。",
    "ragged_row": "第 {line} 行有 {detail} 个字段，与表头的 {expected} 个不符。",
    "unclosed_quote": "第 {line} 行的引号没有闭合（这一行按无法读取处理，后面的行照常读取）。",
    "invalid_csv": "第 {line} 行不是合法的 CSV：引号不配对（引号没有闭合，或闭合引号后不是分隔符）。",
    "invalid_encoding": "第 {line} 行不是 {detail} 编码的文本。",
    "line_too_long": "第 {line} 行超过 {detail} 字节，未读取。",
    "record_too_long": "第 {line} 行起的记录超过 {detail} 个字符（引号可能没有闭合），未读取。",
}
JSON_KINDS = {list: "数组", str: "字符串", int: "数字", float: "数字", bool: "布尔值", type(None): "null"}


@dataclass
class Archive:
    """A loaded archive: the ``datasets.Dataset``, its content fingerprint and what reading found."""

    dataset: Any
    fingerprint: str
    encoding: str | None = None
    bad_rows: int = 0

    @property
    def columns(self) -> list[str]:
        """The archive's own columns (without the hidden :data:`INPUT_ERROR`)."""
        return [c for c in self.dataset.column_names if c != INPUT_ERROR]


def row_error(code: str, line: int, detail: Any = "", **extra: Any) -> str:
    """The hidden column's value for an error row."""
    message = MESSAGES[code].format(line=line, detail=detail, **extra)
    return json.dumps({"code": code, "message": message, "line": line}, ensure_ascii=False)


def without_input_error(dataset):
    """``dataset`` without the hidden column (before writing or counting)."""
    return dataset.remove_columns(INPUT_ERROR) if INPUT_ERROR in dataset.column_names else dataset


# --- encoding ------------------------------------------------------------------------------------
def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def detect_encoding(path: Path) -> str:
    """``utf-8`` (a BOM is allowed) when the whole file decodes strictly, else ``gb18030`` when it
    does, else ``utf-8`` (and each undecodable line becomes an error row)."""
    if _decodes(path, "utf-8"):
        return "utf-8"
    if _decodes(path, "gb18030"):
        return "gb18030"
    return "utf-8"


def resolve_encoding(given: str | None) -> str | None:
    if given is None:
        return None
    encoding = ENCODINGS.get(given.strip().lower())
    if encoding is None:
        raise BatchError(f"不支持的编码 {given!r}：可用 utf-8、gb18030（含 GBK）。", "unknown_encoding")
    return encoding


# --- lines ---------------------------------------------------------------------------------------
def lines(path: Path, encoding: str, bar=None) -> Iterator[tuple[int, str | None, str | None]]:
    """``(line number, text with its line ending, error code)`` for every line, bounded in memory.

    ``bar`` (a ``tqdm`` over bytes) is advanced as the file is read."""
    with open(path, "rb") as fh:
        number = done = 0
        while raw := fh.readline(MAX_LINE_BYTES + 1):
            number += 1
            if bar is not None and number % 4096 == 0:
                bar.update(fh.tell() - done)
                done = fh.tell()
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (more := fh.readline(CHUNK)) and not more.endswith(b"\n"):
                    pass
                yield number, None, "line_too_long"
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8) and encoding == "utf-8":
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                yield number, None, "invalid_encoding"
                continue
            yield number, text.lstrip("\ufeff") if number == 1 else text, None
        if bar is not None:
            bar.update(fh.tell() - done)


def _line_error(code: str, number: int, encoding: str) -> str:
    detail = {"invalid_encoding": encoding.upper(), "line_too_long": MAX_LINE_BYTES}.get(code, "")
    return row_error(code, number, detail)


def _reject_constant(name: str):
    raise ValueError(f"{name} 不是合法的 JSON 值")


def json_rows(path: Path, encoding: str, bar=None) -> Iterator[tuple[str | None, str | None]]:
    """``(object text, error)`` per line of a JSONL file: exactly one of the two is set."""
    for number, text, code in lines(path, encoding, bar):
        if code:
            yield None, _line_error(code, number, encoding)
            continue
        if not text.strip():
            yield None, row_error("blank_line", number)
            continue
        try:
            obj = json.loads(text, parse_constant=_reject_constant)
        except RecursionError:
            yield None, row_error("invalid_json", number, "嵌套过深")
            continue
        except ValueError as exc:
            yield None, row_error("invalid_json", number, getattr(exc, "msg", str(exc)))
            continue
        if not isinstance(obj, dict):
            yield None, row_error("not_an_object", number, JSON_KINDS.get(type(obj), type(obj).__name__))
            continue
        yield text.strip(), None


class _TooLong(Exception):
    pass


class _BadLine(Exception):
    pass


def csv_records(path: Path, encoding: str, bar=None) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """``(first line number, fields, error)`` per CSV record; the header is the first record.

    One ``csv.reader`` reads the lines while they parse. A bad record (unclosed quote, malformed
    quoting, an undecodable line inside it, too long) becomes one error row for its first line,
    and a new reader starts at the line after that first line, so a stray quote costs one row,
    not the rest of the file. Only the lines of the current record are held."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_CHARS))
    source = lines(path, encoding, bar)
    pending: deque = deque()
    taken: list = []  # the lines of the record being read

    def feed():
        size = 0
        while True:
            item = pending.popleft() if pending else next(source, None)
            if item is None:
                return
            if not taken:
                size = 0
            taken.append(item)
            if item[2] is not None:
                raise _BadLine
            size += len(item[1])
            if size > MAX_RECORD_CHARS:
                raise _TooLong
            yield item[1]

    while True:
        reader = csv.reader(feed(), strict=True)
        try:
            for fields in reader:
                number = taken[0][0]
                if not fields or (len(taken) == 1 and not taken[0][1].strip()):
                    yield number, None, row_error("blank_line", number)
                else:
                    yield number, fields, None
                taken.clear()
            return
        except _BadLine:
            number, _, code = taken[0]
            error = _line_error(code, number, encoding) if code else row_error("invalid_csv", number)
        except _TooLong:
            number = taken[0][0]
            error = row_error("record_too_long", number, MAX_RECORD_CHARS)
        except csv.Error as exc:
            number = taken[0][0]
            error = row_error("unclosed_quote" if "end of data" in str(exc) else "invalid_csv", number)
        pending.extendleft(reversed(taken[1:]))  # read again from the line after the record's first
        taken.clear()
        yield number, None, error


# --- loading -------------------------------------------------------------------------------------
def _private_writer(path: Path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    return open(fd, "w", encoding="utf-8", newline="\n")


def _header(names: list[str]) -> list[str]:
    """Column names as pandas would give them: blanks named, duplicates numbered."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        name = name.strip() or f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        out.append(name)
    return out


def _json_copy(src: Path, copy: Path, encoding: str, bar=None) -> int:
    bad = 0
    marker = json.dumps(INPUT_ERROR)
    with _private_writer(copy) as out:
        for text, error in json_rows(src, encoding, bar):
            if error is not None:
                bad += 1
                out.write("{" + marker + ":" + json.dumps(error, ensure_ascii=False) + "}\n")
            elif text[1:].strip() == "}":  # {}
                out.write("{" + marker + ':""}\n')
            else:
                out.write("{" + marker + ':"",' + text[1:] + "\n")
    return bad


def _csv_copy(src: Path, copy: Path, encoding: str, bar=None) -> tuple[list[str], int]:
    """CSV -> a private Parquet copy: every cell a string (``None`` when empty), plus the hidden column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = csv_records(src, encoding, bar)
    header = None
    for number, fields, error in records:
        if error is None:
            header = _header(fields)
            break
        raise BatchError(f"{src} 的表头（第 {number} 行）无法读取：{json.loads(error)['message']}", "unreadable")
    if header is None:
        raise BatchError(f"{src} 中没有记录。", "empty_input")
    schema = pa.schema([(name, pa.string()) for name in [INPUT_ERROR, *header]])
    width, bad, rows, size = len(header), 0, [], 0
    empty = [None] * width

    def flush():
        if rows:
            writer.write_table(pa.Table.from_arrays([pa.array(col, pa.string()) for col in zip(*rows)], schema=schema))
            rows.clear()

    fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as fh, pq.ParquetWriter(fh, schema) as writer:
        for number, fields, error in records:
            if error is None and len(fields) != width:
                error = row_error("ragged_row", number, len(fields), expected=width)
            if error is not None:
                bad += 1
                rows.append([error, *empty])
            else:
                rows.append(["", *[v if v else None for v in fields]])
                size += sum(map(len, fields))
            if len(rows) >= 10_000 or size > MAX_RECORD_CHARS:
                flush()
                size = 0
        flush()
    return header, bad


def _bar(path: Path, desc: str, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=path.stat().st_size, desc=desc, unit="B", unit_scale=True, disable=not enabled,
                dynamic_ncols=True, file=sys.stderr, leave=False)


def open_archive(path: str | Path, builder: str, scratch: Path, *, cache_dir: str | Path | None = None,
                 encoding: str | None = None, progress: bool = False) -> Archive:
    """Load ``path`` (``builder``: ``json``, ``csv`` or ``parquet``) so that every line yields a row.

    ``scratch`` is a private folder for the cleaned copy (removed by the caller); ``encoding``
    forces the input encoding (default: detected); ``progress`` shows a bar per pass over the file."""
    path = Path(path)
    if not path.is_file():
        raise BatchError(f"找不到输入文件：{path}", "file_not_found")
    if builder == "parquet":
        dataset = load_archive(path, builder, cache_dir)
        return Archive(dataset, dataset._fingerprint)
    encoding = resolve_encoding(encoding) or detect_encoding(path)
    fp = hashlib.sha256(f"{READER_VERSION}\0{builder}\0{encoding}\0{content_hash(path)}".encode()).hexdigest()[:32]
    if builder == "json":
        with _bar(path, "检查每一行", progress) as bar:
            clean = encoding == "utf-8" and not any(err for _, err in json_rows(path, encoding, bar))
        if clean and _no_bom(path):
            return Archive(load_archive(path, builder, cache_dir), fp, encoding)
        copy = scratch / f"input-{fp[:16]}.jsonl"
        with _bar(path, "整理输入", progress) as bar:
            bad = _json_copy(path, copy, encoding, bar)
        _freeze(copy)
        return Archive(load_archive(copy, "json", cache_dir), fp, encoding, bad)
    copy = scratch / f"input-{fp[:16]}.parquet"
    with _bar(path, "读取并检查每一行", progress) as bar:
        _, bad = _csv_copy(path, copy, encoding, bar)
    _freeze(copy)
    return Archive(load_archive(copy, "parquet", cache_dir), fp, encoding, bad)


def _no_bom(path: Path) -> bool:
    with open(path, "rb") as fh:
        return not fh.read(3).startswith(codecs.BOM_UTF8)


def _freeze(copy: Path) -> None:
    """A fixed modification time: the copy's name holds the content hash, so ``datasets``' cache of
    the copy stays valid from one run to the next."""
    os.utime(copy, (0, 0))
