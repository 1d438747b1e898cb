"""XLSX: rows as records with their headers, every sheet and hidden part, cells located; redacted in place."""

from __future__ import annotations

import io
import time
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font

from classifier.errors import FileError
from classifier.files import FileLimits
from tests.files.makers import ID, ID2, MOBILE, by_type, roster, xlsx

def test_rows_are_records_and_every_finding_names_its_cell(check):
    result = check(xlsx({"名单": roster(3)}), "低保名单.xlsx").result
    ids = by_type(result, "id_card")
    assert [f["location"] for f in ids] == [{"sheet": "名单", "cell": f"C{r}"} for r in (3, 4, 5)]
    assert all(f["start"] == 0 and f["end"] == 18 and len(f["text"]) == 18 for f in ids)
    assert all(f["replacement"] == f["text"][:4] + "*" * 10 + f["text"][-4:] for f in ids)
    mobiles = by_type(result, "mobile")
    assert [f["location"]["cell"] for f in mobiles] == ["D3", "D4", "D5"]
    assert by_type(result, "address") and by_type(result, "address")[0]["location"]["cell"] == "E3"
    assert result["file"]["sheets"] == ["名单"] and result["verdict"] in ("redact", "review")


def test_hidden_sheets_rows_columns_comments_and_sheet_names_are_read(check):
    data = xlsx({"公示": [["姓名", "备注"], ["甲", "无"], ["乙", f"身份证{ID}"]],
                 "备份": [["身份证号"], [ID2]], "深藏": [[f"手机{MOBILE}"]], f"身份证{ID}": [["空"]]},
                hidden={"备份": "hidden", "深藏": "veryHidden"}, hidden_rows={"公示": [3]}, hidden_cols={"公示": ["B"]},
                comments={("公示", "A2"): f"该户手机{MOBILE}"}, creator="王小明")
    result = check(data, "公示.xlsx").result
    labels = {(f["location"].get("sheet"), f["location"].get("cell"), f["hidden"]) for f in result["findings"]}
    assert ("公示", "B3", "隐藏行；隐藏列") in labels
    assert ("备份", "A2", "隐藏工作表") in labels
    assert ("深藏", "A1", "深度隐藏工作表") in labels
    assert ("公示", "A2", "批注") in labels
    sheet_name = next(f for f in result["findings"] if f["location"].get("sheet_name"))
    assert sheet_name["hidden"] == "工作表名称" and sheet_name["replacement"] is None and sheet_name["action"] == "review"
    assert "请手工修改" in sheet_name["reason"]
    assert any(f["location"].get("property") == "作者" for f in result["findings"])
    assert result["verdict"] == "review"  # the sheet name cannot be masked automatically


def test_redacted_workbook_keeps_formulas_styles_and_other_sheets(check):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    for row in roster(4):
        ws.append(row)
    ws["C3"].font = Font(bold=True, color="FF0000")
    ws["G1"] = "=SUM(F3:F6)"
    other = wb.create_sheet("说明")
    other["A1"] = "本表由民政办编制"
    hidden = wb.create_sheet("底稿")
    hidden.sheet_state = "hidden"
    hidden["A1"] = f"身份证{ID}"
    wb.properties.creator = "李红"
    buf = io.BytesIO()
    wb.save(buf)
    red = check(buf.getvalue(), "名单.xlsx").redacted_file()
    assert red.filename == "名单.去标识化.xlsx" and red.content_type.endswith("spreadsheetml.sheet")
    out = openpyxl.load_workbook(io.BytesIO(red.data))
    sheet = out["名单"]
    original = roster(4)
    assert sheet["C3"].value == original[2][2][:4] + "*" * 10 + original[2][2][-4:]
    assert sheet["C3"].font.bold and sheet["C3"].font.color.rgb == "00FF0000"
    assert sheet["D3"].value == "138****0000" and sheet["F3"].value == original[2][5]
    assert sheet["G1"].value == "=SUM(F3:F6)"
    assert out["说明"]["A1"].value == "本表由民政办编制"
    assert out["底稿"].sheet_state == "hidden" and ID not in out["底稿"]["A1"].value
    assert out.properties.creator != "李红" and out.properties.lastModifiedBy is None
    text = " ".join(str(c.value) for s in out.worksheets for row in s.iter_rows() for c in row)
    assert ID not in text and original[2][2] not in text


