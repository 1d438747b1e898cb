"""``gongkai evaluate``: score a model bundle on labelled data."""

from __future__ import annotations

import json

from .common import add_model_option


def register(sub) -> None:
    p = sub.add_parser(
        "evaluate", help="在带 label 的数据上评估模型",
        description="在带 label 字段的 JSONL/CSV/Parquet 数据上评估模型：准确率、各类别精确率/召回率/F1、混淆矩阵、"
                    "自动定类占比及其准确率。",
    )
    p.add_argument("data", nargs="+", metavar="DATA", help="带 label 的数据文件")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    add_model_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from classifier import Analyzer
    from training.data import load_labelled
    from training.evaluate import evaluate_analyzer, format_report

    analyzer = Analyzer.load(args.model)
    records = load_labelled(args.data, dedupe=False)
    metrics, _ = evaluate_analyzer(analyzer, records)
    if args.json:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    else:
        print(format_report(metrics, f"模型 {analyzer.model_info['name']} {analyzer.model_info['version']}，"
                                      f"数据 {', '.join(args.data)}"))
    return 0
