"""The app under a real uvicorn on 127.0.0.1: HTTP over a socket, and the 413 cut-off while streaming."""

from __future__ import annotations

import json
import socket

import httpx
import pytest
from service_helpers import PLAIN_DRAFT, live_server, make_settings

from service.app import create_app


@pytest.fixture(scope="module")
def base_url(analyzer):
    with live_server(create_app(make_settings(max_body_bytes=10_000), analyzer=analyzer)) as url:
        yield url


def test_analyze_over_http(base_url):
    with httpx.Client(base_url=base_url, timeout=30) as client:
        assert client.get("/readyz").status_code == 200
        response = client.post("/v1/analyze", json=PLAIN_DRAFT)
        assert response.status_code == 200 and response.json()["category"] == "finance"
        assert client.get("/").text.startswith("<!doctype html>")


def test_413_arrives_before_the_body_ends(base_url):
    """A chunked upload that never ends: the server answers 413 once 10,000 bytes have come in."""
    port = int(base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b" " * 1_000
        for _ in range(12):  # 12 KB sent, and no terminating 0-length chunk: the body never ends
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        reply = b""
        while b"}}" not in reply:
            data = sock.recv(65536)
            if not data:
                break
            reply += data
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    body = json.loads(reply.split(b"\r\n\r\n", 1)[1].decode("utf-8"))
    assert body["error"]["code"] == "body_too_large" and "10000 字节" in body["error"]["message"]


def test_declared_length_over_the_limit_is_refused_unread(base_url):
    port = int(base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        # Announce 50 MB and send nothing: the answer must not wait for the body.
        sock.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 50000000\r\n\r\n")
        reply = b""
        while b"}}" not in reply:
            data = sock.recv(65536)
            if not data:
                break
            reply += data
    assert reply.startswith(b"HTTP/1.1 413")
    body = json.loads(reply.split(b"\r\n\r\n", 1)[1].decode("utf-8"))
    assert body["error"]["code"] == "body_too_large"
