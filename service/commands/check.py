"""``gongkai check``: the pre-publication risk review only (fast start: no category model)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def __getattr__(name: str):
    """``ACTION_NAMES``/``FIELD_NAMES`` for the other check commands, loaded on first use (one home: grounds.py)."""
    if name in ("ACTION_NAMES", "FIELD_NAMES", "WITHHELD_NOTE"):
        from classifier.risk import grounds

        return getattr(grounds, name)
    raise AttributeError(name)


def register(sub) -> None:
    p = sub.add_parser(
        "check", help="只做发布前风险审查（个人隐私、国家秘密、商业秘密、内部与过程性信息、执法案卷）",
        description="按《政府信息公开条例》审查草稿能否公开，指出位置、依据和处理方式，并可输出去标识化文本。\n"
                    "文本文件：第一行为标题，其余为正文；FILE 为 - 时读标准输入。\n"
                    "附件：DOCX、XLSX、CSV、PDF（有文字层）、HTML（按内容识别类型），含隐藏工作表、批注、修订、"
                    "文档属性等隐藏内容；每处发现给出位置（页、段、表格、工作表和单元格）。\n"
                    "FILE 为目录时逐个检查其中所有文件，每个文件输出一行结论。",
        epilog="示例：\n  gongkai check 名单.xlsx --json\n  gongkai check 名单.xlsx --redact -o 名单.去标识化.xlsx\n"
               "  gongkai check 附件目录/ --json > 结果.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="草稿、附件或目录，默认 -（标准输入）")
    p.add_argument("--redact", action="store_true",
                   help="输出去标识化结果：文本草稿打印去标识化文本；附件写出同类型的去标识化文件（需 -o）")
    p.add_argument("-o", "--output", metavar="OUT", default=None,
                   help="去标识化文件的保存路径（目录检查时为输出目录）；给出 -o 即表示 --redact")
    p.add_argument("--json", action="store_true", help="输出 JSON（目录检查时每个文件一行 JSON）")
    p.add_argument("--no-color", action="store_true", help="不使用终端颜色")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="追加本单位词表（TOML：敏感词与豁免词，可重复使用）")
    p.set_defaults(func=run)


def _read(source: str) -> tuple[str, str]:
    """(title, body) of a draft file or standard input; ValueError with a Chinese message."""
    if source == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        name = "标准输入"
    else:
        path = Path(source)
        if not path.is_file():
            raise ValueError(f"找不到文件：{source}")
        data = path.read_bytes()
        name = source
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"{name} 不是 UTF-8 或 GB18030 编码的文本。")
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines or not "".join(lines).strip():
        raise ValueError(f"{name} 是空的：没有标题也没有正文。")
    return lines[0].strip(), "\n".join(lines[1:]).strip("\n")


def _is_attachment(source: str) -> bool:
    """A file that is not a plain-text draft (decided by content: a PDF named .txt is still a PDF)."""
    from classifier.files.detect import detect, extension

    path = Path(source)
    if not path.is_file():
        return False
    with path.open("rb") as fh:
        head = fh.read(4096)
    if extension(path.name) in ("txt", "text", "md", ""):
        try:
            return detect(head, path.name) != "txt" if not head.startswith(b"PK") else True
        except Exception:  # noqa: BLE001 - let the file path report the problem in full
            return True
    return True


def run(args) -> int:
    from classifier.analyzer import load_reviewer
    from classifier.errors import GongkaiError
    from classifier.risk import LexiconError, RiskSettings
    from classifier.risk.grounds import ACTION_NAMES, FIELD_NAMES, WITHHELD_NOTE
    from classifier.risk.render import render_terminal

    out = sys.stdout
    if args.file != "-" and (Path(args.file).is_dir() or _is_attachment(args.file)):
        from .check_files import run_files

        return run_files(args)
    try:
        title, body = _read(args.file)
        reviewer = load_reviewer(risk_settings=RiskSettings(lexicon_paths=tuple(getattr(args, "lexicon", None) or ())))
    except (ValueError, LexiconError, OSError, GongkaiError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    result = reviewer.review(title, body)
    if args.json:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return 0
    color = not args.no_color and out.isatty()
    lines = [f"结论：{result.verdict_name}（{result.verdict}），共 {len(result.findings)} 处发现", ""]
    for name, text in (("title", title), ("body", body)):
        # findings are sorted title first, so each field's numbers are one contiguous run
        first = next((i for i, f in enumerate(result.findings, 1) if f.field == name), 1)
        fs = [f for f in result.findings if f.field == name]
        rendered = render_terminal(text, fs, color, first_number=first)
        lines.append(f"{FIELD_NAMES[name]}：{rendered}")
    if result.findings:
        lines.append("")
        lines.append("发现：")
        for i, f in enumerate(result.findings, 1):
            rep = f"，建议替换为“{f.replacement}”" if f.replacement is not None else ""
            lines.append(f"  {i}. [{FIELD_NAMES[f.field]} {f.start}-{f.end}] {f.type}“{f.text}”— {f.reason}；"
                         f"处理：{ACTION_NAMES.get(f.action, f.action)}{rep}")
    output = getattr(args, "output", None)
    if result.redacted is None:
        lines.append("")
        lines.append(WITHHELD_NOTE)
        if output:
            print(f"未写出 {output}：{WITHHELD_NOTE}", file=sys.stderr)
    elif output:
        Path(output).write_text(result.redacted["title"] + "\n" + result.redacted["body"] + "\n", encoding="utf-8")
        print(f"已写出去标识化文本：{output}", file=sys.stderr)
    if result.redacted is not None and args.redact and not output:
        lines.append("")
        lines.append("去标识化文本：")
        lines.append(result.redacted["title"])
        lines.append(result.redacted["body"])
    out.write("\n".join(lines) + "\n")
    return 0
