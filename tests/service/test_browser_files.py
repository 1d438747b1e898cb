"""The attachment section of the editors' page in a real browser (system chromium, Playwright): choose a file,
see findings grouped by place, download the redacted file; drop a scanned PDF and see why it needs review."""

from __future__ import annotations

import base64
import io

import openpyxl
from service_helpers import live_server, make_settings
from test_browser import browser, expect, page, screenshot  # noqa: F401  (shared fixtures and helpers)

from service.app import create_app
from tests.assertions import make_id
from tests.files.makers import pdf, xlsx

ID = make_id("330106", "19850612", "123")
MOBILE = "13812345678"


def test_editor_checks_a_workbook_and_downloads_the_redacted_one(page, analyzer, tmp_path):  # noqa: F811
    source = tmp_path / "低保名单.xlsx"
    source.write_bytes(xlsx({"名单": [["姓名", "身份证号", "手机"], ["王小明", ID, MOBILE]],
                             "底稿": [["身份证号"], [ID]]}, hidden={"底稿": "hidden"}))
    with live_server(create_app(make_settings(), analyzer=analyzer)) as url:
        page.goto(url + "/")
        page.set_input_files("#file-input", str(source))
        page.wait_for_selector("#file-result:not([hidden])", timeout=30_000)
        expect(page.locator("#file-status")).to_have_text("检查完成。")
        assert "低保名单.xlsx" in page.text_content("#file-info") and "2 个工作表" in page.text_content("#file-info")
        assert page.get_attribute("#file-verdict", "data-verdict") in ("redact", "review")

        places = page.locator(".place-group h3").all_text_contents()
        assert any(p.startswith("工作表“名单” B2") for p in places), places
        assert any(p.startswith("工作表“底稿” A2") and "隐藏工作表" in p for p in places), places
        id_row = page.locator(".place-group[data-place='工作表“名单” B2'] tr[data-type='id_card']")
        assert ID in id_row.text_content() and f"{ID[:4]}**********{ID[-4:]}" in id_row.text_content()
        assert "第十五条" in id_row.text_content()
        screenshot(page, "service-page-file.png")

        with page.expect_download() as info:
            page.click("#file-download")
        download = info.value
        assert download.suggested_filename == "低保名单.去标识化.xlsx"
        book = openpyxl.load_workbook(io.BytesIO(open(download.path(), "rb").read()))
        assert book["名单"]["B2"].value == f"{ID[:4]}**********{ID[-4:]}" and book["名单"]["C2"].value == "138****5678"
        assert book["底稿"].sheet_state == "hidden" and ID not in book["底稿"]["A2"].value
        expect(page.locator("#file-download-status")).to_contain_text("已下载")


def test_dropping_a_scanned_pdf_shows_it_needs_review(page, analyzer):  # noqa: F811
    data = base64.b64encode(pdf([""], image_pages=(1,))).decode("ascii")
    with live_server(create_app(make_settings(), analyzer=analyzer)) as url:
        page.goto(url + "/")
        page.evaluate("""([data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], "扫描件.pdf", { type: "application/pdf" }));
            document.getElementById("drop-zone").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true }));
        }""", [data])
        page.wait_for_selector("#file-result:not([hidden])", timeout=30_000)
        assert page.get_attribute("#file-verdict", "data-verdict") == "review"
        assert "无法读取文字（可能是扫描件）" in page.text_content("#file-notices")
        assert page.is_visible("#file-no-findings")


def test_a_legacy_doc_shows_what_to_do(page, analyzer, tmp_path):  # noqa: F811
    source = tmp_path / "通知.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with live_server(create_app(make_settings(), analyzer=analyzer)) as url:
        page.goto(url + "/")
        page.set_input_files("#file-input", str(source))
        expect(page.locator("#file-error")).to_contain_text("另存为 .docx")
        assert page.is_hidden("#file-result")
