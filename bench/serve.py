"""Throughput and latency of the HTTP service (one uvicorn worker) next to the in-process Analyzer.

    python bench/serve.py [--model DIR] [--levels 1,2,4,8,16,32] [--requests 300] [--seconds 8]

Drafts are 2,000-character pieces of ../shared/data/bench/gov_work_reports.jsonl (real prose),
each with its report's title. The server runs as a subprocess (``gongkai serve``, 1 worker,
127.0.0.1); the load comes from httpx clients in threads,
one keep-alive connection each, at increasing concurrency (closed loop: each client sends its
next request when the previous answer arrives), each level bounded by a request count and a
time limit. The same levels are run in this process against ``Analyzer.analyze`` from a thread
pool, as the baseline. Then an open-loop run at half of the server's saturation throughput
(requests sent on a fixed schedule; latency counted from the scheduled time, so queueing is not
hidden) gives the p99 to compare with the goal: ≤ 20 ms for one worker.

Client and server share the machine's cores, so the HTTP figures include the client's CPU.

``--scenario hostile`` (also part of ``all``, the default) measures what hostile clients do to
normal ones. Normal load: ``--clients`` closed-loop clients posting the drafts above. Beside it,
two hostile batches (each 100 records of 9,900 characters of ``"1 "``, just under the 1 MB body
limit), posted at once, and 50 partial uploads (half announce ``Content-Length: 100`` and send
10 bytes, half send half a request head; then silence). Figures: normal p99 with the hostile load over normal p99 alone (just before and just
after it; goal ≤ 3×), how long the server takes to drop the partial uploads (goal ≤ 10 s), and tracebacks in the
server's log (goal 0). Run side by side on two servers: admission by cost as shipped, and the
baseline with it switched off (``GONGKAI_HEAVY_CHARS`` larger than any request: every request
shares one thread pool, as before).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from common import ROOT, data_path, read_jsonl

import httpx

from classifier import Analyzer

DRAFT_CHARS = 2_000
GOAL_P99_MS = 20.0


def drafts(limit: int) -> list[dict]:
    """Up to ``limit`` drafts of 2,000 characters, taken round-robin over the reports."""
    reports = read_jsonl(data_path("bench/gov_work_reports.jsonl"))
    pieces = [[{"id": f"{r['id']}-{i}", "title": r["title"], "body": r["body"][i:i + DRAFT_CHARS]}
               for i in range(0, len(r["body"]) - DRAFT_CHARS + 1, DRAFT_CHARS)] for r in reports]
    out: list[dict] = []
    for depth in range(max(map(len, pieces))):
        out.extend(p[depth] for p in pieces if depth < len(p))
        if len(out) >= limit:
            break
    return out[:limit]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


class Stats:
    def __init__(self, latencies: list[float], elapsed: float, errors: int = 0):
        self.latencies, self.elapsed, self.errors = latencies, elapsed, errors

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def ms(self, q: float) -> float:
        return percentile(self.latencies, q) * 1000


def closed_loop(call, items: list[dict], concurrency: int, requests: int, seconds: float,
                stop: threading.Event | None = None) -> Stats:
    """``concurrency`` workers, each calling ``call(worker, item)`` back to back until the budget is spent
    (or ``stop`` is set)."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    counter = [0]
    deadline = time.perf_counter() + seconds

    def worker(w: int) -> None:
        while time.perf_counter() < deadline and not (stop and stop.is_set()):
            with lock:
                n = counter[0]
                if n >= requests:
                    return
                counter[0] += 1
            t = time.perf_counter()
            ok = call(w, items[n % len(items)])
            dt = time.perf_counter() - t
            with lock:
                if ok:
                    latencies.append(dt)
                else:
                    errors[0] += 1

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Stats(latencies, time.perf_counter() - start, errors[0])


