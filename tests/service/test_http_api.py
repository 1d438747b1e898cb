"""Every endpoint of the HTTP API, auth off: shapes of docs/design.md section 3, order, health and docs."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from service_helpers import ID_NUMBER, MARKING, PLAIN_DRAFT, RISKY_DRAFT, assert_error, make_settings

from classifier.categories import CATEGORIES
from service.app import create_app

RESULT_FIELDS = {"id", "category", "category_name", "confidence", "needs_review", "scores", "explanation",
                 "verdict", "findings", "redacted", "model"}


def test_healthz_and_readyz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready" and ready.json()["model"]["name"]


def test_not_ready_before_the_lifespan_has_run(analyzer):
    client = TestClient(create_app(make_settings(), analyzer=analyzer))  # no `with`: lifespan not run
    assert client.get("/healthz").status_code == 200
    assert_error(client.get("/readyz"), 503, "not_ready", "模型尚未加载")
    response = client.post("/v1/analyze", json=PLAIN_DRAFT)
    assert_error(response, 503, "not_ready")
    assert response.headers["retry-after"] == "5"


def test_lifespan_loads_the_configured_model(default_bundle_dir):
    with TestClient(create_app(make_settings(model_dir=default_bundle_dir, threshold=0.9))) as client:
        assert client.get("/readyz").status_code == 200
        assert client.get("/v1/model").json()["threshold"] == 0.9
        assert client.post("/v1/analyze", json=PLAIN_DRAFT).json()["category"] == "finance"
    assert client.app.state.ready is False  # shutdown marks the app not ready


def test_categories(client):
    response = client.get("/v1/categories")
    assert response.status_code == 200
    assert response.json() == [{"code": c, "name": n} for c, n in CATEGORIES.items()]
    assert response.json()[0] == {"code": "institution", "name": "机构信息"}


def test_model(client, analyzer):
    info = client.get("/v1/model").json()
    assert {"name", "version", "trained_at", "threshold", "labels", "metrics", "sha256"} <= set(info)
    assert info["name"] == analyzer.model_info["name"] and info["sha256"] == analyzer.model_info["sha256"]
    assert sorted(info["labels"]) == sorted(CATEGORIES)


def test_analyze_one_record(client, analyzer):
    response = client.post("/v1/analyze", json=PLAIN_DRAFT)
    assert response.status_code == 200
    result = response.json()
    assert RESULT_FIELDS <= set(result)
    assert result["id"] == "plain-1"
    assert result["category"] == "finance" and result["category_name"] == "财政信息"
    assert set(result["scores"]) == set(CATEGORIES)
    assert result["verdict"] in {"publish", "redact", "review", "withhold"}
    assert result == analyzer.analyze(PLAIN_DRAFT)  # the HTTP answer is the library's answer


@pytest.mark.parametrize("record", [
    {"title": "青山县财政局2025年度部门预算"},                       # title only
    {"body": "青山县财政局2025年度部门预算。一、部门主要职责"},          # body only
    {"title": "", "text": "青山县财政局2025年度部门预算。"},           # text is an alias of body
    {"id": 42, "title": "青山县财政局2025年度部门预算"},              # a numeric id comes back as text
])
def test_analyze_accepts_the_record_variants(client, record):
    response = client.post("/v1/analyze", json=record)
    assert response.status_code == 200, response.text
    assert response.json()["category"] == "finance"
    assert response.json()["id"] == (None if "id" not in record else str(record["id"]))


def test_analyze_reports_findings_with_offsets(client, risk_wired):
    result = client.post("/v1/analyze", json=RISKY_DRAFT).json()
    assert result["verdict"] == "withhold"  # a secrecy marking outweighs everything
    by_type = {f["type"]: f for f in result["findings"]}
    id_card = next(f for f in result["findings"] if f["text"] == ID_NUMBER)
    body = RISKY_DRAFT["body"]
    assert body[id_card["start"]:id_card["end"]] == ID_NUMBER
    assert id_card["ground"] == "privacy" and id_card["action"] == "redact" and id_card["field"] == "body"
    assert any(f["ground"] == "state_secret" and MARKING in f["text"] for f in by_type.values())
    assert result["redacted"] is None  # withheld: nothing of it is publishable


def test_batch_keeps_order_and_ids(client, analyzer):
    records = [{"id": str(i), "title": t} for i, t in enumerate(
        ["青山县财政局2025年度部门预算", "青山县2025年事业单位公开招聘公告", "青山县人民政府办公室关于印发某某办法的通知"])]
    response = client.post("/v1/analyze/batch", json=records)
    assert response.status_code == 200
    results = response.json()
    assert [r["id"] for r in results] == ["0", "1", "2"]
    assert results == analyzer.analyze_many(records)
    assert results[0]["category"] == "finance"


def test_batch_limit_is_configurable(make_client):
    client = make_client(max_batch=3)
    assert client.post("/v1/analyze/batch", json=[PLAIN_DRAFT] * 3).status_code == 200
    assert_error(client.post("/v1/analyze/batch", json=[PLAIN_DRAFT] * 4), 422, "batch_too_large", "最多检查 3 条", "4 条")


def test_redact_returns_the_deidentified_record(client):
    response = client.post("/v1/redact", json=PLAIN_DRAFT)
    assert response.status_code == 200
    assert response.json() == {"id": "plain-1", "title": PLAIN_DRAFT["title"], "body": PLAIN_DRAFT["body"],
                               "verdict": "publish"}


def test_redact_masks_the_id_number(client, risk_wired):
    draft = {**RISKY_DRAFT, "body": RISKY_DRAFT["body"].replace(MARKING, "")}
    out = client.post("/v1/redact", json=draft).json()
    assert set(out) == {"id", "title", "body", "verdict"}
    assert ID_NUMBER not in out["body"] and ID_NUMBER[:4] in out["body"] and "*" in out["body"]
    assert out["verdict"] == "redact"


def test_redact_offers_nothing_for_a_withheld_draft(client, risk_wired):
    out = client.post("/v1/redact", json=RISKY_DRAFT).json()
    assert out["verdict"] == "withhold" and out["title"] is None and out["body"] is None


def test_openapi_has_chinese_descriptions_and_examples(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/v1/analyze", "/v1/analyze/batch", "/v1/redact", "/v1/categories", "/v1/model",
                                  "/healthz", "/readyz", "/v1/check-file", "/v1/redact-file", "/v1/reviews", "/v1/reviews/{review_id}",
                                  "/v1/reviews/{review_id}/decision", "/v1/reviews/{review_id}/findings/{n}/dismiss",
                                  "/v1/reviews/{review_id}/category"}
    analyze = spec["paths"]["/v1/analyze"]["post"]
    assert "公开类别" in analyze["description"]
    body = analyze["requestBody"]["content"]["application/json"]
    assert body["examples"] and {"title", "body", "id"} <= set(body["schema"]["properties"])
    assert {"200", "400", "413", "422"} <= set(analyze["responses"])
    assert "AnalysisOut" in spec["components"]["schemas"]
    assert "中文" in spec["components"]["schemas"]["ErrorDetail"]["properties"]["message"]["description"]
    assert "securitySchemes" not in spec.get("components", {})  # auth off: no key documented
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static-docs/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()  # Swagger UI is served by the app (works offline)
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200


def test_large_batch_body_is_parsed_off_the_event_loop(client):
    records = [{"id": str(i), "title": "青山县财政局2025年度部门预算", "body": "部门预算收支情况。" * 300} for i in range(30)]
    response = client.post("/v1/analyze/batch", json=records)  # ~250 KB: above the inline-parse size
    assert response.status_code == 200
    assert [r["id"] for r in response.json()] == [str(i) for i in range(30)]
