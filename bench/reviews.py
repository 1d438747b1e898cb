"""Added latency of keeping a review: ``POST /v1/reviews`` next to ``POST /v1/analyze``, on SQLite and PostgreSQL.

    python bench/reviews.py [--requests 400] [--postgres postgresql+psycopg://user@host/db]

The app runs in this process (``TestClient``: the whole ASGI stack, no network). For each backend
the same drafts go to ``/v1/analyze`` and to ``/v1/reviews`` alternately (in turn first and second),
one request at a time, so both see the same machine load; the difference is the database write (the lookup of an earlier
review of the record id, one insert, the commit). Reported: p50/p99 of each endpoint and of the
per-pair difference, and the ratio. Goal: ≤ 2 ms added at p50.

SQLite is a file in a temporary folder (WAL, ``synchronous=NORMAL``). PostgreSQL is the server at
``--postgres`` or ``GONGKAI_TEST_POSTGRES_URL`` (a new database is created and dropped there), or,
when neither is given and the Debian ``postgresql`` package is installed, a throw-away cluster
started for the run (default settings, so commits are fsync'ed). A third row runs PostgreSQL
with ``synchronous_commit=off`` to show how much of the added time is the WAL flush of the disk.

Drafts are invented (a personnel notice with an ID number, a mobile number and a name, in several
lengths), so the benchmark runs without ../shared.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import common  # noqa: F401 - puts the repository on sys.path

GOAL_P50_MS = 2.0
TIMER = None


def drafts(n: int) -> list[dict]:
    filler = "根据工作安排，现将有关事项通知如下。各单位要高度重视，认真组织实施，确保按时完成各项任务。"
    return [{"id": f"bench-{i}", "title": f"青山县2025年第{i % 40}批事业单位拟聘用人员公示",
             "body": filler * (1 + i % 8) + f"拟聘用人员：王小明，身份证号11010519491231002X，联系电话1391234{i % 10000:04d}。"}
            for i in range(n)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@contextmanager
def temporary_postgres() -> Iterator[str | None]:
    """A throw-away PostgreSQL cluster from the Debian package; None when it is not installed."""
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        yield None
        return
    bindir = Path(bins[-1]).parent
    folder = tempfile.mkdtemp(prefix="gongkai-bench-pg.")
    run_as = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = f"{folder}/data"
    subprocess.run(run_as + [str(bindir / "initdb"), "-D", data, "-A", "trust", "-U", "gongkai", "-E", "UTF8"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", data, "-l", f"{folder}/log", "-w", "-o",
                             f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"],
                   check=True, stdout=subprocess.DEVNULL)
    try:
        yield f"postgresql+psycopg://gongkai@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", data, "-m", "fast", "stop"], stdout=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"gk_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class TimedStore:
    """Wraps ``ReviewStore.create`` to time the database write inside each ``POST /v1/reviews``."""

    def __init__(self):
        from service.reviews.store import ReviewStore

        self.times: list[float] = []
        self.original = ReviewStore.create
        timer = self

        def create(store, *args, **kwargs):
            t0 = time.perf_counter()
            try:
                return timer.original(store, *args, **kwargs)
            finally:
                timer.times.append((time.perf_counter() - t0) * 1000)

        ReviewStore.create = create


def measure(analyzer, database_url: str, records: list[dict], warmup: int) -> dict:
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    settings = Settings(database_url=database_url, api_key=None, api_keys=None, api_keys_file=None)
    analyze, review = [], []
    with TestClient(create_app(settings, analyzer=analyzer)) as client:
        for i, record in enumerate(records):
            timed = {}
            for path in (("/v1/analyze", "/v1/reviews") if i % 2 else ("/v1/reviews", "/v1/analyze")):  # ABBA
                t0 = time.perf_counter()
                response = client.post(path, json=record)
                timed[path] = (time.perf_counter() - t0) * 1000
                assert response.status_code == 200, response.text
            if i >= warmup:
                analyze.append(timed["/v1/analyze"])
                review.append(timed["/v1/reviews"])
        kept = client.get("/v1/reviews", params={"limit": 1}).json()["reviews"][0]["review_id"]
    assert kept == len(records), kept  # every request was kept
    added = [r - a for a, r in zip(analyze, review)]
    return {"analyze": analyze, "review": review, "added": added, "store": TIMER.times[-len(records):][warmup:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400, help="pairs of requests per backend (default 400)")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--postgres", default=os.environ.get("GONGKAI_TEST_POSTGRES_URL"),
                        help="a PostgreSQL server (any database; a new one is created and dropped)")
    args = parser.parse_args()

    from classifier import Analyzer

    global TIMER
    TIMER = TimedStore()
    analyzer = Analyzer.load()
    analyzer.warm()
    records = drafts(args.requests + args.warmup)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = measure(analyzer, f"sqlite:///{folder}/reviews.db", records, args.warmup)
    server = temporary_postgres() if not args.postgres else _given(args.postgres)
    with server as server_url:
        if server_url is None:
            print("PostgreSQL：未安装 postgresql 软件包，也没有给出 --postgres，跳过。")
        else:
            with fresh_database(server_url) as url:
                results["PostgreSQL"] = measure(analyzer, url, records, args.warmup)
            # The same server with commits acknowledged before the WAL is flushed: shows how much of the
            # added time is the disk's flush (a DBA's choice; a server crash may then lose the last commits).
            with fresh_database(server_url) as url:
                sep = "&" if "?" in url else "?"
                results["PG 异步提交"] = measure(analyzer, url + sep + "options=-c%20synchronous_commit%3Doff",
                                             records, args.warmup)

    print(f"\n{args.requests} 对请求（预热 {args.warmup} 对），同一进程、逐个发送，毫秒：")
    print(f"{'后端':<10}{'analyze p50':>12}{'p99':>8}{'reviews p50':>13}{'p99':>8}{'增加 p50':>10}{'p99':>8}"
          f"{'p50 比值':>10}{'其中写库 p50':>13}{'p99':>8}")
    for name, r in results.items():
        a50, a99 = percentile(r["analyze"], .5), percentile(r["analyze"], .99)
        r50, r99 = percentile(r["review"], .5), percentile(r["review"], .99)
        d50, d99 = percentile(r["added"], .5), percentile(r["added"], .99)
        s50, s99 = percentile(r["store"], .5), percentile(r["store"], .99)
        print(f"{name:<10}{a50:>12.2f}{a99:>8.2f}{r50:>13.2f}{r99:>8.2f}{d50:>10.2f}{d99:>8.2f}{r50 / a50:>10.2f}"
              f"{s50:>13.2f}{s99:>8.2f}  {'达到' if d50 <= GOAL_P50_MS else '未达到'}目标（增加 p50 ≤ {GOAL_P50_MS:g} ms）")
    print("增加 = 每对请求中 reviews 与 analyze 之差；写库 = 请求内 ReviewStore.create 的用时（查前次审查、插入、提交）。"
          "\n机器繁忙时两次请求之差波动大，写库用时更稳定。")


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


if __name__ == "__main__":
    main()
