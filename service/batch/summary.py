"""Counts at the end of a relabel run: rows, errors, categories, review, old label -> new category."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from classifier.categories import CATEGORIES
from classifier.risk.grounds import VERDICT_NAMES  # noqa: F401  (one home; report imports it from here)

from .records import Columns, batch_length, label_code

ERROR_COLUMN = "错误"
MAX_LISTED_ERRORS = 10


@dataclass
class Summary:
    """What a run did. Fed batch by batch with :meth:`update`, so it never holds the archive."""

    columns: Columns
    rows: int = 0
    errors: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    verdicts: Counter = field(default_factory=Counter)
    needs_review: int = 0
    confusion: dict[str, Counter] = field(default_factory=dict)
    unchanged: int = 0
    compared: int = 0
    error_rows: list[dict[str, Any]] = field(default_factory=list)
    shards: int = 0
    shards_skipped: int = 0
    seconds: float = 0.0
    model: dict[str, Any] = field(default_factory=dict)
    output: str = ""

    def update(self, batch: Mapping[str, Sequence[Any]]) -> None:
        p = self.columns.prefix
        n = batch_length(batch)
        ids = batch.get(self.columns.id) if self.columns.id else None
        labels = batch.get(self.columns.label) if self.columns.label else None
        for i in range(n):
            code = batch[p + "error_code"][i]
            if code:
                self.errors[code] += 1
                if len(self.error_rows) < MAX_LISTED_ERRORS:
                    self.error_rows.append({"row": self.rows + i + 1, "id": None if ids is None else ids[i],
                                            "code": code, "message": batch[p + "error"][i]})
            else:
                self.categories[batch[p + "category"][i]] += 1
                self.verdicts[batch[p + "verdict"][i]] += 1
                self.needs_review += bool(batch[p + "needs_review"][i])
            if labels is not None:
                old = label_code(labels[i], self.columns.label_map)
                new = ERROR_COLUMN if code else batch[p + "category"][i]
                key = "（空）" if old is None else old
                self.confusion.setdefault(key, Counter())[new] += 1
                if old is not None and not code:
                    self.compared += 1
                    self.unchanged += old == new
        self.rows += n

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def to_dict(self) -> dict[str, Any]:
        out = {
            "rows": self.rows, "analysed": self.rows - self.failed, "failed": self.failed,
            "errors": dict(self.errors), "error_rows": self.error_rows,
            "categories": {code: self.categories.get(code, 0) for code in CATEGORIES},
            "needs_review": self.needs_review, "verdicts": dict(self.verdicts),
            "shards": self.shards, "shards_skipped": self.shards_skipped,
            "seconds": round(self.seconds, 2), "model": self.model, "output": self.output,
        }
        if self.columns.label:
            out["label_column"] = self.columns.label
            out["compared"] = self.compared
            out["unchanged"] = self.unchanged
            out["changed"] = self.compared - self.unchanged
            out["confusion"] = {old: dict(row) for old, row in self.confusion.items()}
        return out

    def format(self) -> str:
        """The Chinese summary printed at the end of ``gongkai relabel``."""
        lines = []
        rate = f"，{self.rows / self.seconds:.0f} 条/秒" if self.seconds > 0 else ""
        lines.append(f"重新分类完成：共 {self.rows} 条，成功 {self.rows - self.failed} 条，无法分析 {self.failed} 条"
                     f"（用时 {self.seconds:.1f} 秒{rate}）。")
        if self.model:
            lines.append(f"模型：{self.model.get('name')} {self.model.get('version')}（SHA-256 {str(self.model.get('sha256'))[:12]}…）")
        if self.shards_skipped:
            lines.append(f"续跑：{self.shards} 个分片中 {self.shards_skipped} 个已完成，未重做。")
        lines.append("类别：" + "，".join(f"{name} {self.categories.get(code, 0)} 条" for code, name in CATEGORIES.items())
                     + f"；其中需人工复核 {self.needs_review} 条。")
        if self.verdicts:
            lines.append("审查结论：" + "，".join(f"{VERDICT_NAMES.get(v, v)} {self.verdicts[v]} 条"
                                              for v in VERDICT_NAMES if self.verdicts.get(v)))
        if self.errors:
            lines.append("无法分析的原因：" + "，".join(f"{code} {count} 条" for code, count in self.errors.most_common()))
            for row in self.error_rows:
                ident = f"（id={row['id']}）" if row["id"] is not None else ""
                lines.append(f"  第 {row['row']} 条{ident}：{row['message']}")
            if self.failed > len(self.error_rows):
                lines.append(f"  ……另有 {self.failed - len(self.error_rows)} 条，见输出文件的 error 列。")
        if self.columns.label:
            lines.append("")
            share = f"（{self.unchanged / self.compared:.1%}）" if self.compared else ""
            lines.append(f"与原类别（{self.columns.label} 列）比较：可比较 {self.compared} 条，类别不变 {self.unchanged} 条{share}，"
                         f"改变 {self.compared - self.unchanged} 条（输出的 {self.columns.prefix}{'changed'} 列为 true）。")
            lines.append(self.confusion_table())
        if self.output:
            lines.append(f"结果已写入 {self.output}")
        return "\n".join(lines)

    def confusion_table(self) -> str:
        """Old label (rows) -> new category (columns) as a Markdown table."""
        codes = list(CATEGORIES)
        news = codes + ([ERROR_COLUMN] if any(ERROR_COLUMN in row for row in self.confusion.values()) else [])
        olds = [c for c in codes if c in self.confusion] + sorted(k for k in self.confusion if k not in CATEGORIES)
        head = ["原类别 → 新类别"] + [CATEGORIES.get(c, c) for c in news] + ["合计"]
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for old in olds:
            row = self.confusion[old]
            cells = [CATEGORIES.get(old, old)] + [str(row.get(c, 0)) for c in news] + [str(sum(row.values()))]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)
