"""Two server processes on one database: 50 concurrent decisions, none lost; a restart keeps everything.

Each process is a real ``gongkai serve`` (uvicorn, its own model and connection pool); requests
alternate between them, so the two write into the same tables at the same time.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
from tests.reviews.conftest import DRAFT, PLAIN

KEYS = "王编辑=gk-conc-wang-0001,李审核=gk-conc-li-0002"
HEADERS = [{"X-API-Key": "gk-conc-wang-0001"}, {"X-API-Key": "gk-conc-li-0002"}]
DECISIONS = 50


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def servers(database_url: str, count: int, timeout: float = 180.0):
    """``count`` ``gongkai serve`` processes on one database; yields their base URLs once all are ready."""
    env = os.environ | {"GONGKAI_DATABASE_URL": database_url, "GONGKAI_API_KEYS": KEYS, "GONGKAI_THREADS": "8"}
    env.pop("GONGKAI_API_KEY", None)
    procs, urls = [], []
    try:
        for _ in range(count):
            port = free_port()
            procs.append(subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port),
                                           "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL))
            urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + timeout
        for proc, url in zip(procs, urls):
            while True:
                assert proc.poll() is None, f"server {url} exited with {proc.returncode}"
                try:
                    if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, f"server {url} not ready in {timeout} s"
                time.sleep(0.2)
        yield urls
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_fifty_concurrent_decisions_on_two_workers_none_lost_and_a_restart_keeps_them(database_url):
    with servers(database_url, 2) as urls:
        def decide(i: int) -> httpx.Response:
            return httpx.post(f"{urls[i % 2]}/v1/reviews/{rid}/decision", timeout=120, headers=HEADERS[i % 2],
                              json={"decision": ("redact", "withhold")[i % 2], "note": f"第{i}号决定"})

        def create(i: int) -> httpx.Response:
            draft = DRAFT if i == 0 else PLAIN | {"id": f"conc-{i}"}
            return httpx.post(f"{urls[i % 2]}/v1/reviews", json=draft, headers=HEADERS[i % 2], timeout=120)

        with ThreadPoolExecutor(DECISIONS) as pool:
            # The database is empty: both processes create and migrate it at once, on their first request.
            created = list(pool.map(create, range(20)))
            assert created[0].status_code == 200, created[0].text
            rid = created[0].json()["review_id"]
            decided = list(pool.map(decide, range(DECISIONS)))
        assert [r.status_code for r in decided] == [200] * DECISIONS, [r.text for r in decided if r.status_code != 200]
        assert [r.status_code for r in created] == [200] * 20, [r.text for r in created if r.status_code != 200]
        event_ids = [r.json()["event_id"] for r in decided]
        assert len(set(event_ids)) == DECISIONS
        assert len({r.json()["review_id"] for r in created}) == 20

        review = httpx.get(f"{urls[1]}/v1/reviews/{rid}", headers=HEADERS[1], timeout=60).json()
        notes = sorted(e["note"] for e in review["events"] if e["kind"] == "decision")
        assert notes == sorted(f"第{i}号决定" for i in range(DECISIONS))
        assert {e["by"] for e in review["events"]} == {"王编辑", "李审核"}
        before_restart = review

    with servers(database_url, 1) as (url,):  # everything is still there after a restart
        after = httpx.get(f"{url}/v1/reviews/{rid}", headers=HEADERS[0], timeout=60).json()
        assert after == before_restart
        listed = httpx.get(f"{url}/v1/reviews", params={"limit": 500}, headers=HEADERS[0], timeout=60).json()
        assert len(listed["reviews"]) == 20
