"""``gongkai check``: called through ``service.commands.check.run`` with an argparse Namespace."""

import argparse
import io
import json

import pytest

from service.commands import check
from tests.assertions import make_id

ID = make_id("330106", "19900307", "123")


def ns(file, **kw):
    return argparse.Namespace(file=str(file), redact=kw.get("redact", False), json=kw.get("json", False),
                              no_color=kw.get("no_color", True), lexicon=kw.get("lexicon", []))


@pytest.fixture()
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(f"关于某事项的公示\n申请人身份证号{ID}，手机13812345678。\n监督电话：0851-86593217。", encoding="utf-8")
    return path


def test_text_output(draft, capsys):
    assert check.run(ns(draft)) == 0
    out = capsys.readouterr().out
    assert "结论：去标识化后公开" in out
    assert f"【{ID}】[1]" in out and "【13812345678】[2]" in out
    assert "1. [正文" in out and "个人隐私，条例第十五条" in out and "处理：去标识化" in out


def test_redact_output(draft, capsys):
    assert check.run(ns(draft, redact=True)) == 0
    out = capsys.readouterr().out
    assert "去标识化文本：" in out and f"{ID[:4]}**********{ID[-4:]}" in out and "138****5678" in out


def test_json_output(draft, capsys):
    assert check.run(ns(draft, json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "redact" and [f["type"] for f in data["findings"]] == ["id_card", "mobile"]
    assert set(data["redacted"]) == {"title", "body"}


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("标题\n秘密★5年\n正文".encode("utf-8"))))
    assert check.run(ns("-")) == 0
    assert "结论：不予公开" in capsys.readouterr().out


def test_missing_file(tmp_path, capsys):
    assert check.run(ns(tmp_path / "nope.txt")) == 2
    err = capsys.readouterr().err
    assert "找不到文件" in err and "Traceback" not in err


def test_empty_input(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    assert check.run(ns(path)) == 2
    assert "是空的" in capsys.readouterr().err


def test_bad_lexicon(draft, capsys):
    assert check.run(ns(draft, lexicon=["/nonexistent.toml"])) == 2
    assert "找不到词表文件" in capsys.readouterr().err


def test_register_adds_subcommand():
    parser = argparse.ArgumentParser()
    check.register(parser.add_subparsers())
    args = parser.parse_args(["check", "x.txt", "--redact", "--json", "--no-color", "--lexicon", "a.toml"])
    assert args.func is check.run and args.redact and args.json and args.no_color and args.lexicon == ["a.toml"]


def test_check_imports_no_category_model():
    import subprocess
    import sys
    code = ("import sys; import service.commands.check as c; c.run; import classifier.risk; "
            "print(any(m.startswith(('sklearn', 'jieba', 'classifier.model', 'classifier.analyzer')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_withheld_draft_says_nothing_is_publishable(tmp_path, capsys):
    path = tmp_path / "secret.txt"
    path.write_text(f"关于某事项的报告\n秘密★5年\n申请人身份证号{ID}。", encoding="utf-8")
    assert check.run(ns(path, redact=True)) == 0
    out = capsys.readouterr().out
    assert "不予公开" in out and "不提供去标识化文本" in out and "去标识化文本：" not in out
    assert check.run(ns(path, json=True)) == 0
    assert json.loads(capsys.readouterr().out)["redacted"] is None


def test_analyze_summary_of_a_withheld_draft_says_nothing_is_publishable():
    from classifier.risk import RiskReviewer
    from service.commands.analyze import describe

    review = RiskReviewer().review("关于某事项的报告", f"机密★5年\n申请人身份证号{ID}。").to_dict()
    result = {"id": "d-1", "category": "work", "category_name": "工作动态", "confidence": 0.9, "needs_review": False,
              "scores": {"work": 0.9, "policy": 0.05, "personnel": 0.05}, **review}
    text = describe(result)
    assert "发布审查：不予公开" in text and "不提供去标识化文本" in text and "--redact" not in text
