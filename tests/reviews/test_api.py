"""``/v1/reviews`` over HTTP (TestClient): who did what by key name, events, listing, errors."""

from __future__ import annotations

import pytest
from tests.reviews.conftest import DRAFT, ID_NUMBER, MOBILE, PLAIN
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

KEYS = {"王编辑": "gk-key-wang-0123456789", "李审核": "gk-key-li-9876543210"}


def settings(**overrides) -> Settings:
    base = dict(model_dir=None, api_key=None, api_keys=None, api_keys_file=None, threshold=None, keep_text=False,
                max_body_bytes=1_000_000, max_batch=100, max_chars=200_000, mask_char="*", mask_styles={})
    return Settings(**(base | overrides))


@pytest.fixture()
def api(analyzer, database_url):
    named = ",".join(f"{name}={key}" for name, key in KEYS.items())
    with TestClient(create_app(settings(api_keys=named, database_url=database_url), analyzer=analyzer)) as client:
        yield client


def as_(name: str) -> dict:
    return {"X-API-Key": KEYS[name]}


def assert_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error


def test_review_decision_dismissal_and_correction_name_who_did_them(api, analyzer):
    created = api.post("/v1/reviews", json=DRAFT, headers=as_("王编辑"))
    assert created.status_code == 200, created.text
    body = created.json()
    analysis = analyzer.analyze(DRAFT)
    for key in ("category", "confidence", "verdict", "findings", "redacted", "model"):
        assert body[key] == analysis[key], key  # the analysis, as /v1/analyze gives it
    assert body["created_by"] == "王编辑" and body["previous_review_id"] is None
    rid = body["review_id"]
    mobile = next(i for i, f in enumerate(body["findings"]) if f["type"] == "mobile")

    assert api.post(f"/v1/reviews/{rid}/findings/{mobile}/dismiss", json={"reason": "单位值班电话", "text": MOBILE},
                    headers=as_("李审核")).status_code == 200
    decided = api.post(f"/v1/reviews/{rid}/decision", json={"decision": "redact", "note": "遮盖身份证号后公开"},
                       headers=as_("李审核"))
    assert decided.status_code == 200 and decided.json()["by"] == "李审核"
    assert api.post(f"/v1/reviews/{rid}/category", json={"category": "personnel", "title": DRAFT["title"]},
                    headers=as_("王编辑")).status_code == 200

    review = api.get(f"/v1/reviews/{rid}", headers=as_("李审核")).json()
    assert [(e["kind"], e["by"]) for e in review["events"]] == [("dismissal", "李审核"), ("decision", "李审核"),
                                                                ("category", "王编辑")]
    assert review["decision"]["decision"] == "redact" and review["decision"]["note"] == "遮盖身份证号后公开"
    assert review["dismissed"] == [mobile] and review["current_category"] == "personnel"
    assert all("text" not in f for f in review["findings"])
    assert KEYS["王编辑"] not in created.text + str(review)  # names are kept, never keys

    listed = api.get("/v1/reviews", params={"decision": "redact", "verdict": "redact"}, headers=as_("王编辑")).json()
    assert [r["review_id"] for r in listed["reviews"]] == [rid]
    assert listed["reviews"][0]["decision"]["by"] == "李审核"


def test_the_single_api_key_is_named_default(analyzer, database_url):
    app = create_app(settings(api_key="only-key-123456", database_url=database_url), analyzer=analyzer)
    with TestClient(app) as client:
        assert client.post("/v1/reviews", json=PLAIN).status_code == 401
        made = client.post("/v1/reviews", json=PLAIN, headers={"Authorization": "Bearer only-key-123456"}).json()
        assert made["created_by"] == "默认"
        assert client.post("/v1/analyze", json=PLAIN, headers={"X-API-Key": "only-key-123456"}).status_code == 200


def test_without_keys_records_are_anonymous(analyzer, database_url):
    with TestClient(create_app(settings(database_url=database_url), analyzer=analyzer)) as client:
        assert client.post("/v1/reviews", json=PLAIN).json()["created_by"] == "匿名"


def test_a_resubmitted_record_links_to_its_earlier_reviews(api):
    first = api.post("/v1/reviews", json=DRAFT, headers=as_("王编辑")).json()
    again = api.post("/v1/reviews", json=DRAFT | {"body": DRAFT["body"] + "（已修改）"}, headers=as_("王编辑")).json()
    assert again["previous_review_id"] == first["review_id"]
    review = api.get(f"/v1/reviews/{again['review_id']}", headers=as_("王编辑")).json()
    assert review["reviews_of_record"] == [first["review_id"], again["review_id"]]
    assert review["content_sha256"] != api.get(f"/v1/reviews/{first['review_id']}", headers=as_("王编辑")).json()["content_sha256"]
    listed = api.get("/v1/reviews", params={"id": DRAFT["id"]}, headers=as_("王编辑")).json()["reviews"]
    assert [r["review_id"] for r in listed] == [again["review_id"], first["review_id"]]


