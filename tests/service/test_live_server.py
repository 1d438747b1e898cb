"""The app under a real uvicorn on 127.0.0.1: HTTP over a socket, and the 413 cut-off while streaming."""

from __future__ import annotations

import json
import logging
import socket
import time

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


# --- partial uploads, hang-ups and keep-alive, on a server with a 1-second body deadline ----------
@pytest.fixture(scope="module")
def strict_url(analyzer):
    with live_server(create_app(make_settings(body_timeout=1.0), analyzer=analyzer), timeout_keep_alive=1) as url:
        yield url


@pytest.fixture()
def server_log():
    """Records the server logs while a test runs (uvicorn's own loggers do not reach the root)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = records.append
    loggers = [logging.getLogger(name) for name in ("uvicorn.error", "uvicorn", "gongkai.service")]
    for logger in loggers:
        logger.addHandler(handler)
    yield records
    for logger in loggers:
        logger.removeHandler(handler)


def no_traceback(records) -> bool:
    return not [r for r in records if r.exc_info or r.levelno >= logging.ERROR]


def read_until_closed(sock, limit: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection, and how long that took."""
    start = time.monotonic()
    sock.settimeout(limit)
    reply = b""
    while True:
        data = sock.recv(65536)
        if not data:
            return reply, time.monotonic() - start
        reply += data


@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/analyze/batch", "/v1/nothing"])
def test_a_partial_upload_is_dropped_after_the_body_deadline(strict_url, server_log, path):
    """Content-Length 100 and only 10 bytes: answered 408 (or the route's error) and closed, not held open."""
    port = int(strict_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"title\":" % path.encode())
        reply, seconds = read_until_closed(sock, 20)
    assert seconds < 5, seconds  # the deadline is 1 s
    if path != "/v1/nothing":
        assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
        body = json.loads(reply.split(b"\r\n\r\n", 1)[1].decode("utf-8"))
        assert body["error"]["code"] == "body_timeout" and "1 秒" in body["error"]["message"]
    assert b"connection: close" in reply.lower()
    assert no_traceback(server_log), [r.getMessage() for r in server_log]


@pytest.mark.parametrize("sent", [b"", b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Le"])
def test_a_connection_without_a_complete_request_head_is_dropped(strict_url, server_log, sent):
    """Nothing, or half a request head: closed after the head deadline (uvicorn's keep-alive timeout, 1 s here)."""
    port = int(strict_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(sent)
        reply, seconds = read_until_closed(sock, 20)
    assert reply == b"" and 0.5 < seconds < 5, seconds
    assert no_traceback(server_log)


def test_a_slow_but_steady_client_on_keep_alive_is_served(strict_url):
    """The head deadline starts again for each request on a keep-alive connection."""
    with httpx.Client(base_url=strict_url, timeout=30) as client:
        for _ in range(3):
            assert client.post("/v1/analyze", json=PLAIN_DRAFT).status_code == 200
            time.sleep(0.6)  # under the 1 s keep-alive timeout, several times over the head deadline in total


def test_a_client_that_hangs_up_mid_body_leaves_no_traceback(strict_url, server_log):
    port = int(strict_url.rsplit(":", 1)[1])
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 1000\r\n\r\n{\"title\": \"")
            time.sleep(0.2)
    time.sleep(0.5)
    with httpx.Client(base_url=strict_url, timeout=30) as client:  # the server is fine afterwards
        assert client.post("/v1/analyze", json=PLAIN_DRAFT).status_code == 200
    assert no_traceback(server_log), [r.getMessage() for r in server_log]


def test_a_lone_surrogate_keeps_the_connection_usable(strict_url, server_log):
    """Two requests on one keep-alive socket: a lone surrogate is a 422, and the next request still works."""
    port = int(strict_url.rsplit(":", 1)[1])

    def request(body: bytes) -> bytes:
        return (b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    def response(sock) -> tuple[int, dict]:
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(1)
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        body = b""
        while len(body) < length:
            body += sock.recv(length - len(body))
        return int(head.split()[1]), json.loads(body)

    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(request(b'{"title": "t", "body": "\\ud800"}'))
        status, body = response(sock)
        assert status == 422 and body["error"]["code"] == "invalid_text"
        sock.sendall(request(json.dumps(PLAIN_DRAFT).encode("utf-8")))
        status, body = response(sock)
        assert status == 200 and body["category"] == "finance"
    assert no_traceback(server_log)
