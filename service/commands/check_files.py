"""``gongkai check FILE|DIR`` for attachments: findings grouped by place, the redacted file, a folder with a progress bar."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from classifier.errors import GongkaiError

from .check import ACTION_NAMES

VERDICT_NAMES = {"publish": "可公开", "redact": "去标识化后公开", "review": "需人工审核", "withhold": "不予公开"}
SHOWN_FINDINGS = 200
"""The terminal lists this many findings of a file; ``--json`` gives them all."""


def _reviewer(args):
    from classifier.analyzer import load_reviewer
    from classifier.risk import RiskSettings

    return load_reviewer(risk_settings=RiskSettings(lexicon_paths=tuple(getattr(args, "lexicon", None) or ())))


def run_files(args) -> int:
    from classifier.risk import LexiconError

    try:
        reviewer = _reviewer(args)
    except (LexiconError, OSError, ValueError, GongkaiError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    source = Path(args.file)
    output = getattr(args, "output", None)
    if source.is_dir():
        return _run_dir(source, reviewer, args, output)
    return _run_one(source, reviewer, args, output)


def _run_one(path: Path, reviewer, args, output: str | None) -> int:
    from classifier.files import check_file

    try:
        check = check_file(path, reviewer=reviewer)
    except GongkaiError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    result = check.result
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(result) + "\n")
    if not (args.redact or output):
        return 0
    if not output:
        if check.parsed.in_place:
            print("错误：请用 -o 指定去标识化文件的保存路径，例如 -o 名单.去标识化.xlsx。", file=sys.stderr)
            return 2
        output = "-"
    return _write_redacted(check, output)


def _write_redacted(check, output: str | Path, quiet: bool = False) -> int:
    try:
        red = check.redacted_file()
    except GongkaiError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    if output == "-":
        sys.stdout.write(red.data.decode("utf-8") + "\n")
    else:
        target = Path(output)
        if target.is_dir():
            target = target / red.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(red.data)
        if not quiet:
            print(f"已写出去标识化文件：{target}", file=sys.stderr)
    if red.note and not quiet:
        print(f"注意：{red.note}", file=sys.stderr)
    return 0


def render(result: dict) -> str:
    """The terminal report of one file: verdict, notices, findings grouped by place."""
    info = result["file"]
    extent = (f"{info['pages']} 页" if info.get("pages") else
              f"{len(info['sheets'])} 个工作表" if info.get("sheets") else "")
    lines = [f"文件：{info['name']}（{info['type_name']}{'，' + extent if extent else ''}，{info['chars']} 字）",
             f"结论：{result['verdict_name']}（{result['verdict']}），共 {len(result['findings'])} 处发现"]
    if "category_name" in result:
        lines.append(f"类别：{result['category_name']}")
    for notice in result["notices"]:
        lines.append(f"注意：{notice['message']}")
    shown = result["findings"][:SHOWN_FINDINGS]
    if shown:
        lines.append("")
        lines.append("发现（按位置）：")
    place = None
    for i, f in enumerate(shown, 1):
        if f["place"] != place:
            place = f["place"]
            lines.append(f"  {place}{'（' + f['hidden'] + '）' if f['hidden'] else ''}：")
        rep = f"，建议替换为“{f['replacement']}”" if f.get("replacement") is not None else ""
        lines.append(f"    {i}. [{f['start']}-{f['end']}] {f['type']}“{f['text']}”— {f['reason']}；"
                     f"处理：{ACTION_NAMES.get(f['action'], f['action'])}{rep}")
    if len(result["findings"]) > len(shown):
        lines.append(f"  …… 另有 {len(result['findings']) - len(shown)} 处，使用 --json 查看全部")
    return "\n".join(lines)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _run_dir(folder: Path, reviewer, args, output: str | None) -> int:
    from tqdm import tqdm

    from classifier.files import check_file

    files = _files(folder)
    if not files:
        print(f"错误：目录 {folder} 中没有文件。", file=sys.stderr)
        return 2
    counts: Counter = Counter()
    bar = tqdm(files, desc="检查文件", unit="个", file=sys.stderr, dynamic_ncols=True)
    for path in bar:
        rel = path.relative_to(folder).as_posix()
        try:
            check = check_file(path, rel, reviewer=reviewer)
        except GongkaiError as exc:
            counts["error"] += 1
            line = (json.dumps({"id": rel, "file": {"name": rel}, "error": {"code": exc.code, "message": exc.message}},
                               ensure_ascii=False) if args.json else f"{rel}\t无法检查\t{exc.message}")
            tqdm.write(line, file=sys.stdout)
            continue
        result = check.result
        counts[result["verdict"]] += 1
        if args.json:
            line = json.dumps(result, ensure_ascii=False)
        else:
            hidden = sum(1 for f in result["findings"] if f["hidden"])
            notes = "；".join(n["message"] for n in result["notices"] if n.get("unreadable"))
            line = (f"{rel}\t{result['verdict_name']}\t{len(result['findings'])} 处发现"
                    f"{f'（{hidden} 处在隐藏内容中）' if hidden else ''}{chr(9) + notes if notes else ''}")
        tqdm.write(line, file=sys.stdout)
        if (args.redact or output) and output and result["verdict"] != "withhold" and check.parsed.units:
            name = Path(check.parsed.redacted_name(None if check.parsed.in_place else "txt")).name
            target = Path(output) / Path(rel).parent / name
            _write_redacted(check, target, quiet=True)
    bar.close()
    summary = "，".join(f"{VERDICT_NAMES[v]} {counts[v]}" for v in VERDICT_NAMES if counts[v])
    print(f"共检查 {len(files)} 个文件：{summary or '无'}" + (f"，无法检查 {counts['error']}" if counts["error"] else ""),
          file=sys.stderr)
    if (args.redact or output) and not output:
        print("提示：目录检查时用 -o 目录 指定去标识化文件的输出位置。", file=sys.stderr)
    return 2 if counts["error"] else 0