def open_loop(call, items: list[dict], rate: float, requests: int, seconds: float, pool: int = 64) -> Stats:
    """Send at a fixed ``rate`` per second; latency runs from each request's scheduled time."""
    total = max(1, min(requests, int(rate * seconds)))
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def send(n: int, scheduled: float) -> None:
        ok = call(n % pool, items[n % len(items)])  # httpx clients are thread-safe if two share one
        dt = time.perf_counter() - scheduled
        with lock:
            if ok:
                latencies.append(dt)
            else:
                errors[0] += 1

    start = time.perf_counter() + 0.05
    with ThreadPoolExecutor(max_workers=pool) as ex:
        for n in range(total):
            scheduled = start + n / rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            ex.submit(send, n, scheduled)
    return Stats(latencies, time.perf_counter() - start, errors[0])


# --- the server --------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, model: str | None, env_extra: dict[str, str] | None = None,
                 log=None) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("GONGKAI_API_KEY", None)
    if model:
        env["GONGKAI_MODEL_DIR"] = model
    env.update(env_extra or {})
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "service.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", "1", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"服务启动失败（退出码 {proc.returncode}）。")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    sys.exit("服务在 180 秒内没有就绪。")


# --- hostile clients beside normal load ---------------------------------------------------------------
HOSTILE_BATCHES = 2
HOSTILE_RECORDS = 100
HOSTILE_CHARS = 9_900
PARTIAL_UPLOADS = 50
GOAL_RATIO = 3.0
GOAL_DROP_SECONDS = 10.0
BASELINE_HEAVY_CHARS = "100000000"
"""GONGKAI_HEAVY_CHARS for the baseline: larger than any request, so admission by cost never applies."""