def test_errors_are_json_with_chinese_messages(api):
    h = as_("王编辑")
    rid = api.post("/v1/reviews", json=DRAFT, headers=h).json()["review_id"]
    assert_error(api.post("/v1/reviews", json={"title": "", "body": ""}, headers=h), 422, "empty_input")
    assert_error(api.get("/v1/reviews/999999", headers=h), 404, "review_not_found")
    assert_error(api.get("/v1/reviews/abc", headers=h), 422, "invalid_request")
    assert_error(api.post(f"/v1/reviews/{rid}/decision", json={"decision": "ok"}, headers=h), 422, "invalid_decision")
    assert_error(api.post(f"/v1/reviews/{rid}/decision", json=["publish"], headers=h), 422, "not_an_object")
    assert_error(api.post(f"/v1/reviews/{rid}/decision", json={"decision": "publish"}, headers=h), 422, "note_required")
    assert_error(api.post(f"/v1/reviews/{rid}/findings/50/dismiss", json={"reason": "x"}, headers=h), 404,
                 "finding_not_found")
    assert_error(api.post(f"/v1/reviews/{rid}/findings/0/dismiss", json={}, headers=h), 422, "reason_required")
    assert_error(api.post(f"/v1/reviews/{rid}/category", json={"category": 7}, headers=h), 422, "invalid_category")
    assert_error(api.get("/v1/reviews", params={"since": "昨天"}, headers=h), 422, "invalid_time")
    assert_error(api.get("/v1/reviews", params={"verdict": "maybe"}, headers=h), 422, "invalid_verdict")
    assert_error(api.get("/v1/reviews", params={"limit": 0}, headers=h), 422, "invalid_request")
    assert_error(api.get("/v1/reviews"), 401, "unauthorized")
    assert_error(api.post(f"/v1/reviews/{rid}/decision", json={"decision": "withhold"},
                          headers={"X-API-Key": "wrong"}), 401, "unauthorized")
    assert api.get(f"/v1/reviews/{rid}", headers=h).json()["events"] == []  # nothing refused was kept


def test_an_unreachable_database_answers_503_and_analysis_still_works(analyzer, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    app = create_app(settings(database_url=f"sqlite:///{blocked}/r.db"), analyzer=analyzer)
    with TestClient(app) as client:
        assert_error(client.post("/v1/reviews", json=PLAIN), 503, "database_unavailable")
        assert_error(client.get("/v1/reviews"), 503, "database_unavailable")
        assert client.post("/v1/analyze", json=PLAIN).status_code == 200


def test_records_are_found_by_time_in_beijing_days(api):
    h = as_("王编辑")
    rid = api.post("/v1/reviews", json=PLAIN, headers=h).json()["review_id"]
    created = api.get(f"/v1/reviews/{rid}", headers=h).json()["created_at"]
    from datetime import datetime
    from zoneinfo import ZoneInfo

    day = datetime.fromisoformat(created).astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
    same_day = api.get("/v1/reviews", params={"since": day, "until": day}, headers=h).json()["reviews"]
    assert [r["review_id"] for r in same_day] == [rid]
    assert api.get("/v1/reviews", params={"until": "2000-01-01"}, headers=h).json()["reviews"] == []


def test_openapi_documents_the_review_endpoints(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/v1/reviews", "/v1/reviews/{review_id}", "/v1/reviews/{review_id}/decision",
                 "/v1/reviews/{review_id}/findings/{n}/dismiss", "/v1/reviews/{review_id}/category"):
        assert path in paths, path
    assert ID_NUMBER not in str(paths["/v1/reviews/{review_id}/decision"])


def test_keys_and_secret_values_never_reach_the_sqlite_file(analyzer, tmp_path):
    path = tmp_path / "records.db"
    named = ",".join(f"{name}={key}" for name, key in KEYS.items())
    app = create_app(settings(api_keys=named, database_url=f"sqlite:///{path}"), analyzer=analyzer)
    with TestClient(app) as client:
        rid = client.post("/v1/reviews", json=DRAFT, headers=as_("王编辑")).json()["review_id"]
        client.post(f"/v1/reviews/{rid}/decision", json={"decision": "withhold", "note": "暂缓"}, headers=as_("李审核"))
        client.post(f"/v1/reviews/{rid}/findings/0/dismiss", json={"reason": "误报"}, headers=as_("李审核"))
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("records.db*"))
    assert "李审核".encode() in raw and "暂缓".encode() in raw
    for secret in (*KEYS.values(), ID_NUMBER, MOBILE, "王小明"):
        assert secret.encode() not in raw, secret
