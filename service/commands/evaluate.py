"""``gongkai evaluate``: score a model bundle on labelled data."""

from __future__ import annotations

import json

from .common import add_model_option


def register(sub) -> None:
    p = sub.add_parser(
        "evaluate", help="在带 label 的数据上评估模型",
        description="在带 label 字段（类别代码或中文名）的 JSONL/CSV/Parquet 数据上评估模型：准确率、各类别精确率/召回率/F1、"
                    "混淆矩阵、自动定类占比及其准确率。本站存档只有栏目名时，用 --label-map 把栏目映射成类别"
                    "（映射之外的栏目列出并排除）。",
    )
    p.add_argument("data", nargs="+", metavar="DATA", help="带 label（或栏目）的数据文件")
    p.add_argument("--label-map", metavar="栏目映射.toml", default=None, help="本站栏目 → 类别的映射（TOML，同 train）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    add_model_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    import sys
    from collections import Counter

    from classifier import Analyzer
    from classifier.categories import format_unmapped, load_label_map
    from training.data import load_labelled
    from training.evaluate import evaluate_analyzer, format_report

    label_map = load_label_map(args.label_map) if args.label_map else None
    analyzer = Analyzer.load(args.model)
    mapping: dict = {}
    records = load_labelled(args.data, dedupe=False, label_map=label_map, mapping_report=mapping)
    listing = format_unmapped(mapping.get("unmapped", Counter()), mapping.get("ignored", Counter()))
    if listing:
        print(listing, file=sys.stderr)
    metrics, _ = evaluate_analyzer(analyzer, records)
    if args.json:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    else:
        print(format_report(metrics, f"模型 {analyzer.model_info['name']} {analyzer.model_info['version']}，"
                                      f"数据 {', '.join(args.data)}"))
    return 0
