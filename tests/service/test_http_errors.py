"""Bad input never yields a 500: each case is a 4xx JSON error with an English code and a Chinese message."""

from __future__ import annotations

import json

import pytest
from service_helpers import PLAIN_DRAFT, assert_error

ANALYZE_PATHS = ["/v1/analyze", "/v1/redact"]


# (raw body, status, code, a fragment of the message) — one row per kind of unreadable or unusable body
BAD_BODIES = [
    (b'{"title": "a", ', 400, "invalid_json", "不是合法的 JSON"),                   # truncated JSON
    (b"title=a&body=b", 400, "invalid_json", "第 1 行第 1 列"),                        # a form, not JSON
    (b"", 400, "empty_body", "请求体为空"),                                            # nothing at all
    (b"   \n", 400, "empty_body", "请求体为空"),                                       # only whitespace
    ('{"title": "公告"}'.encode("gbk"), 400, "invalid_encoding", "UTF-8"),            # GBK, not UTF-8
    (b'{"title": "\xff\xfe"}', 400, "invalid_encoding", "第 12 个字节处"),            # stray bytes
    (b"[" * 50_000 + b"]" * 50_000, 400, "invalid_json", "嵌套过深"),                  # deep nesting
    (b'{"title": ' + b"9" * 5000 + b"}", 400, "invalid_json", "数值"),                 # int over 4300 digits
    (b'"just a string"', 422, "not_an_object", "必须是包含 title"),                     # JSON, not an object
    (b"[1, 2]", 422, "not_an_object", "必须是包含 title"),                              # an array
    (b"null", 422, "not_an_object", "必须是包含 title"),
    (b'{"title": 12, "body": "x"}', 422, "wrong_type", "字段 title 必须是文本"),        # number title
    (b'{"title": "a", "body": ["x"]}', 422, "wrong_type", "字段 body 必须是文本"),      # list body
    (b'{"text": {"a": 1}}', 422, "wrong_type", "字段 body 必须是文本"),                 # alias with a dict
    (b"{}", 422, "empty_input", "标题和正文不能同时为空"),                               # no fields
    (b'{"title": "", "body": ""}', 422, "empty_input", "标题和正文不能同时为空"),        # both empty
    (b'{"title": " \\n\\t", "body": "\\u3000"}', 422, "empty_input", "不能同时为空"),   # only whitespace
]


@pytest.mark.parametrize("path", ANALYZE_PATHS)
@pytest.mark.parametrize("raw, status, code, fragment", BAD_BODIES)
def test_bad_body(client, path, raw, status, code, fragment):
    response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert_error(response, status, code, fragment)


JSON = {"Content-Type": "application/json"}


def test_utf8_bom_is_accepted(client):
    raw = b"\xef\xbb\xbf" + json.dumps(PLAIN_DRAFT, ensure_ascii=False).encode("utf-8")
    assert client.post("/v1/analyze", content=raw, headers=JSON).status_code == 200


# --- Content-Type: the JSON endpoints take JSON only -------------------------------------------
@pytest.mark.parametrize("path", ANALYZE_PATHS + ["/v1/analyze/batch"])
@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/jsonx"])
def test_a_body_that_is_not_declared_json_is_refused(client, path, content_type):
    body = [PLAIN_DRAFT] if path.endswith("batch") else PLAIN_DRAFT
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post(path, content=json.dumps(body).encode("utf-8"), headers=headers)
    error = assert_error(response, 415, "unsupported_media_type", "Content-Type: application/json")
    assert (content_type or "没有声明") in error["message"]


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON",
                                          "application/merge-patch+json"])
def test_json_media_types_are_accepted(client, content_type):
    raw = json.dumps(PLAIN_DRAFT).encode("utf-8")
    assert client.post("/v1/analyze", content=raw, headers={"Content-Type": content_type}).status_code == 200


# --- lone surrogates: "\ud800" is valid JSON but not text ---------------------------------------
SURROGATE = "\\ud800"  # as it travels in the JSON text
SURROGATE_BODIES = [
    ('{"title": "t", "body": "%s"}', "body"),
    ('{"title": "x%s", "body": "正文"}', "title"),
    ('{"id": "%s", "title": "t"}', "id"),
    ('{"title": "t", "text": "前\\udfff后"}', "body"),  # a low surrogate, through the text alias
]


@pytest.mark.parametrize("path", ANALYZE_PATHS)
@pytest.mark.parametrize("template, field", SURROGATE_BODIES)
def test_a_lone_surrogate_is_a_422_not_a_500(client, path, template, field):
    raw = template.replace("%s", SURROGATE).encode("utf-8")
    error = assert_error(client.post(path, content=raw, headers=JSON), 422, "invalid_text", f"字段 {field}", "U+D")
    assert "\\ud" not in error["message"]


def test_a_lone_surrogate_in_a_batch_is_answered_in_its_place(client):
    raw = ('[{"id": "a", "title": "青山县财政局2025年度部门预算"}, {"id": "b%s", "title": "t"},'
           ' {"id": "c", "title": "t", "body": "%s"}]').replace("%s", SURROGATE).encode("utf-8")
    response = client.post("/v1/analyze/batch", content=raw, headers=JSON)
    assert response.status_code == 200
    first, second, third = response.json()
    assert first["category"] == "finance"
    assert second["id"] == "b\\ud800" and second["error"]["code"] == "invalid_text"  # the id, escaped
    assert third["id"] == "c" and third["error"]["code"] == "invalid_text" and "字段 body" in third["error"]["message"]


