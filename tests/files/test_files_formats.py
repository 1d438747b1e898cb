"""CSV, PDF, HTML and TXT: located findings, unreadable pages, redacted output in the original encoding/markup."""

from __future__ import annotations

import pytest

from classifier.errors import FileError
from classifier.files import FileLimits
from tests.files.makers import ID, ID2, MOBILE, by_type, encrypted_pdf, pdf


# --- CSV ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""), ("gb18030", b"")])
def test_csv_in_each_encoding_is_read_by_row_and_written_back_in_it(check, encoding, bom):
    text = f"姓名,身份证号,手机\r\n王小明,{ID},{MOBILE}\r\n李小红,{ID2},13987654321\r\n"
    data = bom + text.encode(encoding)
    outcome = check(data, "名单.csv")
    ids = by_type(outcome.result, "id_card")
    assert [f["location"]["cell"] for f in ids] == ["B2", "B3"] and ids[0]["location"]["row"] == 2
    assert ids[0]["start"] == 0 and ids[0]["end"] == 18
    red = outcome.redacted_file()
    assert red.data.startswith(bom) and red.filename == "名单.去标识化.csv"
    back = red.data[len(bom):].decode(encoding)
    assert ID not in back and MOBILE not in back and back.count("\r\n") == 3
    assert back.splitlines()[0] == "姓名,身份证号,手机"
    assert f"{ID[:4]}**********{ID[-4:]}" in back and "138****5678" in back


def test_csv_with_semicolons_and_quoted_fields(check):
    data = f'序号;住址;证件\n1;"青山县城关镇人民路5号; 3单元";{ID}\n'.encode("utf-8")
    red = check(data, "a.csv").redacted_file().data.decode("utf-8")
    assert ID not in red and red.startswith("序号;住址;证件\n")


# --- PDF ---------------------------------------------------------------------------------------
def test_pdf_findings_are_located_by_page_and_the_redacted_result_is_text(check):
    outcome = check(pdf(["关于某事项的公示", f"第二页 申请人身份证号{ID}"], author="王小明"), "决定书.pdf")
    result = outcome.result
    (finding,) = by_type(result, "id_card")
    assert finding["location"] == {"page": 2} and finding["place"] == "第 2 页" and finding["text"] == ID
    assert result["file"]["pages"] == 2 and result["verdict"] in ("redact", "review")
    assert result["redacted"]["in_place"] is False and "不得原样公开" in result["redacted"]["note"]
    assert any(n["code"] == "not_in_place" and "不得原样公开" in n["message"] for n in result["notices"])
    assert ID not in result["redacted"]["text"] and f"{ID[:4]}**********{ID[-4:]}" in result["redacted"]["text"]
    red = outcome.redacted_file()
    assert red.filename == "决定书.去标识化.txt" and red.content_type.startswith("text/plain")
    assert ID not in red.data.decode("utf-8") and "第 2 页" in red.data.decode("utf-8")
    assert any(f["location"].get("property") == "作者" for f in result["findings"])


def test_a_pdf_without_text_is_never_publish(check):
    result = check(pdf(["", ""], image_pages=(1, 2)), "扫描件.pdf").result
    assert result["verdict"] == "review" and result["file"]["readable"] is False
    assert result["reasons"][0].startswith("无法读取文字（可能是扫描件）") and "第 1、2 页" in result["reasons"][0]


def test_a_scanned_page_inside_a_text_pdf_makes_it_review(check):
    result = check(pdf(["关于召开防汛工作会议的通知", ""], image_pages=(2,)), "通知.pdf").result
    assert result["verdict"] == "review" and result["notices"][0]["location"] == {"pages": [2]}


def test_an_encrypted_pdf_is_review_with_what_to_do(check):
    outcome = check(encrypted_pdf(f"身份证{ID}"), "加密.pdf")
    assert outcome.result["verdict"] == "review" and "去除密码" in outcome.result["reasons"][0]
    with pytest.raises(FileError) as exc:
        outcome.redacted_file()
    assert exc.value.code == "unreadable_file"


