"""The audit export: one CSV row per review with its final decision, who, when, verdict and counts by ground.

UTF-8 with a byte-order mark, so Excel opens the Chinese headers correctly. Times are Beijing time.
Free text that starts like a formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'`` so that a
spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Iterable

from classifier.risk.grounds import GROUND_NAMES

from .store import LOCAL_TZ, Filters, ReviewStore

HEADER = (["审查编号", "记录编号", "审查时间", "提交人", "模型版本", "公开类别", "更正后类别", "置信度", "工具结论",
           "发现数", "驳回数"] + list(GROUND_NAMES.values())
          + ["最终决定", "决定人", "决定时间", "决定说明", "前次审查编号", "内容哈希"])

DECISION_NAMES = {"publish": "公开", "redact": "去标识化后公开", "withhold": "不予公开"}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value) -> str:
    """Free text (record ids, names, notes) as a cell Excel shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def local_time(iso: str | None) -> str:
    return "" if not iso else datetime.fromisoformat(iso).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def row_of(review: dict) -> list:
    """The CSV row of one review (as :meth:`ReviewStore.get` returns it)."""
    by_ground = Counter(f["ground"] for f in review["findings"])
    decision = review["decision"] or {}
    corrected = review["current_category_name"] if review["current_category"] != review["category"] else ""
    return ([review["review_id"], text_cell(review["id"]), local_time(review["created_at"]),
             text_cell(review["created_by"]), text_cell(review["model"]["version"]), review["category_name"], corrected, f"{review['confidence']:.4f}",
             review["verdict_name"], len(review["findings"]), len(review["dismissed"])]
            + [by_ground.get(ground, 0) for ground in GROUND_NAMES]
            + [DECISION_NAMES.get(decision.get("decision"), "未决定"), text_cell(decision.get("by")),
               local_time(decision.get("at")), text_cell(decision.get("note")), review["previous_review_id"] or "",
               review["content_sha256"]])


def write_csv(reviews: Iterable[dict], out: str | Path) -> int:
    """Write the rows to ``out`` atomically (a temporary file beside it, then a rename). Returns the row count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for review in reviews:
                writer.writerow(row_of(review))
                count += 1
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def export(store: ReviewStore, out: str | Path, filters: Filters = Filters()) -> int:
    return write_csv(store.iter_reviews(filters), out)
