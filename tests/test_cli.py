"""The gongkai command line: analyze, evaluate, train, help and errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from service.cli import main


def run_cli(*args, stdin: str | None = None):
    proc = subprocess.run(
        [sys.executable, "-m", "service.cli", *args], input=stdin, capture_output=True, text=True, timeout=300
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture()
def draft(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text("青山县财政局2025年度部门预算\n一、部门主要职责\n二、部门预算收支情况", encoding="utf-8")
    return path


def test_analyze_prints_a_chinese_summary(draft, capsys):
    assert main(["analyze", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "类别：财政信息（finance）" in out
    assert "发布审查：" in out


def test_analyze_json_output(draft, capsys):
    assert main(["analyze", str(draft), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["category"] == "finance" and result["id"] == str(draft)


def test_analyze_jsonl_from_stdin_keeps_bad_rows():
    lines = "\n".join(
        json.dumps(r, ensure_ascii=False)
        for r in [{"id": "1", "title": "关于李明同志任职的通知"}, {"id": "2", "title": ""}]
    )
    code, out, _ = run_cli("analyze", "--jsonl", "--json", "-", stdin=lines)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["category"] == "personnel"
    assert rows[1]["error"]["code"] == "empty_input"


def test_gb18030_file_is_read(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes("关于李明同志任职的通知\n经研究决定".encode("gb18030"))
    assert main(["analyze", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["category"] == "personnel"


@pytest.mark.parametrize(
    "setup,message",
    [
        (lambda p: None, "找不到文件"),
        (lambda p: p.write_text("\n\n", encoding="utf-8"), "是空的"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00\xd8" * 3), "编码"),
    ],
)
def test_analyze_errors_are_clear_and_have_no_traceback(tmp_path, setup, message):
    path = tmp_path / "x.txt"
    setup(path)
    code, out, err = run_cli("analyze", str(path))
    assert code == 2
    assert message in err and "Traceback" not in err


JSONL_WITH_BAD_LINES = "\n".join([
    '{"id": "a", "title": "青山县财政局2025年度部门预算"}',
    '{oops',                                              # line 2: not JSON
    '',                                                   # a blank line is skipped
    '[1, 2]',                                             # line 4: JSON, not a record
    '{"id": "e", "title": "t", "body": "\\udc00"}',       # line 5: a lone surrogate
    '{"id": 6, "title": "关于召开防汛工作会议的通知"}',
]) + "\n"


def test_bad_jsonl_lines_become_error_records_with_their_numbers():
    code, out, err = run_cli("analyze", "--jsonl", "-", "--json", stdin=JSONL_WITH_BAD_LINES)
    assert code == 0 and "Traceback" not in err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", None, None, "e", "6"]  # every line answered, in order
    assert results[0]["category"] == "finance" and results[4]["category"]
    assert [(r["line"], r["error"]["code"]) for r in results[1:4]] == [
        (2, "invalid_json"), (4, "not_an_object"), (5, "invalid_text")]
    assert "不是合法的 JSON" in results[1]["error"]["message"]


def test_bad_jsonl_lines_are_named_in_the_text_output():
    code, out, err = run_cli("analyze", "--jsonl", "-", stdin=JSONL_WITH_BAD_LINES)
    assert code == 0
    assert "[第 2 行 -] 无法分析：这一行不是合法的 JSON" in out and "[第 5 行 e] 无法分析：字段 body" in out
    assert "3 条记录无法分析" in err


def test_help_is_chinese():
    code, out, _ = run_cli("--help")
    assert code == 0 and "公开类别" in out and "analyze" in out and "train" in out


def test_evaluate_prints_the_table(tmp_path, capsys):
    data = tmp_path / "labelled.jsonl"
    rows = [{"title": "关于李明同志任职的通知", "label": "personnel"}, {"title": "青山县财政局2025年度部门预算", "label": "finance"}]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert main(["evaluate", str(data)]) == 0
    out = capsys.readouterr().out
    assert "准确率 1.0000" in out and "混淆矩阵" in out
