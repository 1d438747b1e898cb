"""The type comes from the content; what cannot be read is refused with a Chinese message saying what to do."""

from __future__ import annotations

import io
import zipfile

import pytest

from classifier.errors import FileError
from classifier.files import FileLimits
from classifier.files.detect import detect
from tests.files.makers import ID, by_type, docx, encrypted_office, para, pdf, xlsx, zip_bomb


def test_type_by_content_not_by_name():
    assert detect(pdf(["一"]), "处罚决定书.txt") == "pdf"
    assert detect(docx(para("x")), "附件.bin") == "docx"
    assert detect(xlsx({"a": [["x"]]}), "名单.docx") == "xlsx"
    assert detect("<p>正文</p>".encode(), "正文") == "html"
    assert detect("姓名,身份证号\n".encode(), "名单.csv") == "csv"
    assert detect("普通文字".encode("gb18030"), "说明") == "txt"


def test_a_pdf_named_txt_is_read_as_a_pdf(check):
    result = check(pdf([f"身份证号{ID}"]), "处罚决定书.txt").result
    assert result["file"]["type"] == "pdf" and by_type(result, "id_card")[0]["location"] == {"page": 1}


@pytest.mark.parametrize("name,what", [("通知.doc", ".doc"), ("名单.xls", ".xls"), ("文件.wps", ".wps")])
def test_legacy_binary_office_files_say_save_as(check, name, what):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    with pytest.raises(FileError) as exc:
        check(data, name)
    assert exc.value.code == "legacy_format" and what in exc.value.message and "另存为 .docx" in exc.value.message


def test_an_encrypted_docx_is_review_and_says_remove_the_password(check):
    data = encrypted_office(docx(para(f"身份证号{ID}")))
    outcome = check(data, "加密.docx")
    assert outcome.result["verdict"] == "review" and outcome.result["file"]["readable"] is False
    assert "去除密码" in outcome.result["reasons"][0] and outcome.result["redacted"] is None
    with pytest.raises(FileError):
        outcome.redacted_file()


@pytest.mark.parametrize("data,code", [
    (b"", "empty_file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "unsupported_type"),
    (b"{\\rtf1 abc}", "unsupported_type"),
    (bytes(range(256)) * 10, "unsupported_type"),
])
def test_unreadable_inputs_are_clear_errors(check, data, code):
    with pytest.raises(FileError) as exc:
        check(data, "x")
    assert exc.value.code == code and any("\u4e00" <= ch <= "\u9fff" for ch in exc.value.message)


def test_a_plain_zip_and_a_pptx_are_refused(check):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    with pytest.raises(FileError) as exc:
        check(buf.getvalue(), "附件.zip")
    assert "解压" in exc.value.message
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ppt/presentation.xml", "<x/>")
    with pytest.raises(FileError) as exc:
        check(buf.getvalue(), "汇报.pptx")
    assert "PPTX" in exc.value.message


def test_zip_bomb_by_ratio_and_by_total_size(check):
    with pytest.raises(FileError) as exc:
        check(zip_bomb(size=20_000_000), "炸弹.docx")
    assert exc.value.code == "zip_bomb"
    with pytest.raises(FileError) as exc:
        check(docx(para("x" * 5000)), "a.docx", limits=FileLimits(max_unzipped=2000))
    assert exc.value.code == "zip_bomb" and "解压后" in exc.value.message


def test_file_size_limit(check, tmp_path):
    with pytest.raises(FileError) as exc:
        check(b"x" * 2048, "a.txt", limits=FileLimits(max_bytes=1024))
    assert exc.value.code == "file_too_large"
    path = tmp_path / "big.txt"
    path.write_bytes(b"y" * 2048)
    with pytest.raises(FileError) as exc:
        check(path, None, limits=FileLimits(max_bytes=1024))
    assert exc.value.code == "file_too_large"


def test_a_time_limit_stops_a_long_file(check):
    with pytest.raises(FileError) as exc:
        check(xlsx({"a": [[f"身份证{ID}"]] * 50}), "a.xlsx", limits=FileLimits(max_seconds=0.0001))
    assert exc.value.code == "file_timeout" and "超时" in exc.value.message


def test_analyzer_analyze_file_adds_the_category_and_model(analyzer, tmp_path):
    path = tmp_path / "公示.docx"
    path.write_bytes(docx(para("青山县2025年事业单位公开招聘拟聘用人员公示") + para(f"张三，身份证号{ID}。")))
    result = analyzer.analyze_file(path)
    assert result["category"] in analyzer.model.labels and result["category_name"] and "confidence" in result
    assert result["model"]["name"] and result["file"]["name"] == "公示.docx"
    same = analyzer.analyze_file(path.read_bytes(), filename="公示.docx")
    assert same["findings"] == result["findings"] and same["category"] == result["category"]
    assert by_type(result, "id_card")[0]["location"] == {"paragraph": 2}
