"""Cost per character of hostile inputs against a realistic dense text of the same length.

    python bench/hostile.py [--chars 190000] [--rounds 3] [--rules-only | --analyzer] [--only WORD]

The anchor is a numeric statistics table (header row, then rows of region, year and figures
separated by ｜): the densest realistic text an agency publishes. Each hostile input — digit/space
runs, repeated cue words, one long line, a deep table, many separators, invisible characters — is
built to the same length and reviewed in the same process, interleaved with the anchor; the table
prints seconds for both and their ratio (target: every ratio ≤ 3). The reviewer timed is the shipped
one (``classifier.analyzer.load_reviewer``: the rules and the bundle's name model), as the product
runs it; ``--rules-only`` times ``RiskReviewer()`` without the name model, ``--analyzer`` the whole
``Analyzer.analyze`` (category model + review). The last column says how many findings the review
returned, and whether it stopped at its work budget (``unreviewed``: the rest went to a person).

Two reference rows (real dense private data, not hostile, not counted in the target) show what a
genuine dense draft costs: the work budget (``classifier/risk/budget.py``) must never cut them, so
its allowance is set above the densest of them (a 救助 list with illnesses, which the name model
reads too) and a hostile input can cost about as much per character as that list; the last line
says how far the worst one is from it.

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
        "“患者张三，”重复": fill("患者张三，"),
        "“低保对象张三、”重复": fill("低保对象张三、"),
        "“秘密”重复": fill("秘密"),
        "“机密★”重复": fill("机密★"),
        "“岁”重复": fill("9岁"),
        # every recognizer's cue words, repeated, with and without a name
        "“患尿毒症”重复": fill("患尿毒症"),
        "“张三患尿毒症。”重复": fill("张三患尿毒症。"),
        "“诊断为”重复": fill("诊断为"),
        "“低保”重复": fill("低保"),
        "“刑满释放人员张三，”重复": fill("刑满释放人员张三，"),
        "“行政拘留”重复": fill("行政拘留"),
        "“张三反映，”重复": fill("张三反映，"),
        "“1. 张三户（六组）：”重复": fill("1. 张三户（六组）："),
        "“信仰佛教”重复": fill("信仰佛教"),
        "“张三，男，9岁，”重复": fill("张三，男，9岁，"),
        "“张三（9岁）、”重复": fill("张三（9岁）、"),
        "“初二（3）班、”重复": fill("初二（3）班、"),
        "“2016年出生，”重复": fill("2016年出生，"),
        "“工资卡”20位号码重复": fill("工资卡62170029400182736459；"),
        "“申请人张三”重复": fill("申请人张三"),
        "“综合单价”重复": fill("综合单价"),
        "“开户行”重复": fill("开户行"),
        "“住址：”重复": fill("住址："),
        "“幸福路1号”重复": fill("幸福路1号"),
        # a home label then a run of region characters: a village group's regions could be cut in exponentially
        # many ways (17 s for one label before the regions became an atomic group)
        "“住址：”后接“市”×40": fill("住址：" + "市" * 40 + "，"),
        "表头“姓名｜身份证号”": fill("姓名｜身份证号\n"),
        "名单表（姓名列）": fill("序号｜姓名｜病种\n" + "\n".join(f"{i}｜张三｜尿毒症" for i in range(1, 200)) + "\n"),
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
    of rows with a name, an ID number, a mobile number and an address, and a list of social assistance
    recipients with their illnesses (a name, sex, age, village, diagnosis and amount per row), which the
    name model reads too: both cost more than a table of figures."""
    row = "{i}、张{c}明，身份证号11010519491231002X，手机1381234{i:04d}，住址某某区幸福路{i}号3栋2单元301室；"
    text = "".join(row.format(i=i % 10_000, c="一二三四五六七八九"[i % 9]) for i in range(n // 40 + 1))
    return {"（参照）个人信息名单": text[:n], "（参照）救助名单（含病种）": relief_list(n)}


def relief_list(n: int) -> str:
    """A 救助 list of invented recipients: one row of about 50 characters each, until ``n`` characters."""
    rng = random.Random(3)
    illnesses = ["尿毒症", "肺癌", "白血病", "精神分裂症", "肢体二级残疾", "糖尿病并发症", "脑梗塞后遗症", "乳腺癌"]
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "建国秀英志强丽娟海燕文华明亮春梅桂兰永红"
    rows, size, i = [], 0, 0
    while size < n:
        i += 1
        name = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if i % 3 else "")
        rows.append(f"{i}. {name}，{'男' if i % 2 else '女'}，{rng.randint(20, 90)}岁，某某镇{rng.choice('东西南北')}村村民，"
                    f"因患{rng.choice(illnesses)}，家庭生活困难，给予临时救助{rng.randint(5, 50) * 100}元；")
        size += len(rows[-1]) + 1
    return "\n".join(rows)[:n]


def timed(fn, text: str) -> float:
    t0 = time.process_time()
    fn(text)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=190_000, help="length of every input (default 190,000)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best time counts")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--rules-only", action="store_true", help="time RiskReviewer() without the bundle's name model")
    mode.add_argument("--analyzer", action="store_true", help="time the whole Analyzer.analyze, not only the review")
    ap.add_argument("--only", default="", help="time only the inputs whose name holds this text")
    args = ap.parse_args()
    if args.analyzer:
        from classifier import Analyzer

        analyzer = Analyzer.load().warm()
        reviewer = analyzer.reviewer

        def run(text: str) -> None:
            analyzer.analyze({"title": "", "body": text})
    else:
        from classifier.analyzer import load_reviewer
        from classifier.risk import RiskReviewer

        reviewer = RiskReviewer() if args.rules_only else load_reviewer()

        def run(text: str) -> None:
            reviewer.review("", text)

    print("审查：" + ("整个 Analyzer.analyze" if args.analyzer else "仅规则（不用姓名模型）" if args.rules_only
                     else "产品所用的审查（规则 + 模型包中的姓名模型）"))
    anchor = statistics_table(args.chars)
    run(anchor)  # warm up
    print(f"{'输入（各 ' + format(args.chars, ',') + ' 字）':<24}{'秒':>9}{'统计表 秒':>11}{'倍数':>8}  发现")
    worst = 0.0
    best_anchor = float("inf")

    def row(name: str, text: str) -> tuple[float, float]:
        t_h, t_a = [], []
        for _ in range(args.rounds):
            t_a.append(timed(run, anchor))
            t_h.append(timed(run, text))
        h, a = min(t_h), min(t_a)
        findings = reviewer.review("", text).findings
        cut = sum(f.type == "unreviewed" for f in findings)
        note = f"  {len(findings) - cut:,}" + ("，超出工作量上限（其余需人工审核）" if cut else "")
        return h, a, note

    for name, text in hostile_inputs(args.chars).items():
        if args.only not in name:
            continue
        h, a, note = row(name, text)
        best_anchor = min(best_anchor, a)
        ratio = h / a
        worst = max(worst, ratio)
        flag = "" if ratio <= TARGET else "  ← 超出"
        print(f"{name:<24}{h:>9.3f}{a:>11.3f}{ratio:>8.1f}{note}{flag}", flush=True)
    densest = 0.0
    for name, text in references(args.chars).items():
        h, a, note = row(name, text)
        best_anchor = min(best_anchor, a)
        densest = max(densest, h / a)
        print(f"{name:<24}{h:>9.3f}{a:>11.3f}{h / a:>8.1f}{note}  （真实密集数据，不计入目标）", flush=True)
    print(f"\n恶意输入最坏倍数 {worst:.1f}（目标 ≤ {TARGET:g}），为最密集真实名单（{densest:.1f}）的 {worst / densest:.1f} 倍；"
          f"统计表 {args.chars / best_anchor / 1e6:.2f} M字/秒")


if __name__ == "__main__":
    main()
