"""Cost per character of hostile inputs against a realistic dense text of the same length.

    python bench/hostile.py [--chars 190000] [--rounds 3] [--analyzer]

The anchor is a numeric statistics table (header row, then rows of region, year and figures
separated by ｜): the densest realistic text an agency publishes. Each hostile input — digit/space
runs, repeated cue words, one long line, a deep table, many separators, invisible characters — is
built to the same length and reviewed in the same process, interleaved with the anchor; the table
prints seconds for both and their ratio (target: every ratio ≤ 3). ``--analyzer`` times the whole
``Analyzer.analyze`` (category model + review) instead of the risk review alone.

Times are CPU seconds of this process (``time.process_time``): on a shared machine wall time
measures the neighbours. No evaluation data is needed: every text is generated here.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET = 3.0


def statistics_table(n: int) -> str:
    """A dense, realistic table: 地区｜年份｜figures with thousands separators, decimals and percents."""
    rng = random.Random(7)
    rows = ["序号｜地区｜年份｜户籍人口（人）｜地区生产总值（万元）｜增长率｜财政收入（万元）｜占比"]
    i = 0
    while sum(len(r) + 1 for r in rows) < n:
        i += 1
        rows.append(f"{i}｜某某区第{i % 97}街道｜{2015 + i % 10}｜{rng.randint(10_000, 999_999):,}｜"
                    f"{rng.randint(100_000, 99_999_999):,}.{rng.randint(0, 99):02d}｜{rng.uniform(-5, 15):.1f}%｜"
                    f"{rng.randint(1_000, 9_999_999):,}｜{rng.uniform(0, 100):.2f}%")
    return "\n".join(rows)[:n]


def hostile_inputs(n: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    deep = "｜".join(f"列{i}" for i in range(40)) + "\n" + "\n".join("｜".join("1" for _ in range(40)) for _ in range(n // 80))
    return {
        "“1 ” 数字与空格": fill("1 "),
        "数字串": fill("7"),
        "“1-”": fill("1-"),
        "“1.”": fill("1."),
        "数字夹换行": fill("13\n"),
        "数字夹零宽空格": fill("1\u200b"),
        "“学生”重复": fill("学生"),
        "“姓名：”重复": fill("姓名："),
        "“患者张三”重复": fill("患者张三，"),
        "“张三、”重复": fill("低保对象张三、"),
        "“秘密”重复": fill("秘密"),
        "“岁”重复": fill("9岁"),
        "单行长文本（无句读）": fill("为进一步做好城乡环境整治工作区政府召开专题会议研究部署下一阶段重点任务要求各街道各部门落实属地责任"),
        "深表格（40 列）": fill(deep + "\n"),
        "分隔符“｜”": fill("｜"),
        "分隔符“、”": fill("、"),
        "分隔符“\\t”": fill("\t"),
        "全角空格": fill("\u3000"),
        "“号”": fill("1号"),
        "“京A”": fill("京A"),
    }


def references(n: int) -> dict[str, str]:
    """Real dense private data, for comparison only (not hostile, not counted in the target): a list
    of rows with a name, an ID number, a mobile number and an address costs more than a table of figures."""
    row = "{i}、张{c}明，身份证号11010519491231002X，手机1381234{i:04d}，住址某某区幸福路{i}号3栋2单元301室；"
    text = "".join(row.format(i=i % 10_000, c="一二三四五六七八九"[i % 9]) for i in range(n // 40 + 1))
    return {"（参照）个人信息名单": text[:n]}


def timed(fn, text: str) -> float:
    t0 = time.process_time()
    fn(text)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=190_000, help="length of every input (default 190,000)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best time counts")
    ap.add_argument("--analyzer", action="store_true", help="time the whole Analyzer.analyze, not only the review")
    args = ap.parse_args()
    if args.analyzer:
        from classifier import Analyzer

        analyzer = Analyzer.load().warm()

        def run(text: str) -> None:
            analyzer.analyze({"title": "", "body": text})
    else:
        from classifier.risk import RiskReviewer

        reviewer = RiskReviewer()

        def run(text: str) -> None:
            reviewer.review("", text)

    anchor = statistics_table(args.chars)
    run(anchor)  # warm up
    print(f"{'输入（各 ' + format(args.chars, ',') + ' 字）':<24}{'秒':>9}{'统计表 秒':>11}{'倍数':>8}")
    worst = 0.0
    for name, text in hostile_inputs(args.chars).items():
        t_h, t_a = [], []
        for _ in range(args.rounds):
            t_a.append(timed(run, anchor))
            t_h.append(timed(run, text))
        h, a = min(t_h), min(t_a)
        ratio = h / a
        worst = max(worst, ratio)
        flag = "" if ratio <= TARGET else "  ← 超出"
        print(f"{name:<24}{h:>9.3f}{a:>11.3f}{ratio:>8.1f}{flag}")
    best_anchor = min(t_a)
    for name, text in references(args.chars).items():
        h = min(timed(run, text) for _ in range(args.rounds))
        a = min(timed(run, anchor) for _ in range(args.rounds))
        best_anchor = min(best_anchor, a)
        print(f"{name:<24}{h:>9.3f}{a:>11.3f}{h / a:>8.1f}  （真实密集数据，不计入目标）")
    print(f"\n恶意输入最坏倍数 {worst:.1f}（目标 ≤ {TARGET:g}）；统计表 {args.chars / best_anchor / 1e6:.2f} M字/秒")


if __name__ == "__main__":
    main()
