"""``POST /v1/check-file`` and ``/v1/redact-file``: multipart upload, the same JSON, the redacted file, 4xx refusals."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import unquote

import openpyxl
import pytest
from service_helpers import API_KEY, assert_error

from tests.assertions import make_id
from tests.files.makers import docx, encrypted_office, para, pdf, xlsx, zip_bomb

ID = make_id("330106", "19850612", "123")
MOBILE = "13812345678"


def upload(client, path, data: bytes, name: str, **kw):
    return client.post(path, files={"file": (name, data)}, **kw)


def test_check_file_answers_the_analysis_with_locations(client):
    data = xlsx({"名单": [["姓名", "身份证号", "手机"], ["王小明", ID, MOBILE]]}, hidden={})
    response = upload(client, "/v1/check-file", data, "低保名单.xlsx")
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["file"]["name"] == "低保名单.xlsx" and result["file"]["type"] == "xlsx"
    assert result["category"] and result["model"]["name"] and result["verdict"] in ("redact", "review")
    cells = {f["location"]["cell"] for f in result["findings"] if f["type"] in ("id_card", "mobile")}
    assert cells == {"B2", "C2"}


def test_redact_file_returns_the_masked_workbook_with_its_name(client):
    data = xlsx({"名单": [["身份证号", "手机"], [ID, MOBILE]]})
    response = upload(client, "/v1/redact-file", data, "名单.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and unquote(disposition.split("UTF-8''")[1]) == "名单.去标识化.xlsx"
    assert response.headers["x-gongkai-verdict"] == "redact"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["名单"]
    assert sheet["A2"].value == f"{ID[:4]}**********{ID[-4:]}" and sheet["B2"].value == "138****5678"


def test_redact_file_for_a_pdf_is_text_with_the_warning(client):
    response = upload(client, "/v1/redact-file", pdf([f"身份证号{ID}"]), "决定书.pdf")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert ID not in response.text and "不得原样公开" in unquote(response.headers["x-gongkai-note"])


def test_upload_limit_is_413(make_client):
    client = make_client(max_file_bytes=2048)
    assert_error(upload(client, "/v1/check-file", b"x" * 5000, "a.txt"), 413, "file_too_large", "文件过大")
    assert_error(upload(client, "/v1/check-file", b"x" * 200_000, "a.txt"), 413, "file_too_large")


@pytest.mark.parametrize("data,name,status,code", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "通知.doc", 415, "legacy_format"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "扫描.png", 415, "unsupported_type"),
    (b"%PDF-1.4\nbroken", "坏.pdf", 422, "damaged_file"),
    (b"PK\x03\x04garbage", "坏.docx", 422, "damaged_file"),
])
def test_unreadable_uploads_are_4xx_in_chinese(client, data, name, status, code):
    assert_error(upload(client, "/v1/check-file", data, name), status, code)


def test_zip_bomb_is_413(client):
    assert_error(upload(client, "/v1/check-file", zip_bomb(size=20_000_000), "炸弹.docx"), 413, "zip_bomb", "压缩")


def test_entity_declaration_in_a_docx_is_refused(client):
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx(para("x")))) as src, zipfile.ZipFile(buf, "w") as dest:
        for info in src.infolist():
            dest.writestr(info.filename, evil if info.filename == "docProps/core.xml" else src.read(info))
    assert_error(upload(client, "/v1/check-file", buf.getvalue(), "a.docx"), 422, "xml_entity", "实体")


def test_encrypted_file_checks_as_review_and_cannot_be_redacted(client):
    data = encrypted_office(docx(para(f"身份证号{ID}")))
    response = upload(client, "/v1/check-file", data, "加密.docx")
    assert response.status_code == 200 and response.json()["verdict"] == "review"
    assert_error(upload(client, "/v1/redact-file", data, "加密.docx"), 422, "unreadable_file", "人工审核")


def test_withheld_file_has_no_redacted_file(client):
    data = docx(para("机密★5年") + para("关于某事项的通知"))
    assert upload(client, "/v1/check-file", data, "a.docx").json()["verdict"] == "withhold"
    assert_error(upload(client, "/v1/redact-file", data, "a.docx"), 422, "withheld", "不予公开")


def test_wrong_requests_are_4xx(client):
    assert_error(client.post("/v1/check-file", json={"title": "x"}), 415, "not_multipart", "multipart")
    assert_error(client.post("/v1/check-file", files={"other": ("a.txt", b"x")}), 422, "missing_file", "file")
    assert_error(upload(client, "/v1/check-file", b"", "a.txt"), 422, "empty_file")
    response = client.post("/v1/check-file", content=b"--xx\r\nbroken", headers={"content-type": "multipart/form-data; boundary=xx"})
    assert 400 <= response.status_code < 500


def test_never_a_500_on_hostile_bytes(make_client):
    client = make_client(raise_server_exceptions=False)
    samples = [bytes(range(256)) * 40, b"PK\x05\x06" + bytes(18), b"%PDF-" + b"\xff" * 3000,
               b"<html>" + b"<div>" * 5000, "姓名,身份证\n\"未闭合".encode(), b"\xef\xbb\xbf" + "身份证".encode() * 10]
    for data in samples:
        for path in ("/v1/check-file", "/v1/redact-file"):
            response = upload(client, path, data, "x.bin")
            assert response.status_code < 500, (data[:20], response.text)


def test_api_key_is_required_when_set(make_client):
    client = make_client(api_key=API_KEY)
    assert_error(upload(client, "/v1/check-file", b"x", "a.txt"), 401, "unauthorized")
    response = upload(client, "/v1/check-file", "关于会议的通知".encode(), "a.txt", headers={"X-API-Key": API_KEY})
    assert response.status_code == 200 and response.json()["verdict"] == "publish"
