"""The ``gongkai`` command line."""

from __future__ import annotations

import argparse
import importlib
import sys

from classifier.errors import GongkaiError

COMMANDS = ("analyze", "check", "train", "train_names", "train_second_reading", "evaluate", "serve", "relabel", "report", "reviews")
"""Modules in ``service.commands``, in the order ``--help`` lists them."""

DESCRIPTION = """gongkai（公开）：政府信息公开发布前检查。
判断草稿属于哪个公开类别（机构信息、政策文件、规划总结、工作信息、财政信息、人事信息、招投标信息），
并按《政府信息公开条例》找出不宜公开的内容（国家秘密、个人隐私、商业秘密、内部事务与过程性信息、
行政执法案卷），给出依据、结论和去标识化文本。"""

EPILOG = """示例：
  gongkai analyze 草稿.txt            检查一篇草稿（第一行为标题，其余为正文）
  gongkai analyze --jsonl 存档.jsonl --json
  gongkai check 草稿.txt --redact      只做风险审查并输出去标识化文本
  gongkai check 名单.xlsx --redact -o 名单.去标识化.xlsx   检查附件（DOCX/XLSX/CSV/PDF/HTML）并写出去标识化文件
  gongkai train                       用 training/corpus 重新训练默认模型
  gongkai train-names                 训练人名识别模型并登记到默认模型包
  gongkai train-second-reading            训练隐私二次判读模型并登记到默认模型包
  gongkai evaluate 标注数据.jsonl       在带 label 的数据上评估模型
  gongkai reviews export --year 2025 -o 审查记录.csv   导出审查记录（审计表）
每个命令都有 --help。"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令")
    for name in COMMANDS:
        importlib.import_module(f"service.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GongkaiError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `gongkai analyze ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
