"""Loading labelled corpora and archives with HuggingFace ``datasets`` (local files, offline)."""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from collections import Counter

from classifier.categories import TRAINING_LABELS, LabelMap, category_code
from classifier.errors import GongkaiError
from classifier.text import normalize

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

BUILDERS = {".jsonl": "json", ".json": "json", ".csv": "csv", ".parquet": "parquet"}


class DataError(GongkaiError):
    code = "data_error"


def corpus_dir() -> Path:
    """The corpus shipped with the project (``training/corpus``)."""
    return Path(str(resources.files("training") / "corpus"))


def corpus_files(paths: Sequence[str | Path] | None = None) -> list[Path]:
    """Expand files and folders (folders give their *.jsonl, *.csv, *.parquet), sorted."""
    paths = list(paths) if paths else [corpus_dir()]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.suffix in BUILDERS))
        elif p.is_file():
            files.append(p)
        else:
            raise DataError(f"找不到数据文件或目录：{p}", "file_not_found")
    if not files:
        raise DataError(f"在 {', '.join(map(str, paths))} 中没有找到 JSONL/CSV/Parquet 文件。", "no_data")
    return files


def corpus_hash(files: Iterable[Path]) -> str:
    """sha256 over the names and bytes of the corpus files (order-independent)."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda p: p.name):
        digest.update(f.name.encode("utf-8") + b"\0")
        digest.update(f.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_table(path: Path, fmt: str | None = None):
    """One local file as a ``datasets.Dataset`` (format from the extension unless given)."""
    import datasets

    datasets.disable_progress_bars()
    builder = fmt or BUILDERS.get(Path(path).suffix.lower())
    if builder is None:
        raise DataError(f"无法识别的文件格式：{path}（支持 .jsonl .json .csv .parquet）", "unknown_format")
    try:
        return datasets.load_dataset(builder, data_files=str(path), split="train")
    except Exception as exc:
        raise DataError(f"无法读取 {path}：{exc}", "unreadable") from exc


def load_labelled(paths: Sequence[str | Path] | None = None, require_label: bool = True,
                  dedupe: bool = True, label_map: LabelMap | None = None,
                  mapping_report: dict | None = None) -> list[dict]:
    """Records ``{"title", "body", "label", "id", "site"}`` from one or more corpora, de-duplicated.

    ``label`` may be a category code or its Chinese name. With ``label_map``, a file that has the
    map's field (the archive's 栏目) is labelled through the map instead: those records are the
    site's own items (``site`` is true); values the map does not cover are left out and counted in
    ``mapping_report`` (``mapped``, ``unmapped`` and ``ignored``), never guessed.

    With ``dedupe``, duplicates are detected on the normalised title + body and the first
    occurrence is kept (for training; evaluation keeps every row).
    """
    records: list[dict] = []
    seen: set[str] = set()
    report = mapping_report if mapping_report is not None else {}
    report.setdefault("mapped", 0)
    report.setdefault("unmapped", Counter())
    report.setdefault("ignored", Counter())
    for f in corpus_files(paths):
        table = load_table(f)
        cols = set(table.column_names)
        if "title" not in cols and "body" not in cols and "text" not in cols:
            raise DataError(f"{f} 缺少 title/body 字段。", "missing_columns")
        by_map = label_map is not None and label_map.field in cols
        if require_label and not by_map and "label" not in cols:
            hint = f"，也没有栏目映射所指的字段 {label_map.field}" if label_map is not None else ""
            raise DataError(f"{f} 缺少 label 字段{hint}。", "missing_columns")
        if by_map:
            codes, unmapped, ignored = label_map.apply(table[label_map.field])
            report["unmapped"].update(unmapped)
            report["ignored"].update(ignored)
        for i, row in enumerate(table):
            title = row.get("title") or ""
            body = row.get("body") or row.get("text") or ""
            if by_map:
                label = codes[i]
                if label is None:
                    continue
                report["mapped"] += 1
            else:
                raw = row.get("label")
                label = category_code(raw)
                if require_label and label is None:
                    raise DataError(f"{f} 中有未知类别 {raw!r}（应为 {', '.join(TRAINING_LABELS)} 之一，或其中文名）。",
                                    "unknown_label")
                if label is None:
                    label = raw
            if dedupe:
                key = normalize(title) + "\x00" + normalize(body)
                if key in seen or not (title.strip() or body.strip()):
                    continue
                seen.add(key)
            records.append({"title": title, "body": body, "label": label, "id": row.get("id"), "site": by_map})
    return records