def test_a_malformed_pdf_and_a_page_limit_are_clear_errors(check):
    with pytest.raises(FileError) as exc:
        check(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nxref\nbroken", "坏.pdf")
    assert exc.value.code == "damaged_file" and "PDF" in exc.value.message
    with pytest.raises(FileError) as exc:
        check(pdf(["一", "二", "三"]), "长.pdf", limits=FileLimits(max_pages=2))
    assert exc.value.code == "too_many_pages"


# --- HTML --------------------------------------------------------------------------------------
def test_html_fragment_hidden_text_attributes_and_comments(check):
    source = (f'<p class="x">申请人<b>王小明</b>，手机{MOBILE}。</p>\n<div style="display: none">身份证{ID}</div>'
              f'<img src="a.png" alt="身份证照片{ID2}"><!-- 内部备注：手机13987654321 -->')
    outcome = check(source.encode("utf-8"), "正文.html")
    result = outcome.result
    hidden = {(f["location"]["xpath"], f["hidden"], f["location"].get("attribute")) for f in result["findings"]}
    assert ("/div", "隐藏内容（display:none 等）", None) in hidden
    assert ("/img", None, "alt") in hidden
    assert any(h == "HTML 注释" for _, h, _ in hidden)
    red = outcome.redacted_file().data.decode("utf-8")
    assert ID not in red and ID2 not in red and "13987654321" not in red
    assert red.startswith('<p class="x">申请人<b>') and '<div style="display: none">' in red and '<img src="a.png"' in red
    assert red.count("<") == source.count("<")  # markup kept: only text changed


def test_html_document_keeps_its_doctype_and_head(check):
    source = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>公示</title></head>"
              f"<body><h1>公示</h1><p>身份证号{ID}</p></body></html>")
    outcome = check(source.encode("utf-8"), "page.htm")
    (finding,) = by_type(outcome.result, "id_card")
    assert finding["location"] == {"xpath": "/html/body/p"} and finding["start"] == 4
    red = outcome.redacted_file().data.decode("utf-8")
    assert red.startswith("<!DOCTYPE html>") and "<title>公示</title>" in red and ID not in red


def test_html_entity_declarations_do_not_expand(check):
    source = ('<!DOCTYPE html [<!ENTITY a "身份证' + ID + '"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              "<html><body><p>&b;&b;&b;&b;</p></body></html>")
    result = check(source.encode("utf-8"), "x.html").result
    assert result["file"]["chars"] < 1000 and not by_type(result, "id_card")


# --- TXT ---------------------------------------------------------------------------------------
def test_txt_in_gb18030_keeps_encoding_and_line_endings(check):
    text = f"关于某事项的公示\r\n申请人身份证号{ID}。\r\n\r\n联系手机{MOBILE}\r\n"
    outcome = check(text.encode("gb18030"), "公示.txt")
    assert [f["location"] for f in by_type(outcome.result, "id_card")] == [{"line": 2}]
    back = outcome.redacted_file().data.decode("gb18030")
    assert back == text.replace(ID, f"{ID[:4]}**********{ID[-4:]}").replace(MOBILE, "138****5678")


def test_a_page_with_an_image_and_only_a_page_number_is_a_scan(check):
    from tests.files.makers import pdf_with_caption

    result = check(pdf_with_caption("- 2 -"), "扫描件.pdf").result
    assert result["verdict"] == "review" and result["notices"][0]["location"] == {"pages": [1]}


def test_html_text_split_by_inline_tags_is_read_as_one_sentence(check):
    source = f'<table><tr><td>身份证号：<span class="a">{ID[:6]}</span><b>{ID[6:]}</b></td></tr></table><p>手机<i>{MOBILE}</i></p>'
    outcome = check(source.encode("utf-8"), "表.html")
    pieces = by_type(outcome.result, "id_card")
    assert "".join(f["text"] for f in pieces) == ID and {f["location"]["xpath"] for f in pieces} == {
        "/table/tr/td/span", "/table/tr/td/b"}
    red = outcome.redacted_file().data.decode("utf-8")
    assert ID[:6] not in red and ID[6:] not in red and '<span class="a">' in red and "<b>" in red
    assert f'<span class="a">{ID[:4]}**</span><b>********{ID[-4:]}</b>' in red  # the house style, spread over both
    assert by_type(outcome.result, "mobile")[0]["location"] == {"xpath": "/p/i"}


def test_garbled_text_layer_is_unreadable():
    from classifier.files.pdf import garbled

    assert garbled("\ue001\ue002\ue003 \ue004 ab") and garbled("\ufffd\ufffd\ufffd1")
    assert not garbled("关于召开防汛工作会议的通知 2025") and not garbled("")


def test_an_html_table_is_read_row_by_row_under_its_header(check):
    source = (f"<table><thead><tr><th>姓名</th><th>证件号码</th></tr></thead><tbody>"
              f"<tr><td>王小明</td><td><p>{ID}</p></td></tr></tbody></table>")
    outcome = check(source.encode("utf-8"), "名单.html")
    blocks = [[outcome.parsed.units[i].text for i in b.units] for b in outcome.parsed.blocks]
    assert ["王小明", ID] in blocks and ["姓名", "证件号码"] in blocks
    row = next(b for b in outcome.parsed.blocks if len(b.units) == 2 and outcome.parsed.units[b.units[0]].text == "王小明")
    assert row.prefixes == ["姓名：", "证件号码："]
    assert by_type(outcome.result, "id_card")[0]["location"] == {"xpath": "/table/tbody/tr/td[2]/p"}
