"""Benchmark of the risk review on the labelled dev set (../shared/data/risk/dev.jsonl).

    python bench/risk.py [--data PATH [PATH ...]] [--per-set] [--figures-only] [--verbose]
    python bench/risk.py --data A.jsonl … --labels B.jsonl …    (two labellers' agreement)

Prints per-type recall/precision, overall figures, verdict accuracy and confusion, must_not_flag
hits (any finding overlapping such a span) and redactions among them (must be zero), every miss
and false alarm, timing (dev bodies per second, hostile inputs), and the clean-prose section:
findings per 100,000 characters on published text that holds no private data
(../shared/data/bench/gov_work_reports.jsonl bodies, ../shared/data/real/*.jsonl titles+bodies;
target ≤ 2), with the first examples.

Scoring (../shared/data/risk/README.md): a finding matches a gold finding when ground and type
agree and the spans overlap. Recall = matched gold / gold; precision = matched findings / findings
(strict: ground and type must agree). The data README counts as a false alarm only a finding that
overlaps no gold finding of its ground; that reading is printed too. So is the number of false person names that
are another occurrence of a name the draft's labels hold (the conventions ask for at least one labelled
occurrence; the de-identified text must hide every one), and the precision without them.

``--labels`` scores a second labelling of the same drafts (written by another labeller from the same
conventions, without seeing the first) in the review's place: the figures say how far two labellers
agree, which is the most a review can score against either of them. A labelled finding of a type the
review de-identifies counts as a redaction for the must-stay figure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier.risk import RiskReviewer  # noqa: E402
from classifier.risk.settings import DEFAULT_STYLES  # noqa: E402

# ../shared/data next to the repository, or GONGKAI_EVAL_DATA (as in bench/common.py)
SHARED = Path(os.environ.get("GONGKAI_EVAL_DATA") or Path(__file__).resolve().parents[1].parent / "shared/data")
DEFAULT_DATA = SHARED / "risk/dev.jsonl"
CLEAN_TARGET = 2.0  # findings per 100,000 characters on published prose


def overlaps(a: dict, b: dict) -> bool:
    return a["field"] == b["field"] and a["start"] < b["end"] and b["start"] < a["end"]


PROSE = ("为进一步做好城乡环境整治工作，区政府于近日召开专题会议，研究部署下一阶段重点任务。会议要求各街道、各部门"
         "按照职责分工，落实属地责任，加强督促检查，确保各项措施落到实处。经审核，申请人张三身份证号11010519491231002X，"
         "联系电话13812345678，符合补助条件，拟给予补助3,000元。公示期为5个工作日，监督电话：0851-86593217，"
         "咨询邮箱：xxgk@example.gov.cn。")
DENSE = "申请人张三身份证号11010519491231002X，手机13812345678，住址某某路1号，秘密★，内部资料。"


def hostile_inputs() -> dict[str, str]:
    mb = 1_000_000
    return {
        "1 MB 数字": "1" * mb,
        "1 MB “★”": "★" * mb,
        "1 MB “秘密”": "秘密" * (mb // 2),
        "1 MB 单行长文本": (PROSE * (mb // len(PROSE) + 1))[:mb],
        "1 MB 单行（每 50 字 3 个标识符）": (DENSE * (mb // len(DENSE) + 1))[:mb],
    }


@dataclass
class Stats:
    """What one scoring pass counts; sets score separately and pool by adding up."""

    n: int = 0
    gold_n: Counter = field(default_factory=Counter)
    found_n: Counter = field(default_factory=Counter)
    gold_hit: Counter = field(default_factory=Counter)
    found_hit: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)
    verdict_ok: int = 0
    ground_alarms: int = 0  # the data README's reading: a false alarm overlaps no gold finding of its ground
    other_occurrences: int = 0  # false person names that are another occurrence of a name the gold labels
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    mnf_hits: list = field(default_factory=list)
    mnf_redactions: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.gold_hit.values()) / max(1, sum(self.gold_n.values()))

    @property
    def precision(self) -> float:
        return sum(self.found_hit.values()) / max(1, sum(self.found_n.values()))

    @classmethod
    def pooled(cls, parts) -> "Stats":
        total = cls()
        for part in parts:
            for f in fields(cls):
                setattr(total, f.name, getattr(total, f.name) + getattr(part, f.name))
        return total


NAME_TYPES = ("person_name", "minor", "whistleblower")


def _plain(text: str) -> str:
    """A name without the spaces that line it up ("王　芳" is 王芳)."""
    return "".join(text.split())


def score(reviewer, records: list[dict]) -> Stats:
    st = Stats(n=len(records))
    for rec in records:
        res = reviewer.review(rec.get("title", ""), rec.get("body", rec.get("text", "")))
        found = [f.to_dict() for f in res.findings]
        gold = rec.get("findings", [])
        labelled_names = {_plain(g["text"]) for g in gold if g["type"] in NAME_TYPES}
        for g in gold:
            key = (g["ground"], g["type"])
            st.gold_n[key] += 1
            if any(f["ground"] == g["ground"] and f["type"] == g["type"] and overlaps(f, g) for f in found):
                st.gold_hit[key] += 1
            else:
                st.misses.append((rec["id"], g))
        for f in found:
            key = (f["ground"], f["type"])
            st.found_n[key] += 1
            if any(f["ground"] == g["ground"] and f["type"] == g["type"] and overlaps(f, g) for g in gold):
                st.found_hit[key] += 1
            else:
                st.false_alarms.append((rec["id"], f))
                if not any(f["ground"] == g["ground"] and overlaps(f, g) for g in gold):
                    st.ground_alarms += 1
                if f["type"] == "person_name" and _plain(f["text"]) in labelled_names:
                    st.other_occurrences += 1
        for m in rec.get("must_not_flag", []):
            for f in found:
                if overlaps(f, m):
                    st.mnf_hits.append((rec["id"], m, f))
                    if f["action"] == "redact" or f["replacement"] is not None:
                        st.mnf_redactions.append((rec["id"], m, f))
        expected = rec.get("expect_verdict")
        st.confusion[(expected, res.verdict)] += 1
        st.verdict_ok += expected == res.verdict
    return st


@dataclass(frozen=True)
class _Labelled:
    """A labelled finding in the review's place (``to_dict`` as ``Finding``)."""

    data: dict

    def to_dict(self) -> dict:
        return self.data


