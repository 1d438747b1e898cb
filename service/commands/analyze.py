"""``gongkai analyze``: category and publication review of drafts."""

from __future__ import annotations

import sys

from .common import add_model_option, dump_json, read_records

VERDICT_NAMES = {"publish": "可公开", "redact": "去标识化后公开", "review": "需人工审核", "withhold": "不予公开"}


def register(sub) -> None:
    p = sub.add_parser(
        "analyze", help="判断草稿的公开类别并审查能否公开",
        description="判断草稿的公开类别（带置信度，不确定时标注“需人工复核”），并审查能否公开。\n"
                    "输入为文本文件（第一行标题，其余为正文），或用 --jsonl 读取每行一个 "
                    '{"id","title","body"} 的 JSONL 文件；FILE 为 - 时读标准输入。\n'
                    "JSONL 中无法分析的行（不是 JSON、不是记录、字段有误）在其位置上输出错误和行号，其余照常分析。",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="草稿文件，默认 -（标准输入）")
    p.add_argument("--jsonl", action="store_true", help="输入为 JSONL，每行一条记录")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON（每条记录一行）")
    add_model_option(p)
    p.set_defaults(func=run)


def describe(result: dict) -> str:
    """A short Chinese summary of one analysis result."""
    if "error" in result:
        line = f"第 {result['line']} 行 " if result.get("line") else ""
        return f"[{line}{result.get('id') or '-'}] 无法分析：{result['error']['message']}"
    lines = []
    if result.get("id"):
        lines.append(f"【{result['id']}】")
    review = "（需人工复核）" if result["needs_review"] else ""
    lines.append(f"类别：{result['category_name']}（{result['category']}），置信度 {result['confidence']:.2f}{review}")
    top = sorted(result["scores"].items(), key=lambda kv: -kv[1])[1:3]
    from classifier.categories import category_name

    lines.append("其次：" + "，".join(f"{category_name(k)} {v:.2f}" for k, v in top))
    if result.get("explanation"):
        lines.append("主要依据词：" + "、".join(e["term"] for e in result["explanation"]))
    lines.append(f"发布审查：{VERDICT_NAMES.get(result['verdict'], result['verdict'])}")
    for i, f in enumerate(result.get("findings", []), 1):
        where = "标题" if f["field"] == "title" else "正文"
        replace = f"，建议替换为“{f['replacement']}”" if f.get("replacement") else ""
        lines.append(f"  {i}. {where}[{f['start']}:{f['end']}] “{f['text']}” — {f['reason']}{replace}")
    if any(f.get("replacement") for f in result.get("findings", [])):
        lines.append("去标识化全文：gongkai check FILE --redact，或 --json 输出中的 redacted 字段")
    return "\n".join(lines)


def run(args) -> int:
    from classifier import Analyzer

    lines = read_records(args.file, args.jsonl)
    analyzer = Analyzer.load(args.model)
    results = analyzer.analyze_many([record for _, record in lines])
    for (number, _), result in zip(lines, results):
        if "error" in result and number is not None:
            result["line"] = number  # where to look in the input file
    out = sys.stdout
    for result in results:
        out.write((dump_json(result) if args.json else describe(result) + "\n") + "\n")
    failed = sum(1 for r in results if "error" in r)
    if failed and not args.json:
        print(f"{failed} 条记录无法分析（见上）。", file=sys.stderr)
    return 1 if failed == len(results) else 0
