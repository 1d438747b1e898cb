"""Shared helpers for the benchmarks: where the evaluation data is, and reading it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the repository, or GONGKAI_SHARED_DATA (a git worktree lives elsewhere)
SHARED_DATA = Path(os.environ.get("GONGKAI_SHARED_DATA") or ROOT.parent / "shared" / "data")

sys.path.insert(0, str(ROOT))


def data_path(relative: str) -> Path:
    path = SHARED_DATA / relative
    if not path.is_file():
        sys.exit(f"找不到评估数据 {path}：基准测试需要 ../shared/data。")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
