"""API-key auth: on when GONGKAI_API_KEY is set, for /v1/* only; X-API-Key or Authorization: Bearer."""

from __future__ import annotations

import pytest
from service_helpers import API_KEY, PLAIN_DRAFT, assert_error

V1 = [("post", "/v1/analyze", PLAIN_DRAFT), ("post", "/v1/analyze/batch", [PLAIN_DRAFT]),
      ("post", "/v1/redact", PLAIN_DRAFT), ("get", "/v1/categories", None), ("get", "/v1/model", None)]


def call(client, method, path, payload, headers=None):
    if method == "post":
        return client.post(path, json=payload, headers=headers or {})
    return client.get(path, headers=headers or {})


@pytest.mark.parametrize("method, path, payload", V1)
def test_v1_needs_the_key(auth_client, method, path, payload):
    response = call(auth_client, method, path, payload)
    assert_error(response, 401, "unauthorized", "需要 API 密钥", "X-API-Key")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("method, path, payload", V1)
@pytest.mark.parametrize("headers", [
    {"X-API-Key": API_KEY},
    {"Authorization": f"Bearer {API_KEY}"},
    {"authorization": f"bearer {API_KEY}"},                       # scheme and header names are case-insensitive
    {"X-API-Key": "wrong", "Authorization": f"Bearer {API_KEY}"},  # either header may carry it
], ids=["x-api-key", "bearer", "bearer-lowercase", "one-of-two"])
def test_v1_accepts_the_key(auth_client, method, path, payload, headers):
    assert call(auth_client, method, path, payload, headers).status_code == 200


@pytest.mark.parametrize("headers", [
    {"X-API-Key": "wrong-key"},
    {"Authorization": "Bearer wrong-key"},
    {"Authorization": "Basic " + "dXNlcjpwYXNz"},   # not a bearer token
    {"X-API-Key": API_KEY[:-1]},                    # a prefix of the key
    {"X-API-Key": API_KEY + "x"},                   # the key and more
    {"X-API-Key": ""},
])
def test_wrong_keys_are_refused(auth_client, headers):
    response = auth_client.post("/v1/analyze", json=PLAIN_DRAFT, headers=headers)
    assert_error(response, 401, "unauthorized")


def test_auth_is_checked_before_the_body(auth_client):
    # An anonymous caller learns nothing about the body: bad JSON still answers 401.
    assert_error(auth_client.post("/v1/analyze", content=b"{not json"), 401, "unauthorized")


@pytest.mark.parametrize("path", ["/", "/healthz", "/readyz", "/static/app.js", "/static/app.css", "/openapi.json"])
def test_page_health_and_docs_stay_open(auth_client, path):
    assert auth_client.get(path).status_code == 200


def test_openapi_documents_both_ways_to_send_the_key(auth_client):
    spec = auth_client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["X-API-Key"] == {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                    "description": schemes["X-API-Key"]["description"]}
    assert schemes["Bearer"]["scheme"] == "bearer"
    assert spec["paths"]["/v1/analyze"]["post"]["security"]
    assert "security" not in spec["paths"]["/healthz"]["get"]


def test_auth_off_needs_no_key(client):
    assert client.post("/v1/analyze", json=PLAIN_DRAFT).status_code == 200
    assert client.get("/v1/model", headers={"X-API-Key": "anything"}).status_code == 200


def test_a_non_ascii_key_works(make_client):
    client = make_client(api_key="公开-密钥")
    assert client.get("/v1/model", headers={"X-API-Key": "公开-密钥".encode("utf-8")}).status_code == 200
    assert_error(client.get("/v1/model", headers={"X-API-Key": "公开-密".encode("utf-8")}), 401, "unauthorized")


def test_empty_api_key_setting_means_auth_off(make_client):
    client = make_client(api_key="  ")
    assert client.app.state.settings.auth_enabled is False
    assert client.post("/v1/analyze", json=PLAIN_DRAFT).status_code == 200
