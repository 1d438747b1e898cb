"""``gongkai report``: the annual report's 主动公开 counts from a relabelled archive."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser(
        "report", help="统计年度报告的主动公开条数（按类别）",
        description="读取 gongkai relabel 的结果存档，按七个公开类别统计主动公开条数，输出年度报告所用的句子"
                    "（“共主动公开政府信息N条。其中机构信息X条，政策文件Y条，……”）和表格，以及按法律依据统计的"
                    "审查发现数和需人工复核的条数。句子和表格按固定的类别顺序生成，每类恰好一次，并核对分项之和等于总数。"
                    "审查结论为“不予公开”的条目不计入，作为“已公开但疑似不应公开”单独列出；“需人工审核”的照常计入并说明条数。",
        epilog="示例：\n"
               "  gongkai report 新存档.parquet --year 2020 --date-column 发布日期\n"
               "  gongkai report 新存档.jsonl --format csv > 统计.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("archive", metavar="OUT", help="gongkai relabel 输出的存档（.jsonl / .csv / .parquet）")
    p.add_argument("--year", type=int, default=None, help="只统计该年份（按 --date-column）")
    p.add_argument("--date-column", default=None, metavar="列名",
                   help="日期列（默认依次尝试 date、publish_date、发布日期、日期 等）")
    p.add_argument("--format", choices=["markdown", "csv", "json"], default="markdown", help="输出格式（默认 markdown）")
    p.add_argument("--input-format", choices=["jsonl", "csv", "parquet"], default=None,
                   help="存档格式（默认按扩展名）")
    p.add_argument("--prefix", default="", metavar="前缀", help="结果列名前缀（与 relabel 的 --prefix 相同）")
    p.add_argument("--cache-dir", default=None, metavar="目录", help="datasets 缓存目录")
    p.set_defaults(func=run)


def run(args) -> int:
    import sys

    from service.batch.report import build_report

    report = build_report(args.archive, input_format=args.input_format, year=args.year,
                          date_column=args.date_column, prefix=args.prefix, cache_dir=args.cache_dir)
    sys.stdout.write(report.render(args.format))
    return 0
