"""Shared helpers for the benchmarks: where the evaluation data is, and reading it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("GONGKAI_EVAL_DATA") or ROOT.parent / "shared" / "data")
"""The evaluation data (../shared/data next to the repository; ``GONGKAI_EVAL_DATA`` points elsewhere)."""

sys.path.insert(0, str(ROOT))


def data_path(relative: str) -> Path:
    path = SHARED_DATA / relative
    if not path.is_file():
        sys.exit(f"找不到评估数据 {path}：基准测试需要 ../shared/data。")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
