"""DOCX: every part that would be published, hidden ones labelled, and a redacted DOCX with formatting kept."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from classifier.errors import FileError
from tests.files.makers import ID, ID2, MOBILE, by_type, deleted, docx, inserted, para, run, table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def redacted_xml(check, data, member="word/document.xml") -> str:
    red = check(data, "公示.docx").redacted_file()
    assert red.filename == "公示.去标识化.docx"
    return zipfile.ZipFile(io.BytesIO(red.data)).read(member).decode("utf-8")


def test_a_value_split_across_runs_is_found_and_masked_in_every_run_with_its_formatting(check):
    data = docx(para("关于临时救助对象的公示") + para("救助对象身份证号", run(ID[:6], bold=True), run(ID[6:11]), run(ID[11:]), "。"))
    result = check(data, "公示.docx").result
    (finding,) = by_type(result, "id_card")
    assert finding["location"] == {"paragraph": 2} and finding["place"] == "第 2 段"
    assert finding["text"] == ID and finding["hidden"] is None
    assert finding["start"] == len("救助对象身份证号") and finding["end"] == finding["start"] + 18
    root = etree.fromstring(redacted_xml(check, data).encode("utf-8"))
    runs = [r for r in root.iter(W + "r")]
    texts = ["".join(t.text or "" for t in r.iter(W + "t")) for r in runs]
    assert ID not in "".join(texts) and f"{ID[:4]}**********{ID[-4:]}" in "".join(texts)
    bold = [t for r, t in zip(runs, texts) if r.find(f"{W}rPr/{W}b") is not None]
    assert bold == [ID[:4] + "**"]  # the bold run is still the bold run, masked in place
    assert "救助对象身份证号" in texts


def test_hidden_parts_are_read_and_labelled(check):
    body = (para("关于低保对象的公示") + para("联系电话：", inserted(f"手机{MOBILE}")) + para("原住址", deleted(f"身份证{ID2}"))
            + para(run(f"身份证号{ID}", hidden=True)) + table([["姓名", "身份证号"], ["李小红", ID2]]))
    data = docx(body, header=para(f"页眉 身份证{ID}"), footer=para(f"页脚 手机{MOBILE}"),
                comments=[f"请核对身份证{ID2}"], footnotes=[f"注：身份证{ID}"], creator="王小明", last_modified_by="李红")
    result = check(data, "公示.docx").result
    places = {(f["place"], f["hidden"]) for f in result["findings"]}
    assert ("第 2 段", "修订（插入的内容）") in places
    assert ("第 3 段（已删除的修订）", "修订（已删除的内容）") in places
    assert ("第 4 段", "隐藏文字") in places
    assert ("表格 1 第 2 行第 2 列", None) in places
    assert ("页眉（header1.xml）第 1 段", None) in places and ("页脚（footer1.xml）第 1 段", None) in places
    assert ("脚注（footnotes.xml）第 1 段", None) in places
    assert ("批注（comments.xml）第 1 段", "批注") in places
    authors = [f for f in result["findings"] if f["location"].get("property")]
    assert {f["location"]["property"] for f in authors} == {"作者", "最后修改者"}
    assert all(f["hidden"] == "文档属性" for f in authors)
    table_finding = next(f for f in by_type(result, "id_card") if f["location"].get("table"))
    assert table_finding["location"] == {"table": 1, "row": 2, "cell": 2}
    assert result["verdict"] in ("redact", "review") and result["file"]["type"] == "docx"


def test_redacted_docx_masks_every_part_and_clears_the_author(check):
    body = para("公示") + para("联系电话：", inserted(f"手机{MOBILE}", author="张建国")) + para("原", deleted(f"身份证{ID2}"))
    data = docx(body, header=para(f"页眉 身份证{ID}"), comments=[f"身份证{ID2}"], creator="王小明", last_modified_by="Administrator")
    red = check(data, "公示.docx").redacted_file()
    archive = zipfile.ZipFile(io.BytesIO(red.data))
    everything = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    assert ID not in everything and ID2 not in everything and MOBILE not in everything
    assert "王小明" not in everything and "Administrator" not in everything and "张建国" not in everything
    assert sorted(archive.namelist()) == sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert "<w:ins" in everything and "<w:del " in everything  # the revisions stay revisions


def test_the_author_of_a_revision_is_a_hidden_name(check):
    data = docx(para("公示") + para("联系电话：", inserted("见附件", author="张建国")))
    result = check(data, "公示.docx").result
    (author,) = [f for f in result["findings"] if f["location"].get("property") == "修订或批注的作者"]
    assert author["text"] == "张建国" and author["hidden"] == "修订/批注作者" and author["replacement"] == ""
    generic = check(docx(para("公示") + para("x", inserted("见附件"))), "公示.docx").result  # "审核人" is a role
    assert not [f for f in generic["findings"] if f["location"].get("property")]


def test_image_only_docx_is_never_publish(check):
    result = check(docx("", drawing=True), "扫描件.docx").result
    assert result["verdict"] == "review" and result["file"]["readable"] is False
    assert result["reasons"] and result["reasons"][0].startswith("无法读取文字（可能是扫描件）")


def test_an_entity_declaration_is_refused_before_parsing(check):
    evil = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            '<w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    data = docx(para("x"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dest:
        for info in src.infolist():
            dest.writestr(info.filename, evil if info.filename == "word/document.xml" else src.read(info))
    with pytest.raises(FileError) as exc:
        check(buf.getvalue(), "恶意.docx")
    assert exc.value.code == "xml_entity" and "实体" in exc.value.message


def test_a_zip_bomb_is_refused_without_inflating_it(check):
    with pytest.raises(FileError) as exc:
        check(docx(para("x"), extra={"word/media/bomb.xml": b" " * 30_000_000}), "炸弹.docx")
    assert exc.value.code == "zip_bomb" and "压缩" in exc.value.message


def test_malformed_docx_xml_is_a_clear_error(check):
    data = docx(para("x"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dest:
        for info in src.infolist():
            dest.writestr(info.filename, b"<w:document><w:body>" if info.filename == "word/document.xml" else src.read(info))
    with pytest.raises(FileError) as exc:
        check(buf.getvalue(), "坏.docx")
    assert exc.value.code == "damaged_file" and "损坏" in exc.value.message


def test_truncated_zip_is_a_clear_error(check):
    with pytest.raises(FileError) as exc:
        check(docx(para("x"))[:300], "截断.docx")
    assert exc.value.code == "damaged_file"


def test_a_word_table_is_read_row_by_row_under_its_header():
    seen = []

    class Spy:
        def __init__(self, inner):
            self.inner, self.settings = inner, inner.settings

        def review(self, title, body):
            seen.append(body)
            return self.inner.review(title, body)

    from classifier.files import check_file
    from tests.assertions import reviewer

    data = docx(para("救助对象名单") + table([["姓名", "身份证号", "住址"], ["王小明", ID, "青山县城关镇人民路5号"]]))
    result = check_file(data, "名单.docx", reviewer=Spy(reviewer())).result
    assert f"姓名：王小明；身份证号：{ID}；住址：青山县城关镇人民路5号" in seen[0]
    (card,) = by_type(result, "id_card")
    assert card["location"] == {"table": 1, "row": 2, "cell": 2} and card["start"] == 0 and card["end"] == 18