def test_a_ten_thousand_row_sheet_is_checked_whole(check):
    data = xlsx({"名单": roster(10_000)})
    started = time.perf_counter()
    outcome = check(data, "名单.xlsx")
    elapsed = time.perf_counter() - started
    ids = by_type(outcome.result, "id_card")
    assert len(ids) == 10_000 and ids[-1]["location"] == {"sheet": "名单", "cell": "C10002"}
    assert len(by_type(outcome.result, "mobile")) == 10_000
    red = openpyxl.load_workbook(io.BytesIO(outcome.redacted_file().data), read_only=True)
    last = list(red["名单"].iter_rows(min_row=10_002, max_row=10_002, values_only=True))[0]
    assert "*" in last[2] and "*" in last[3]
    print(f"10,000 rows checked in {elapsed:.1f} s")


def test_too_many_cells_is_refused(check):
    with pytest.raises(FileError) as exc:
        check(xlsx({"名单": roster(50)}), "名单.xlsx", limits=FileLimits(max_cells=100))
    assert exc.value.code == "too_many_cells" and "单元格" in exc.value.message


def test_a_header_row_gives_context_below_it(check):
    result = check(xlsx({"表": [["姓名", "银行卡号"], ["张某", "6222021234567890128"]]}), "发放表.xlsx").result
    (card,) = by_type(result, "bank_card")
    assert card["location"] == {"sheet": "表", "cell": "B2"} and card["start"] == 0 and card["end"] == 19


def test_the_title_row_titles_the_file_for_the_category(check):
    seen = []
    check(xlsx({"名单": roster(2)}), "附件1.xlsx", classify=lambda title, body: seen.append((title, body)) or {})
    assert seen[0][0] == "2025年城乡低保对象名单" and "王小明" in seen[0][1]
    check(xlsx({"表": [["姓名", "金额"], ["甲", 1]]}), "附件2.xlsx", classify=lambda title, body: seen.append((title, body)) or {})
    assert seen[1][0] == "附件2"  # no title row: the file name


def test_a_value_inside_a_formula_is_found_and_left_to_a_person(check):
    data = xlsx({"表": [["编号", "证件"], ["1", f'=CONCATENATE("{ID[:9]}","{ID[9:]}")'], ["2", f'="身份证{ID2}"']]})
    result = check(data, "表.xlsx").result
    formula = [f for f in result["findings"] if f["location"].get("formula")]
    assert formula and all(f["hidden"] == "公式" and f["replacement"] is None for f in formula)
    assert result["verdict"] == "review"


def test_comment_authors_are_hidden_names_and_are_cleared(check):
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    wb.active.title = "表"
    wb.active["A1"] = "事项"
    wb.active["A1"].comment = Comment("请核实", "李建华")
    buf = io.BytesIO()
    wb.save(buf)
    outcome = check(buf.getvalue(), "表.xlsx")
    (author,) = [f for f in outcome.result["findings"] if f["location"].get("property") == "批注作者"]
    assert author["text"] == "李建华" and author["hidden"] == "批注作者"
    out = openpyxl.load_workbook(io.BytesIO(outcome.redacted_file().data))
    assert out["表"]["A1"].comment.text.endswith("请核实") and "李建华" not in (out["表"]["A1"].comment.author or "")


def test_shared_strings_rich_text_and_numbers_as_excel_writes_them(check):
    from tests.files.makers import xlsx_shared

    rows = [["姓名", "身份证号", "手机"], ["王小明", ID, f"#{MOBILE}"], ["李小红", ID2, "#1.3987654321E10"]]
    data = xlsx_shared(rows, rich={6: [(ID2[:8], True), (ID2[8:], False)]})
    outcome = check(data, "名单.xlsx")
    ids = by_type(outcome.result, "id_card")
    assert [f["location"]["cell"] for f in ids] == ["B2", "B3"]
    assert [f["location"]["cell"] for f in by_type(outcome.result, "mobile")] == ["C2", "C3"]
    red = outcome.redacted_file()
    archive = zipfile.ZipFile(io.BytesIO(red.data))
    strings = archive.read("xl/sharedStrings.xml").decode("utf-8")
    sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert ID not in strings and ID2[:8] not in strings and f"{ID2[:4]}****" in strings
    assert strings.count("<b/>") == 1  # the rich-text run keeps its bold
    assert MOBILE not in sheet and 'r="C2" s="0" t="inlineStr"' in sheet and "138****5678" in sheet
    assert archive.read("xl/media/image1.png") == zipfile.ZipFile(io.BytesIO(data)).read("xl/media/image1.png")
    book = openpyxl.load_workbook(io.BytesIO(red.data))
    assert book["名单"]["B2"].value == f"{ID[:4]}**********{ID[-4:]}" and book["名单"]["C3"].value == "139****4321"
