"""The annual report's 主动公开 counts from a relabelled archive (``gongkai report``).

The sentence and the table are built from :data:`classifier.categories.CATEGORIES` in its order,
so no category can be listed twice or left out, and the parts are checked to add up to the total
before anything is printed. (The seed report lists 财政信息 twice; this cannot.)

An archive item whose review verdict is ``withhold`` (e.g. it carries a 密级标志) should never have
been published: it is an alarm, not a count. It is left out of the 主动公开 counts and listed apart
("已公开但疑似不应公开") with its row, id and title, so someone can take it down. An item whose
verdict is ``review`` was published and may well be publishable (the review only asks a person to
look): it is counted, and how many there are is said beside the counts. The verdict and ground
tables cover every analysed item of the period, the ones listed apart included.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from classifier.categories import CATEGORIES, LabelMap, category_code
from classifier.risk.grounds import ARTICLES, GROUND_NAMES

from .io import BatchError, resolve_format, unknown_column
from .reader import open_archive
from .records import INPUT_ERROR
from .tempfiles import private_dir
from .summary import VERDICT_NAMES

MAX_LISTED = 200
"""Items listed apart in the report (all are counted)."""
ID_COLUMNS = ("id", "编号", "url", "链接")
TITLE_COLUMNS = ("title", "标题", "题名")
"""Tried in order to name an item listed apart."""

DATE_COLUMNS = ("date", "publish_date", "published_at", "pub_date", "发布日期", "日期", "成文日期")
"""Tried in order when ``--year`` is given without ``--date-column``."""

FORMATS = ("markdown", "csv", "json")


class ReportError(BatchError):
    code = "report_error"


def year_of(value: Any) -> int | None:
    """The year of a date cell: ``datetime``/``date``, "2020-03-05", "2020年3月5日", "2020/3/5", 20200305."""
    if value is None:
        return None
    if isinstance(value, (datetime, date)) or (hasattr(value, "year") and isinstance(getattr(value, "year"), int)):
        return int(value.year)
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        value = int(value)
    text = str(value).strip()
    match = re.match(r"(\d{4})(?:\d{4})?(?!\d)", text)
    if not match:
        return None
    year = int(match.group(1))
    return year if 1900 <= year <= 2100 else None


@dataclass
class Report:
    """Counts of one archive (optionally one year). Build it with :func:`build_report`."""

    source: str
    categories: dict[str, int] = field(default_factory=lambda: {code: 0 for code in CATEGORIES})
    review_by_category: dict[str, int] = field(default_factory=lambda: {code: 0 for code in CATEGORIES})
    unknown: Counter = field(default_factory=Counter)
    total: int = 0
    rows: int = 0
    failed: int = 0
    needs_review: int = 0
    verdicts: Counter = field(default_factory=Counter)
    ground_items: Counter = field(default_factory=Counter)
    ground_findings: Counter = field(default_factory=Counter)
    year: int | None = None
    date_column: str | None = None
    other_years: int = 0
    undated: int = 0
    withheld: int = 0
    withheld_items: list[dict[str, Any]] = field(default_factory=list)
    review: int = 0

    @property
    def analysed(self) -> int:
        """Analysed items in scope: the counted ones and the ones listed apart."""
        return self.total + self.withheld
    unmapped: Counter = field(default_factory=Counter)
    label_map: str | None = None

    # --- checks ---------------------------------------------------------------------------
    def check(self) -> "Report":
        """The parts must add up to the total; raise :class:`ReportError` otherwise."""
        parts = sum(self.categories[code] for code in CATEGORIES)
        if self.unknown or parts != self.total:
            extra = "、".join(f"{k!r} {v} 条" for k, v in self.unknown.items())
            raise ReportError(f"分项之和 {parts} 条与总数 {self.total} 条不符"
                              + (f"：存档中有不属于七个公开类别的值 {extra}" if extra else "")
                              + "。请用 gongkai relabel 重新生成存档。", "counts_mismatch")
        if sum(self.review_by_category.values()) != self.needs_review:
            raise ReportError("需人工复核的分项之和与总数不符。", "counts_mismatch")
        return self

    # --- output ---------------------------------------------------------------------------
    def sentence(self) -> str:
        """共主动公开政府信息N条。其中机构信息X条，政策文件Y条，……招投标信息Z条。"""
        parts = "，".join(f"{name}{self.categories[code]}条" for code, name in CATEGORIES.items())
        return f"共主动公开政府信息{self.total}条。其中{parts}。"

    def scope(self) -> str:
        return f"{self.year}年" if self.year is not None else "全部"

    def alarm(self) -> str | None:
        if not self.withheld:
            return None
        return (f"注意：另有 {self.withheld} 条已公开但疑似不应公开（审查结论为“不予公开”），未计入上面的条数，"
                "请尽快核查并撤下。")

    def notes(self) -> list[str]:
        notes = []
        if self.review:
            notes.append(f"已计入的条目中有 {self.review} 条审查结论为“需人工审核”，建议复核。")
        if self.failed:
            notes.append(f"另有 {self.failed} 条记录无法分析（见存档的 error 列），未计入。")
        if self.unmapped:
            listed = "、".join(f"{k}（{v}）" for k, v in self.unmapped.most_common(10))
            notes.append(f"按栏目映射 {self.label_map} 定类：{len(self.unmapped)} 个栏目共 {sum(self.unmapped.values())} 条"
                         f"未映射，未计入：{listed}" + ("……" if len(self.unmapped) > 10 else "") + "。")
        if self.year is not None:
            notes.append(f"按 {self.date_column} 列筛选 {self.year} 年："
                         f"其他年份 {self.other_years} 条、日期无法识别 {self.undated} 条，未计入。")
        return notes

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "year": self.year, "date_column": self.date_column,
            "sentence": self.sentence(), "total": self.total,
            "categories": [{"code": code, "name": name, "count": self.categories[code],
                            "needs_review": self.review_by_category[code]} for code, name in CATEGORIES.items()],
            "needs_review": self.needs_review,
            "verdicts": {v: self.verdicts.get(v, 0) for v in VERDICT_NAMES},
            "findings_by_ground": [{"ground": g, "name": GROUND_NAMES[g], "article": ARTICLES[g],
                                    "items": self.ground_items.get(g, 0), "findings": self.ground_findings.get(g, 0)}
                                   for g in GROUND_NAMES],
            "withheld": {"count": self.withheld, "items": self.withheld_items},
            "review": self.review,
            "failed": self.failed, "other_years": self.other_years, "undated": self.undated, "rows": self.rows,
            "unmapped": dict(self.unmapped),
        }

    def to_markdown(self) -> str:
        lines = [f"# 政府信息主动公开情况（{self.scope()}）", "", self.sentence(), ""]
        if self.alarm():
            lines += [f"**{self.alarm()}**（见下文“已公开但疑似不应公开”）", ""]
        lines += ["| 类别 | 代码 | 条数 | 其中需人工复核 |", "|---|---|---:|---:|"]
        for code, name in CATEGORIES.items():
            lines.append(f"| {name} | {code} | {self.categories[code]} | {self.review_by_category[code]} |")
        lines.append(f"| **合计** | | **{self.total}** | **{self.needs_review}** |")
        lines += ["", "## 发布审查：按法律依据统计", "",
                  "| 依据 | 条例 | 涉及条目 | 发现数 |", "|---|---|---:|---:|"]
        for g, name in GROUND_NAMES.items():
            lines.append(f"| {name} | {ARTICLES[g]} | {self.ground_items.get(g, 0)} | {self.ground_findings.get(g, 0)} |")
        lines += ["", f"审查结论（已分析的 {self.analysed} 条）："
                  + "，".join(f"{name} {self.verdicts.get(v, 0)} 条" for v, name in VERDICT_NAMES.items())
                  + f"；类别需人工复核 {self.needs_review} 条。"]
        notes = self.notes()
        if notes:
            lines += [""] + notes
        if self.withheld:
            lines += ["", f"## 已公开但疑似不应公开（{self.withheld} 条，未计入主动公开条数）", "",
                      "| 行 | id | 标题 | 类别 | 依据 |", "|---:|---|---|---|---|"]
            for item in self.withheld_items:
                grounds = "、".join(f"{GROUND_NAMES.get(g, g)}（{ARTICLES.get(g, '')}）" for g in item["grounds"])
                cells = [str(item["row"]), _cell_text(item["id"]), _cell_text(item["title"]),
                         CATEGORIES.get(item["category"], _cell_text(item["category"])), grounds]
                lines.append("| " + " | ".join(cells) + " |")
            if self.withheld > len(self.withheld_items):
                lines.append(f"\n……另有 {self.withheld - len(self.withheld_items)} 条（用 --format json 或在存档中按 verdict 列查找）。")
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["section", "code", "name", "items", "needs_review", "findings"])
        for code, name in CATEGORIES.items():
            w.writerow(["category", code, name, self.categories[code], self.review_by_category[code], ""])
        w.writerow(["total", "", "合计", self.total, self.needs_review, ""])
        for g, name in GROUND_NAMES.items():
            w.writerow(["ground", g, name, self.ground_items.get(g, 0), "", self.ground_findings.get(g, 0)])
        for v, name in VERDICT_NAMES.items():
            w.writerow(["verdict", v, name, self.verdicts.get(v, 0), "", ""])
        w.writerow(["failed", "", "无法分析（未计入）", self.failed, "", ""])
        w.writerow(["withheld", "", "已公开但疑似不应公开（未计入）", self.withheld, "", ""])
        for item in self.withheld_items:
            w.writerow(["withheld_item", item["id"] if item["id"] is not None else "", item["title"] or "",
                        item["row"], "", "、".join(item["grounds"])])
        return buf.getvalue()

    def render(self, fmt: str = "markdown") -> str:
        if fmt == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if fmt == "csv":
            return self.to_csv()
        return self.to_markdown()

    # --- counting -------------------------------------------------------------------------
    def add(self, category: Any, needs_review: Any, verdict: Any, findings: Any, error: Any, *,
            row: int = 0, id: Any = None, title: Any = None) -> None:
        self.rows += 1
        category, needs_review, verdict, error = map(_blank, (category, needs_review, verdict, error))
        category = category_code(category) or category  # 中文类别名 counts as its code
        if isinstance(needs_review, str):  # CSV written by another tool
            needs_review = needs_review.strip().lower() in ("true", "1", "yes", "是")
        if error or category is None:
            self.failed += 1
            return
        items = [f for f in _findings(findings) if isinstance(f, dict)]
        if verdict:
            self.verdicts[verdict] += 1
        for ground in {f.get("ground") for f in items}:
            self.ground_items[ground] += 1
        for f in items:
            self.ground_findings[f.get("ground")] += 1
        if verdict == "withhold":  # published, but should not have been: an alarm, not a count
            self.withheld += 1
            if len(self.withheld_items) < MAX_LISTED:
                grounds = list(dict.fromkeys(f.get("ground") for f in items if f.get("action") == "withhold"))
                self.withheld_items.append({"row": row, "id": _blank(id), "title": _blank(title),
                                            "category": category, "grounds": grounds})
            return
        self.review += verdict == "review"
        self.total += 1
        if category in self.categories:
            self.categories[category] += 1
            if needs_review:
                self.review_by_category[category] += 1
        else:
            self.unknown[category] += 1
        if needs_review:
            self.needs_review += 1


def _cell_text(value: Any, limit: int = 60) -> str:
    """A value as one short Markdown table cell."""
    text = "" if value is None else " ".join(str(value).split()).replace("|", "｜")
    return text if len(text) <= limit else text[:limit] + "…"


def _blank(value: Any) -> Any:
    """Empty cells read back from CSV/pandas (``None``, NaN, "") as ``None``."""
    if value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip()):
        return None
    return value


def _findings(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def build_report(path: str | Path, *, input_format: str | None = None, year: int | None = None,
                 date_column: str | None = None, prefix: str = "", cache_dir: str | Path | None = None,
                 encoding: str | None = None, label_map: LabelMap | None = None) -> Report:
    """Count a relabelled archive (the output of ``gongkai relabel``), checked to add up.

    Read like relabel's input (any line that cannot be read counts as not analysed; UTF-8 or
    GB18030, e.g. after the archive went through a spreadsheet). With ``label_map``, the categories
    are the archive's own 栏目 (its field ``label_map.field``) mapped to categories; unmapped 栏目 are
    listed and not counted."""
    with private_dir() as scratch:
        archive = open_archive(path, resolve_format(path, input_format), scratch, cache_dir=cache_dir,
                               encoding=encoding)
        return _count(archive, str(path), year=year, date_column=date_column, prefix=prefix, label_map=label_map)


def _count(archive, source: str, *, year: int | None, date_column: str | None, prefix: str,
           label_map: LabelMap | None = None) -> Report:
    names = archive.columns
    needed = {k: prefix + k for k in ("category", "needs_review", "verdict", "findings", "error")}
    if label_map is not None:
        if label_map.field not in names:
            raise unknown_column("--label-map 的 field", label_map.field, names, ReportError)
        needed["category"] = label_map.field
    elif needed["category"] not in names:
        raise ReportError(f"{source} 中没有 {needed['category']} 列：请先用 gongkai relabel 生成结果存档"
                          + ("，或用 --prefix 指定结果列前缀" if not prefix else "") + "。", "missing_columns")
    if year is not None:
        if date_column is None:
            date_column = next((c for c in DATE_COLUMNS if c in names), None)
            if date_column is None:
                raise ReportError(f"按年份统计需要日期列：请用 --date-column 指定（现有列：{'、'.join(names)}）。",
                                  "missing_columns")
        elif date_column not in names:
            raise unknown_column("--date-column", date_column, names, ReportError)
    report = Report(source=source, year=year, date_column=date_column if year is not None else None,
                    label_map=label_map.path if label_map is not None else None)
    id_column = next((c for c in ID_COLUMNS if c in names), None)
    title_column = next((c for c in TITLE_COLUMNS if c in names), None)
    extra = {"date": date_column if year is not None else None, "id": id_column, "title": title_column,
             "unread": INPUT_ERROR if INPUT_ERROR in archive.dataset.column_names else None}
    wanted = [c for c in needed.values() if c in names] + [c for c in extra.values() if c]
    table = archive.dataset.select_columns(list(dict.fromkeys(wanted)))
    for start in range(0, len(table), 10_000):
        batch = table[start:start + 10_000]
        n = len(batch[needed["category"]])
        col = {k: batch.get(v, [None] * n) for k, v in needed.items()}
        more = {k: batch[v] if v else [None] * n for k, v in extra.items()}
        for i in range(n):
            if year is not None:
                y = year_of(more["date"][i])
                if y is None:
                    report.undated += 1
                    continue
                if y != year:
                    report.other_years += 1
                    continue
            category = col["category"][i]
            if label_map is not None:
                category = label_map.lookup(category)
                if category is None:
                    report.rows += 1
                    report.unmapped[str(col["category"][i])] += 1
                    continue
            report.add(category, col["needs_review"][i], col["verdict"][i], col["findings"][i],
                       col["error"][i] or more["unread"][i], row=start + i + 1, id=more["id"][i],
                       title=more["title"][i])
    return report.check()