@dataclass(frozen=True)
class _LabelledResult:
    findings: list
    verdict: str


class Labelling:
    """A second labelling of the drafts, answering ``review`` with its own labels (``--labels``)."""

    second_reading = None

    def __init__(self, records: list[dict]):
        self.by_text = {(r.get("title", ""), r.get("body", "")): r for r in records}

    def review(self, title: str, body: str) -> _LabelledResult:
        rec = self.by_text.get((title, body))
        if rec is None:
            raise LookupError(f"第二份标注中没有这篇草稿：{title[:30]!r}")
        return _LabelledResult([_Labelled({**f, "action": "redact" if f["type"] in DEFAULT_STYLES else "review",
                                           "replacement": "" if f["type"] in DEFAULT_STYLES else None,
                                           "reason": "第二份标注"})
                                for f in rec.get("findings", [])], rec.get("expect_verdict"))


def _shipped_reviewer():
    """The review with the shipped bundle's learned models (name model, second-reading model), verified with
    the bundle, as ``Analyzer.load`` does."""
    from classifier.analyzer import load_reviewer

    reviewer = load_reviewer()
    if reviewer.name_tagger is None:
        sys.exit("模型包中没有姓名模型。")
    return reviewer


def clean_sets() -> dict[str, list[tuple[str, str]]]:
    """Published prose that holds no private data: 政府工作报告 bodies, and the real items (title+body)."""
    out = {}
    reports = SHARED / "bench/gov_work_reports.jsonl"
    if reports.is_file():
        out[reports.name + "（正文）"] = [("", json.loads(l).get("body", "")) for l in
                                       reports.read_text(encoding="utf-8").splitlines() if l.strip()]
    for path in sorted((SHARED / "real").glob("*.jsonl")):
        out[path.name + "（标题+正文）"] = [(r.get("title", ""), r.get("body", "")) for r in
                                        map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))]
    return out


