"""``gongkai check FILE|DIR`` on attachments: JSON with locations, the redacted file, a folder line by line."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl

from service.cli import main
from tests.files.makers import ID, MOBILE, docx, para, pdf, xlsx


def test_check_file_json_has_verdict_findings_with_location_and_file(tmp_path, capsys):
    path = tmp_path / "名单.xlsx"
    path.write_bytes(xlsx({"名单": [["姓名", "身份证号"], ["王小明", ID]]}))
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] in ("redact", "review") and data["file"]["type"] == "xlsx"
    card = next(f for f in data["findings"] if f["type"] == "id_card")
    assert card["location"] == {"sheet": "名单", "cell": "B2"} and card["place"] == "工作表“名单” B2"


def test_check_file_redact_writes_the_same_type(tmp_path, capsys):
    path = tmp_path / "公示.docx"
    path.write_bytes(docx(para("公示") + para(f"身份证号{ID}，手机{MOBILE}")))
    out = tmp_path / "out.docx"
    assert main(["check", str(path), "--redact", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "第 2 段" in captured.out and "已写出去标识化文件" in captured.err
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode("utf-8")
    assert ID not in xml and MOBILE not in xml and "138****5678" in xml


def test_redact_without_output_for_a_binary_file_says_use_o(tmp_path, capsys):
    path = tmp_path / "名单.xlsx"
    path.write_bytes(xlsx({"名单": [["身份证号"], [ID]]}))
    assert main(["check", str(path), "--redact"]) == 2
    assert "-o" in capsys.readouterr().err


def test_pdf_redact_prints_the_text_and_the_warning(tmp_path, capsys):
    path = tmp_path / "决定书.pdf"
    path.write_bytes(pdf([f"身份证号{ID}"]))
    assert main(["check", str(path), "--redact"]) == 0
    captured = capsys.readouterr()
    assert f"{ID[:4]}**********{ID[-4:]}" in captured.out and ID not in captured.out.split("—— 第 1 页 ——")[1]
    assert "不得原样公开" in captured.err


def test_check_dir_one_line_per_file_and_errors_in_place(tmp_path, capsys):
    folder = tmp_path / "附件"
    (folder / "子目录").mkdir(parents=True)
    (folder / "a.docx").write_bytes(docx(para(f"身份证号{ID}")))
    (folder / "子目录" / "b.xlsx").write_bytes(xlsx({"s": [["手机"], [MOBILE]]}))
    (folder / "c.pdf").write_bytes(pdf([""], image_pages=(1,)))
    (folder / "d.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (folder / "e.txt").write_text("关于召开会议的通知\n请各单位准时参加。", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", str(folder), "-o", str(out)]) == 2  # one file could not be checked
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["a.docx", "c.pdf", "d.doc", "e.txt", "子目录/b.xlsx"]
    assert "无法读取文字" in lines[1] and "需人工审核" in lines[1] and "另存为 .docx" in lines[2]
    assert lines[3].split("\t")[1] == "可公开"
    assert "共检查 5 个文件" in captured.err and "无法检查 1" in captured.err
    book = openpyxl.load_workbook(out / "子目录" / "b.去标识化.xlsx")
    assert book["s"]["A2"].value == "138****5678"
    assert main(["check", str(folder), "--json"]) == 2
    records = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert len(records) == 5 and records[2]["error"]["code"] == "legacy_format"
    assert records[0]["findings"][0]["location"] == {"paragraph": 1}


def test_plain_text_drafts_keep_the_title_and_body_behaviour(tmp_path, capsys):
    path = tmp_path / "草稿.txt"
    path.write_text(f"关于某事项的公示\n申请人身份证号{ID}。", encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)["redacted"]) == {"title", "body"}