def test_record_too_long(client):
    record = {"title": "标题", "body": "字" * 200_000}  # 200,002 characters, 600 KB: under the byte limit
    assert_error(client.post("/v1/analyze", json=record), 422, "input_too_long", "200002 个字符", "200000")


def test_record_limit_follows_the_settings(make_client):
    client = make_client(max_chars=50)
    assert client.post("/v1/analyze", json={"title": "一" * 50}).status_code == 200
    assert_error(client.post("/v1/analyze", json={"title": "一" * 51}), 422, "input_too_long", "上限为 50 个字符")


# --- size limit: 413 before the whole body is read ------------------------------------------------
def test_body_over_the_limit_by_content_length(client):
    raw = json.dumps({"title": "t", "body": "x" * 1_000_001}).encode()
    assert_error(client.post("/v1/analyze", content=raw, headers=JSON), 413, "body_too_large", "上限为 1000000 字节")


def test_streamed_body_is_counted(make_client):
    # Chunked transfer: no Content-Length, the server counts the bytes. (TestClient buffers the
    # upload; test_live_server.py shows on a real socket that the 413 comes before the body ends.)
    client = make_client(max_body_bytes=10_000)
    chunks = (b" " * 1_000 for _ in range(100))
    response = client.post("/v1/analyze", content=chunks, headers={"Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413, "body_too_large", "10000 字节")


def test_lying_content_length_is_refused(client):
    assert_error(client.post("/v1/analyze", content=b"{}", headers={**JSON, "Content-Length": "abc"}), 400, "bad_request",
                 "Content-Length")


def test_size_limit_is_configurable(make_client):
    client = make_client(max_body_bytes=2_048)
    ok = {"title": "公告", "body": "字" * 600}  # ~1.8 KB of UTF-8
    assert client.post("/v1/analyze", json=ok).status_code == 200
    assert_error(client.post("/v1/analyze", json={"title": "公告", "body": "字" * 700}), 413, "body_too_large")


# --- batches --------------------------------------------------------------------------------------
@pytest.mark.parametrize("payload, code, fragment", [
    (PLAIN_DRAFT, "not_an_array", "必须是记录数组"),       # one record sent to the batch endpoint
    ("text", "not_an_array", "必须是记录数组"),
    ([], "empty_batch", "至少需要一条记录"),
])
def test_batch_shape(client, payload, code, fragment):
    assert_error(client.post("/v1/analyze/batch", json=payload), 422, code, fragment)


def test_batch_over_the_default_limit(client):
    response = client.post("/v1/analyze/batch", json=[{"title": f"公告{i}"} for i in range(101)])
    assert_error(response, 422, "batch_too_large", "一次最多检查 100 条记录，收到 101 条")


@pytest.mark.parametrize("bad, code", [
    ({"id": 7, "title": "", "body": ""}, "empty_input"),
    ({"id": 7, "title": ["x"]}, "wrong_type"),
    ("not a record", "not_an_object"),
    ({"id": 7, "title": "字" * 200_001}, "input_too_long"),
])
def test_a_bad_record_in_a_batch_gets_its_error_in_its_place(client, analyzer, bad, code):
    records = [PLAIN_DRAFT, bad, {"id": "t", "title": "关于召开防汛工作会议的通知"}, {"title": ""}]
    response = client.post("/v1/analyze/batch", json=records)
    assert response.status_code == 200
    first, second, third, fourth = response.json()
    assert first == analyzer.analyze(PLAIN_DRAFT)  # the good records are analysed as on their own
    assert third["id"] == "t" and third["category"] and "error" not in third
    assert second["error"]["code"] == code and any("\u4e00" <= ch <= "\u9fff" for ch in second["error"]["message"])
    assert second["id"] == (None if isinstance(bad, str) else "7") and set(second) == {"id", "error"}
    assert fourth == {"id": None, "error": {"code": "empty_input", "message": "标题和正文不能同时为空。"}}


def test_batch_bad_json(client):
    assert_error(client.post("/v1/analyze/batch", content=b"[{}, ", headers=JSON), 400, "invalid_json")


# --- routes, methods and the unexpected ------------------------------------------------------------
def test_unknown_route_and_method(client):
    assert_error(client.get("/v1/nothing"), 404, "not_found", "没有这个地址")
    assert_error(client.get("/v1/analyze"), 405, "method_not_allowed", "不支持该请求方法")
    assert_error(client.delete("/v1/model"), 405, "method_not_allowed")


def test_an_unexpected_failure_is_a_json_500_without_traceback(make_client, analyzer, monkeypatch):
    client = make_client(raise_server_exceptions=False)

    def boom(record):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(analyzer, "analyze", boom)
    response = client.post("/v1/analyze", json=PLAIN_DRAFT)
    error = assert_error(response, 500, "internal_error", "服务内部错误")
    assert "secret internal detail" not in response.text and "Traceback" not in response.text
    assert error["message"]
