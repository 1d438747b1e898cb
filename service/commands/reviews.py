"""``gongkai reviews``: the review records database — migrate, audit export, exemptions from dismissals."""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "reviews", help="审查记录：导出审计表、由驳回生成本单位豁免词表、升级数据库",
        description="审查记录保存在 GONGKAI_DATABASE_URL 指定的数据库中（默认为用户数据目录中的 SQLite 文件，"
                    "PostgreSQL 用 postgresql+psycopg://用户:密码@主机/库名）。",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="示例：\n"
               "  gongkai reviews export --year 2025 -o 2025年审查记录.csv\n"
               "  gongkai reviews exemptions -o 本单位词表.toml\n"
               "  gongkai reviews migrate",
    )
    p.add_argument("--database", metavar="URL", default=None,
                   help="数据库地址（默认：环境变量 GONGKAI_DATABASE_URL，否则用户数据目录中的 reviews.db）")
    sub2 = p.add_subparsers(dest="reviews_command", metavar="操作", title="操作")

    e = sub2.add_parser("export", help="导出审计表（CSV，UTF-8 带 BOM，Excel 可直接打开）",
                        description="每条审查一行：审查编号、记录编号、时间（北京时间）、提交人、类别、工具结论、"
                                    "按法律依据的发现数、驳回数、最终决定、决定人、决定时间和说明。")
    e.add_argument("-o", "--out", required=True, metavar="FILE.csv", help="输出文件")
    e.add_argument("--year", type=int, default=None, help="只导出这一年（北京时间）的审查")
    e.set_defaults(func=run_export)

    x = sub2.add_parser("exemptions", help="把多次驳回的文本生成待复核的本单位豁免词表（TOML）",
                        description="在至少 --min 条不同记录中被驳回（并附有原文）的文本写入 [exempt] 表，"
                                    "每行注明驳回次数、驳回人和理由。复核后用 gongkai check --lexicon 文件 加载。")
    x.add_argument("-o", "--out", required=True, metavar="FILE.toml", help="输出文件，如 本单位词表.toml")
    x.add_argument("--min", type=int, default=2, dest="min_records", metavar="N",
                   help="至少在多少条不同记录中被驳回（默认 2）")
    x.set_defaults(func=run_exemptions)

    m = sub2.add_parser("migrate", help="创建或升级数据库表（服务首次使用时也会自动执行）")
    m.set_defaults(func=run_migrate)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def open_from(args, keep_text: bool = False):
    import os

    from service.reviews import open_store

    return open_store(args.database or os.environ.get("GONGKAI_DATABASE_URL") or None, keep_text=keep_text)


def run_export(args) -> int:
    from service.reviews.export import export
    from service.reviews.store import Filters, year_range

    if args.year is not None and not 1900 < args.year < 3000:
        from classifier.errors import GongkaiError

        raise GongkaiError(f"--year 应为四位年份，收到 {args.year}。", "invalid_arguments")
    filters = Filters(*year_range(args.year)) if args.year else Filters()
    store = open_from(args)
    count = export(store, args.out, filters)
    print(f"已导出 {count} 条审查记录到 {args.out}" + (f"（{args.year} 年）" if args.year else "") + "。",
          file=sys.stderr)
    return 0


def run_exemptions(args) -> int:
    from classifier.errors import GongkaiError
    from service.reviews.exemptions import propose, write

    if args.min_records < 1:
        raise GongkaiError("--min 至少为 1。", "invalid_arguments")
    proposal = propose(open_from(args), args.min_records)
    write(proposal, args.out, args.min_records)
    print(f"已写出 {len(proposal.exempt)} 个待复核的豁免文本到 {args.out}；"
          f"未达 {args.min_records} 条记录的 {proposal.below_threshold} 个，驳回时未附原文的 {proposal.without_text} 次，"
          f"国家秘密的驳回 {proposal.never_exempt} 次（不豁免）。", file=sys.stderr)
    return 0


def run_migrate(args) -> int:
    store = open_from(args)
    print(f"审查记录数据库 {store.url} 已是最新版本 {store.current()}。", file=sys.stderr)
    return 0
