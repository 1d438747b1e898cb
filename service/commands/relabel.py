"""``gongkai relabel``: re-classify and re-screen a whole archive (JSONL/CSV/Parquet) in one run."""

from __future__ import annotations

import argparse
import functools
import json
import sys

from .common import add_model_option


def register(sub) -> None:
    p = sub.add_parser(
        "relabel", help="批量重新分类并审查整个存档（JSONL/CSV/Parquet）",
        description="对存档中的每一条记录重新判断公开类别并做发布审查。保留输入的全部列，追加结果列：category、"
                    "category_name、confidence、needs_review、verdict、findings（JSON）、model_version、error、"
                    "error_code（有 --label-column 时还有 changed）。\n"
                    "每条输入记录对应且仅对应一条输出记录，顺序不变；无法分析的记录（无文本、类型不对、过长）在 error 列"
                    "写明原因，处理继续；读不了的行（空行、不是 JSON 对象的行、字段数不对或引号没有闭合的 CSV 行、"
                    "编码错误的行）同样在原位置输出一行，error 中写明行号。JSONL/CSV 可以是 UTF-8 或 GB18030/GBK。"
                    "结果先写入私有的临时文件，完成后才替换 OUT；输入文件不会被修改。中断（Ctrl-C）后加 --resume "
                    "可跳过已完成的分片接着处理，结果与一次跑完相同。",
        epilog="示例：\n"
               "  gongkai relabel 存档.jsonl -o 新存档.parquet --label-column 栏目\n"
               "  gongkai relabel 存档.csv -o 新存档.csv --num-proc 8 --resume\n"
               "  gongkai relabel 存档.parquet -o 结果/ --format parquet --engine ray --ray-address auto",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN", help="输入存档（.jsonl / .csv / .parquet）")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="输出文件（格式由扩展名或 --format 决定）")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default=None,
                   help="输出格式（默认按 OUT 的扩展名）")
    p.add_argument("--input-format", choices=["jsonl", "csv", "parquet"], default=None,
                   help="输入格式（默认按 IN 的扩展名）")
    p.add_argument("--encoding", default=None, metavar="编码",
                   help="输入 JSONL/CSV 的编码：utf-8 或 gb18030（含 GBK）；默认自动识别")
    p.add_argument("--output-encoding", default=None, metavar="编码",
                   help="输出 JSONL/CSV 的编码：utf-8（默认）、utf-8-sig（带 BOM，便于 Excel 打开）或 gb18030")
    p.add_argument("--title-column", default=None, metavar="列名",
                   help="标题列（默认 title，可缺；指定了却不存在时报错并列出现有列）")
    p.add_argument("--body-column", default=None, metavar="列名", help="正文列（默认 body，没有时用 text）")
    p.add_argument("--id-column", default=None, metavar="列名", help="编号列，用于列出无法分析的记录（默认 id，若存在）")
    p.add_argument("--label-column", default=None, metavar="列名",
                   help="原类别列（类别代码或中文名）：汇总新旧类别的对照表，并在输出中标出 changed")
    p.add_argument("--prefix", default="", metavar="前缀", help="结果列名前缀（输入已有 category 等同名列时使用，如 new_）")
    p.add_argument("--threshold", type=float, default=None, help="需人工复核的置信度阈值（默认用模型自带的）")
    p.add_argument("--num-proc", type=int, default=None, metavar="N", help="并行进程数（默认：全部 CPU 核）")
    p.add_argument("--batch-size", type=int, default=256, metavar="N", help="每批记录数（默认 256）")
    p.add_argument("--shard-rows", type=int, default=10_000, metavar="N",
                   help="每个分片的大致行数；分片是续跑的单位（默认 10000）")
    p.add_argument("--resume", action="store_true", help="接着上次中断的运行处理，跳过已完成的分片")
    p.add_argument("--engine", choices=["datasets", "ray"], default="datasets",
                   help="执行引擎：datasets（默认，单机多进程）或 ray（Ray Data，需要 gongkai[ray]）")
    p.add_argument("--ray-address", default=None, metavar="地址",
                   help="Ray 集群地址（如 auto 或 ray://head:10001）；不给则在本机启动 Ray")
    p.add_argument("--cache-dir", default=None, metavar="目录", help="datasets 缓存目录（默认 ~/.cache/huggingface/datasets）")
    p.add_argument("--keep-work", action="store_true", help="完成后保留分片工作目录 OUT.work")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    p.add_argument("--json", action="store_true", help="以 JSON 输出汇总")
    add_model_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from service.batch.io import BatchError

    options = dict(
        model=args.model, threshold=args.threshold, input_format=args.input_format, output_format=args.format,
        title_column=args.title_column, body_column=args.body_column, id_column=args.id_column,
        label_column=args.label_column, prefix=args.prefix, num_proc=args.num_proc, batch_size=args.batch_size,
        progress=not args.no_progress, encoding=args.encoding, output_encoding=args.output_encoding,
    )
    for name in ("num_proc", "batch_size"):
        if options[name] is not None and options[name] < 1:
            raise BatchError(f"--{name.replace('_', '-')} 必须是正整数。", "bad_option")
    if args.shard_rows < 1:
        raise BatchError("--shard-rows 必须是正整数。", "bad_option")
    if args.engine == "ray":
        if args.resume:
            raise BatchError("--resume 只用于 datasets 引擎；Ray 引擎由 Ray 自身重试失败的任务。", "bad_option")
        from service.batch.ray_engine import relabel_ray

        job = functools.partial(relabel_ray, address=args.ray_address)
    else:
        if args.ray_address:
            raise BatchError("--ray-address 只能与 --engine ray 一起使用。", "bad_option")
        from service.batch.relabel import relabel

        job = functools.partial(relabel, shard_rows=args.shard_rows, resume=args.resume, keep_work=args.keep_work)
    try:
        summary = job(args.input, args.output, cache_dir=args.cache_dir, **options)
    except KeyboardInterrupt:  # the job has said what was kept and how to go on
        return 130
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary.format())
    if summary.failed == summary.rows:
        print("所有记录都无法分析：请检查 --title-column / --body-column 是否指向标题和正文。", file=sys.stderr)
        return 1
    return 0