def clean_prose(reviewer, examples: int = 5) -> None:
    """Findings per 100,000 characters on clean published prose (target ≤ CLEAN_TARGET).

    These sets are published government text: a finding there is almost always a false alarm. A
    published item may still legitimately carry one (a 请示 whose title says so, a published
    list of named recipients), so the examples are printed for a person to judge."""
    sets = clean_sets()
    print(f"\n干净文本（已公开的政府文本，应接近 0；目标 ≤ {CLEAN_TARGET:g} 个/10 万字）：")
    if not sets:
        print(f"  找不到 {SHARED}/bench 或 {SHARED}/real，跳过")
        return
    all_chars = all_n = 0
    for name, docs in sets.items():
        chars = sum(len(t) + len(b) for t, b in docs)
        by_type, shown = Counter(), []
        t0 = time.perf_counter()
        for title, body in docs:
            for f in reviewer.review(title, body).findings:
                by_type[f.type] += 1
                if len(shown) < examples:
                    src = title if f.field == "title" else body
                    ctx = src[max(0, f.start - 15):f.end + 15].replace("\n", "⏎")
                    shown.append(f"{f.type} {f.field}“{f.text}” …{ctx}…")
        dt = time.perf_counter() - t0
        n = sum(by_type.values())
        all_chars, all_n = all_chars + chars, all_n + n
        rate = n / max(1, chars) * 100_000
        flag = "" if rate <= CLEAN_TARGET else "  ← 超过目标"
        kinds = "，".join(f"{k} {v / max(1, chars) * 100_000:.2f}" for k, v in by_type.most_common()) or "—"
        print(f"  {name}：{len(docs)} 篇 {chars:,} 字，{n} 个发现 = {rate:.2f} 个/10 万字{flag}（{dt:.2f} s）")
        print(f"    按类型（个/10 万字）：{kinds}")
        for line in shown:
            print(f"    例：{line}")
    print(f"  合计：{all_chars:,} 字，{all_n} 个发现 = {all_n / max(1, all_chars) * 100_000:.2f} 个/10 万字")
    print("  （已公开的条目也可能合法地含有发现，例如标题即为“…的请示”的请示件；请逐条判断。）")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, nargs="+", default=[DEFAULT_DATA],
                    help="labelled JSONL, one or more files scored as one pool (default ../shared/data/risk/dev.jsonl)")
    ap.add_argument("--per-set", action="store_true",
                    help="also print recall, precision, verdict and must-stay per file")
    ap.add_argument("--figures-only", action="store_true",
                    help="print figures only, no text of the data (no listing of misses, false alarms or must-stay "
                         "spans) and stop there, skipping timing, clean prose and hostile input: for sets whose "
                         "texts must stay unread")
    ap.add_argument("--verbose", action="store_true", help="also print the text around each miss/false alarm")
    ap.add_argument("--no-hostile", action="store_true", help="skip the 1 MB hostile inputs")
    ap.add_argument("--no-clean", action="store_true", help="skip the clean-prose section")
    ap.add_argument("--examples", type=int, default=5, help="examples printed per clean-prose set")
    ap.add_argument("--labels", type=Path, nargs="+", default=None,
                    help="score a second labelling of the same drafts (JSONL, same titles and bodies) in the review's "
                         "place: the agreement of two labellers; stops after the figures and listings")
    ap.add_argument("--name-model", action="store_true",
                    help="review with the shipped bundle's learned models (person-name model and second-reading model), "
                         "as Analyzer.load does")
    args = ap.parse_args(argv)
    missing = [p for p in [*args.data, *(args.labels or [])] if not p.is_file()]
    if missing:
        print(f"找不到评估数据：{missing[0]}\n请用 --data 指定 dev.jsonl 的路径（默认位于仓库旁的 ../shared/data/risk/）。", file=sys.stderr)
        return 2
    sets = [[json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for path in args.data]
    records = [r for recs in sets for r in recs]

    if args.labels:
        reviewer = Labelling([json.loads(line) for path in args.labels
                              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
        absent = [r["id"] for r in records if (r.get("title", ""), r.get("body", "")) not in reviewer.by_text]
        if absent:
            print(f"第二份标注缺少 {len(absent)} 篇草稿（如 {absent[0]}）：两份标注须是同一批草稿。", file=sys.stderr)
            return 2
        print("对照：第二份标注（" + "、".join(p.name for p in args.labels) + "）代替审查结果")
    else:
        reviewer = _shipped_reviewer() if args.name_model else RiskReviewer()
        print("学习模型：" + ("使用模型包中的姓名模型" + ("和二次判读模型" if reviewer.second_reading else "")
                              if args.name_model else "不使用（仅规则）"))
    per_set = []
    for path, recs in zip(args.data, sets):
        st = score(reviewer, recs)
        per_set.append((path, st))
    st = Stats.pooled(s for _, s in per_set)
    gold_n, found_n, gold_hit, found_hit = st.gold_n, st.found_n, st.gold_hit, st.found_hit
    misses, false_alarms, mnf_hits, mnf_redactions = st.misses, st.false_alarms, st.mnf_hits, st.mnf_redactions
    confusion, verdict_ok, ground_alarms = st.confusion, st.verdict_ok, st.ground_alarms
    if args.per_set and len(per_set) > 1:
        print(f"{'set':40} {'recall':>7} {'prec':>6} {'verdict':>8} {'must-stay':>10}")
        for path, s1 in per_set:
            print(f"{path.name:40} {s1.recall:7.3f} {s1.precision:6.3f} {s1.verdict_ok / max(1, s1.n):8.3f} "
                  f"{len(s1.mnf_redactions):10d}")
        print()
    names = "、".join(str(p) for p in args.data) if len(args.data) <= 3 else f"{args.data[0]} 等 {len(args.data)} 个文件"
    print(f"数据：{names}（{len(records)} 条）\n")
    print(f"{'ground/type':42} {'gold':>5} {'found':>6} {'match':>6} {'recall':>7} {'prec':>6}")
    for key in sorted(set(gold_n) | set(found_n)):
        g, f, gh, fh = gold_n[key], found_n[key], gold_hit[key], found_hit[key]
        rc = f"{gh / g:.2f}" if g else "-"
        pr = f"{fh / f:.2f}" if f else "-"
        print(f"{key[0] + '/' + key[1]:42} {g:5d} {f:6d} {gh:6d} {rc:>7} {pr:>6}")
    recall = sum(gold_hit.values()) / max(1, sum(gold_n.values()))
    precision = sum(found_hit.values()) / max(1, sum(found_n.values()))
    print(f"\n总体 recall = {recall:.3f}（{sum(gold_hit.values())}/{sum(gold_n.values())}）  "
          f"precision = {precision:.3f}（{sum(found_hit.values())}/{sum(found_n.values())}）")
    n_found = sum(found_n.values())
    print(f"（按数据说明的口径，误报 = 与同一 ground 的任何标注都不重叠的发现：precision = "
          f"{(n_found - ground_alarms) / max(1, n_found):.3f}，误报 {ground_alarms}；上面的 precision 要求类型也一致，更严）")
    others = st.other_occurrences
    print(f"（误报中有 {others} 个是同一草稿里已标注姓名的另一次出现：标注约定只要求至少标出一次，去标识化文本则须遮住每一次；"
          f"不计这些时 precision = {(sum(found_hit.values()) + others) / max(1, n_found):.3f}）")
    print(f"verdict accuracy = {verdict_ok / len(records):.3f}（{verdict_ok}/{len(records)}）")
    labels = ("publish", "redact", "review", "withhold")
    print("verdict confusion（行 = 期望，列 = 实际）")
    print(f"{'':10}" + "".join(f"{l:>10}" for l in labels))
    for e in labels:
        print(f"{e:10}" + "".join(f"{confusion[(e, a)]:>10}" for a in labels))
    total_mnf = sum(len(r.get("must_not_flag", [])) for r in records)
    print(f"\nmust_not_flag：{total_mnf} 个片段，被任一发现覆盖 {len(mnf_hits)} 次，其中遮盖/去标识化 {len(mnf_redactions)} 次（必须为 0）")
    if mnf_redactions:
        by_type = Counter(f["type"] for _, _, f in mnf_redactions)
        print("  遮盖/去标识化按发现类型：" + "，".join(f"{t} {n}" for t, n in by_type.most_common()))
    if args.figures_only:
        return 0
    for rid, m, f in mnf_hits:
        tag = "遮盖" if (rid, m, f) in mnf_redactions else "覆盖"
        print(f"  [{tag}] {rid} {m['field']} “{m['text']}”（{m['why']}）← {f['type']} “{f['text']}”")
    print(f"\n漏报 {len(misses)}：")
    by_id = {r["id"]: r for r in records}
    for rid, g in misses:
        ctx = ""
        if args.verbose:
            t = by_id[rid][g["field"]]
            ctx = f"  …{t[max(0, g['start'] - 15):g['end'] + 15]}…"
        print(f"  {rid} {g['ground']}/{g['type']} {g['field']}[{g['start']}:{g['end']}] “{g['text']}”{ctx}")
    print(f"\n误报 {len(false_alarms)}：")
    for rid, f in false_alarms:
        ctx = ""
        if args.verbose:
            t = by_id[rid][f["field"]]
            ctx = f"  …{t[max(0, f['start'] - 15):f['end'] + 15]}…"
        print(f"  {rid} {f['ground']}/{f['type']} {f['field']}[{f['start']}:{f['end']}] “{f['text']}” — {f['reason']}{ctx}")

    if args.labels:
        return 0
    # ---- timing ----
    bodies = [(r.get("title", ""), r.get("body", "")) for r in records]
    reviewer.review(*bodies[0])
    rounds = 5
    t0 = time.perf_counter()
    for _ in range(rounds):
        for title, body in bodies:
            reviewer.review(title, body)
    dt = time.perf_counter() - t0
    n = rounds * len(bodies)
    chars = sum(len(t) + len(b) for t, b in bodies) / len(bodies)
    print(f"\n速度：{n / dt:,.0f} 篇/秒（单核，平均 {chars:.0f} 字/篇，{dt / n * 1000:.3f} ms/篇）")
    clean = "为进一步做好城乡环境整治工作，区政府于近日召开专题会议，研究部署下一阶段重点任务。"
    drafts = {
        "2,000 字普通草稿（无标识符）": (clean * (2000 // len(clean) + 1))[:2000],
        "2,000 字草稿（约 10 个标识符）": (PROSE * 20)[:2000],
        "2,000 字拼接 dev 正文（约 25 个发现）": "".join(b for _, b in bodies)[:2000],
    }
    for name, draft in drafts.items():
        best = float("inf")
        for _ in range(5):  # best of 5 rounds: the figure for one quiet core
            t0 = time.perf_counter()
            for _ in range(20):
                reviewer.review("关于某事项的公示", draft)
            best = min(best, (time.perf_counter() - t0) / 20)
        print(f"{name}：{best * 1000:.3f} ms/篇")
    if not args.no_clean:
        clean_prose(reviewer, args.examples)
    if not args.no_hostile:
        print("恶意输入：")
        for name, text in hostile_inputs().items():
            t0 = time.perf_counter()
            res = reviewer.review("", text)
            print(f"  {name:14} {time.perf_counter() - t0:6.3f} s  （{len(res.findings)} 个发现）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
