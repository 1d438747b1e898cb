"""Constants and assertions shared by the service tests (fixtures are in conftest.py)."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from service.settings import Settings

API_KEY = "gk-test-0123456789abcdef"

ID_NUMBER = "11010519491231002X"  # valid GB 11643 check digit
MARKING = "机密★5年"
RISKY_DRAFT = {
    "id": "draft-1",
    "title": "青山县2025年事业单位公开招聘拟聘用人员公示",
    "body": f"{MARKING}\n根据招聘方案，现将拟聘用人员公示如下：张三，身份证号{ID_NUMBER}，报考岗位：综合管理。公示期5个工作日。",
}
PLAIN_DRAFT = {"id": "plain-1", "title": "青山县财政局2025年度部门预算", "body": "一、部门主要职责\n二、部门预算收支情况"}


def make_settings(**overrides) -> Settings:
    """Settings that ignore the environment of the machine running the tests."""
    base = dict(model_dir=None, api_key=None, threshold=None, max_body_bytes=1_000_000, max_batch=100,
                max_chars=200_000, mask_char="*", mask_styles={})
    base.update(overrides)
    return Settings(**base)


def assert_error(response, status: int, code: str, *fragments: str) -> dict:
    """The response is a JSON error with ``status``, ``code`` and a Chinese message containing ``fragments``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code, error
    message = error["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), f"message is not Chinese: {message!r}"
    assert "Traceback" not in message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return error


@contextmanager
def live_server(app, timeout: float = 120.0, **config) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on 127.0.0.1 and a free port; yields the base URL.

    The socket is bound before the server starts, so there is no race for the port. ``config``
    goes to ``uvicorn.Config`` (the server of ``gongkai serve`` by default: its HTTP protocol).
    """
    from service.limits import HttpProtocol

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", **{"http": HttpProtocol, **config}))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()