def hostile_batch() -> bytes:
    """100 records of 9,900 characters of "1 " (a digit/space run), as one JSON body under 1 MB."""
    records = [{"id": f"h{i}", "title": "1", "body": "1 " * (HOSTILE_CHARS // 2)} for i in range(HOSTILE_RECORDS)]
    return json.dumps(records).encode("utf-8")


PARTIAL_BODY = b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":1"
"""Announces 100 bytes of body and sends 10."""
PARTIAL_HEAD = b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Le"
"""Half a request head."""


def partial_upload(port: int, sent: bytes, limit: float = 60.0) -> float:
    """Send ``sent`` and go silent: seconds until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as sock:
        sock.sendall(sent)
        start = time.perf_counter()
        try:
            while sock.recv(65536):
                pass
        except OSError:  # timeout: still held open after ``limit`` seconds
            return float("inf")
        return time.perf_counter() - start


def hostile_run(name: str, env_extra: dict[str, str], items: list[dict], args) -> dict:
    """Normal load alone, then the same load beside two hostile batches and the partial uploads."""
    port = free_port()
    with tempfile.TemporaryFile("w+b") as log:
        proc = start_server(port, args.model, env_extra, log)
        base = f"http://127.0.0.1:{port}"
        clients = [httpx.Client(base_url=base, timeout=300) for _ in range(args.clients)]

        def post(w: int, item: dict) -> bool:
            return clients[w].post("/v1/analyze", json=item).status_code == 200

        batch = hostile_batch()
        batch_seconds: list[float] = []
        batch_ok: list[bool] = []

        def send_batch() -> None:
            with httpx.Client(base_url=base, timeout=600) as client:
                t = time.perf_counter()
                response = client.post("/v1/analyze/batch", content=batch,
                                       headers={"Content-Type": "application/json"})
                batch_seconds.append(time.perf_counter() - t)
                batch_ok.append(response.status_code == 200 and len(response.json()) == HOSTILE_RECORDS)

        try:
            for w in range(args.clients):
                post(w, items[w % len(items)])
            before = closed_loop(post, items, args.clients, 10 ** 9, args.hostile_seconds)
            done = threading.Event()
            with ThreadPoolExecutor(max_workers=HOSTILE_BATCHES + PARTIAL_UPLOADS) as ex:
                uploads = [ex.submit(partial_upload, port, PARTIAL_HEAD if i % 2 else PARTIAL_BODY)
                           for i in range(PARTIAL_UPLOADS)]
                batches = [ex.submit(send_batch) for _ in range(HOSTILE_BATCHES)]
                ex.submit(lambda: ([b.result() for b in batches], done.set()))
                loaded = closed_loop(post, items, args.clients, 10 ** 9, args.hostile_limit, stop=done)
                drops = [u.result() for u in uploads]
            after = closed_loop(post, items, args.clients, 10 ** 9, args.hostile_seconds)
            # normal load alone = before and after the hostile phase, so a passing disturbance on a
            # shared machine weighs less on the reference
            alone = Stats(before.latencies + after.latencies, before.elapsed + after.elapsed,
                          before.errors + after.errors)
        finally:
            for c in clients:
                c.close()
            proc.terminate()
            proc.wait(30)
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    return {"name": name, "alone": alone, "loaded": loaded, "batches": batch_seconds, "batch_ok": batch_ok,
            "drops": drops, "tracebacks": text.count("Traceback"), "errors_logged": text.count("ERROR")}


def print_hostile(runs: list[dict], clients: int) -> None:
    print(f"\n敌意负载：{HOSTILE_BATCHES} 个批量请求（各 {HOSTILE_RECORDS} 条 × {HOSTILE_CHARS} 字的 \"1 \"）"
          f"和 {PARTIAL_UPLOADS} 个只发一半的连接（一半停在请求体，一半停在请求头），与 {clients} 个普通客户端（闭环）同时运行")
    print(f"{'配置':<26} | {'普通 p99 单独':>12} {'普通 p99 同时':>12} {'比值':>6} | {'请求/秒 单独':>11} {'同时':>6} | "
          f"{'批量耗时 秒':>12} | {'半截上传断开 最长秒':>18} | {'Traceback':>9}")
    for run in runs:
        alone, loaded = run["alone"], run["loaded"]
        ratio = loaded.ms(0.99) / alone.ms(0.99)
        batches = "、".join(f"{s:.1f}" for s in sorted(run["batches"])) + ("" if all(run["batch_ok"]) else "（失败）")
        drop = max(run["drops"])
        print(f"{run['name']:<26} | {alone.ms(0.99):>12.1f} {loaded.ms(0.99):>12.1f} {ratio:>5.2f}× | "
              f"{alone.rps:>11.1f} {loaded.rps:>6.1f} | {batches:>12} | {drop:>18.2f} | {run['tracebacks']:>9}")
    shipped = runs[0]
    ratio = shipped["loaded"].ms(0.99) / shipped["alone"].ms(0.99)
    drop = max(shipped["drops"])
    print(f"目标（按成本准入）：p99 比值 ≤ {GOAL_RATIO:g}×：{'达到' if ratio <= GOAL_RATIO else '未达到'}（{ratio:.2f}×）；"
          f"半截上传 ≤ {GOAL_DROP_SECONDS:g} 秒内断开：{'达到' if drop <= GOAL_DROP_SECONDS else '未达到'}（{drop:.2f} 秒）；"
          f"日志无 Traceback：{'达到' if shipped['tracebacks'] == 0 else '未达到'}（{shipped['tracebacks']} 个）")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="模型目录（默认随程序发布的模型）")
    ap.add_argument("--scenario", choices=["all", "levels", "hostile"], default="all",
                    help="levels：各并发级别的吞吐与延迟；hostile：敌意负载；all：两者（默认）")
    ap.add_argument("--levels", default="1,2,4,8,16,32", help="并发级别，逗号分隔")
    ap.add_argument("--requests", type=int, default=300, help="每个级别最多的请求数（默认 300）")
    ap.add_argument("--seconds", type=float, default=8.0, help="每个级别最长的时间（秒，默认 8）")
    ap.add_argument("--drafts", type=int, default=300, help="使用的草稿数（默认 300）")
    ap.add_argument("--clients", type=int, default=10, help="敌意负载时的普通客户端数（默认 10）")
    ap.add_argument("--hostile-seconds", type=float, default=10.0,
                    help="普通负载在敌意负载之前、之后各单独运行的秒数（默认 10）")
    ap.add_argument("--hostile-limit", type=float, default=300.0,
                    help="与敌意负载同时运行的最长秒数（默认 300；批量请求完成即停）")
    args = ap.parse_args()
    levels = [int(x) for x in args.levels.split(",")]

    items = drafts(args.drafts)
    print(f"草稿 {len(items)} 篇，每篇正文 {DRAFT_CHARS} 字（gov_work_reports.jsonl），"
          f"每级最多 {args.requests} 个请求或 {args.seconds:g} 秒；CPU 核数 {os.cpu_count()}")
    if args.scenario in ("all", "hostile"):
        runs = [hostile_run("按成本准入（默认设置）", {}, items, args),
                hostile_run("基线：不分大小（同一线程池）", {"GONGKAI_HEAVY_CHARS": BASELINE_HEAVY_CHARS}, items, args)]
        print_hostile(runs, args.clients)
    if args.scenario == "hostile":
        return

    analyzer = Analyzer.load(args.model).warm()
    for item in items[:20]:
        analyzer.analyze(item)
    local = {c: closed_loop(lambda w, it: bool(analyzer.analyze(it)), items, c, args.requests, args.seconds)
             for c in levels}

    port = free_port()
    proc = start_server(port, args.model)
    base = f"http://127.0.0.1:{port}"
    clients = [httpx.Client(base_url=base, timeout=60) for _ in range(max(max(levels), 64))]

    def post(w: int, item: dict) -> bool:
        return clients[w].post("/v1/analyze", json=item).status_code == 200

    try:
        for w in range(max(levels)):
            post(w, items[w % len(items)])  # open the connections, warm the server
        remote = {c: closed_loop(post, items, c, args.requests, args.seconds) for c in levels}
        saturation = max(s.rps for s in remote.values())
        half = open_loop(post, items, saturation / 2, args.requests, args.seconds)
    finally:
        for c in clients:
            c.close()
        proc.terminate()
        proc.wait(30)

    print(f"\n{'并发':>4} | {'HTTP 请求/秒':>12} {'p50 ms':>8} {'p99 ms':>8} {'错误':>4} | "
          f"{'进程内 请求/秒':>14} {'p50 ms':>8} {'p99 ms':>8}")
    for c in levels:
        r, l = remote[c], local[c]
        print(f"{c:>4} | {r.rps:>12.1f} {r.ms(0.5):>8.1f} {r.ms(0.99):>8.1f} {r.errors:>4} | "
              f"{l.rps:>14.1f} {l.ms(0.5):>8.1f} {l.ms(0.99):>8.1f}")
    local_sat = max(s.rps for s in local.values())
    print(f"\n饱和吞吐：HTTP {saturation:.1f} 请求/秒，进程内 {local_sat:.1f} 请求/秒（HTTP 为进程内的 "
          f"{saturation / local_sat:.0%}）")
    verdict = "达到" if half.ms(0.99) <= GOAL_P99_MS else "未达到"
    print(f"半饱和负载（开环，{saturation / 2:.1f} 请求/秒，{len(half.latencies)} 个请求，错误 {half.errors}）："
          f"p50 {half.ms(0.5):.1f} ms，p99 {half.ms(0.99):.1f} ms —— 目标 p99 ≤ {GOAL_P99_MS:g} ms：{verdict}")
    single = local[1] if 1 in local else None
    if single:
        print(f"参照：进程内单线程 Analyzer.analyze p50 {single.ms(0.5):.1f} ms，p99 {single.ms(0.99):.1f} ms")


if __name__ == "__main__":
    main()
