"""Throughput of ``gongkai relabel`` on a 100,000-row archive, next to a plain one-record-at-a-time loop.

    python bench/relabel.py [--rows 100000] [--num-proc 1 2] [--loop-sample 2000] [--model DIR]

The archive is built from real text in ../shared/data, repeated and varied: titles from
real/*.jsonl (years, numbers and a few words changed), and for about half the rows a body cut from
the prose of bench/gov_work_reports.jsonl (1-4 paragraphs, up to ~2,000 characters). It is
written as Parquet to a temporary folder (never into the project) and deleted afterwards.

First printed: the cost of reading JSONL and CSV line by line (bad lines become error rows,
encoding detected) next to ``datasets`` reading the same file directly, and with 1% bad lines
(which ``datasets`` alone cannot read at all). ``--reading-only`` stops there.

Then: rows/s of the datasets engine for each --num-proc (each run with an empty datasets
cache, so nothing is answered from cache), the speed-up of the largest over 1 process, and a
plain loop calling ``Analyzer.analyze`` once per record — timed on --loop-sample rows (the full
loop would take minutes) and said so. A rerun with the same model shows what the cache gives.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import tempfile
import time
from pathlib import Path

from common import data_path, read_jsonl

from classifier import Analyzer
from service.batch.relabel import relabel

SWAPS = [("通知", "公告"), ("公示", "公告"), ("工作", "专项工作"), ("实施", "组织实施"), ("关于", "关于进一步")]


def build_archive(rows: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    titles = [r["title"] for rel in ("real/pingtan_dev.jsonl", "real/other_bodies_dev.jsonl")
              for r in read_jsonl(data_path(rel)) if r.get("title")]
    paragraphs = [p.strip() for r in read_jsonl(data_path("bench/gov_work_reports.jsonl"))
                  for p in re.split(r"\n+", r.get("body") or "") if len(p.strip()) >= 20]
    out = []
    for i in range(rows):
        title = rng.choice(titles)
        title = re.sub(r"20\d\d", lambda m: str(rng.randint(2015, 2025)), title)
        if rng.random() < 0.3:
            a, b = rng.choice(SWAPS)
            title = title.replace(a, b, 1)
        if rng.random() < 0.1:
            title += f"（第{rng.randint(1, 40)}期）"
        body = ""
        if rng.random() < 0.5:
            k = rng.randrange(len(paragraphs))
            body = "\n".join(paragraphs[k:k + rng.randint(1, 4)])[: rng.randint(200, 2000)]
        out.append({"id": f"bench-{i:06d}", "title": title, "body": body, "date": f"{rng.randint(2015, 2025)}-01-01"})
    return out


def reading_cost(records: list[dict], tmp: Path) -> None:
    """Seconds to load JSONL/CSV through the line-validating reader vs ``datasets`` alone, side by side."""
    import csv
    import json

    from service.batch.io import load_archive
    from service.batch.reader import open_archive

    names = ["id", "title", "body", "date"]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    files = {"jsonl": tmp / "read.jsonl", "csv": tmp / "read.csv"}
    files["jsonl"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open(files["csv"], "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        w.writerows([r[k] for k in names] for r in records)
    bad = tmp / "read-bad.jsonl"
    bad.write_text("".join(line + "\n" + ("{坏行\n" if i % 100 == 0 else "") for i, line in enumerate(lines)),
                   encoding="utf-8")

    def timed(fn) -> float:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t

    for kind, path in files.items():
        builder = "json" if kind == "jsonl" else "csv"
        scratch = tmp / f"scratch-{kind}"
        scratch.mkdir()
        plain = timed(lambda: load_archive(path, builder, tmp / f"hf-plain-{kind}"))
        ours = timed(lambda: open_archive(path, builder, scratch, cache_dir=tmp / f"hf-ours-{kind}"))
        print(f"读取 {kind}（{len(records)} 行）：datasets 直接读 {plain:.2f} 秒，逐行校验后读 {ours:.2f} 秒"
              f"（{ours / plain:.2f} 倍；每行多 {(ours - plain) / len(records) * 1e6:.0f} 微秒）")
    scratch = tmp / "scratch-bad"
    scratch.mkdir()
    n_bad = len(records) // 100 + 1
    ours = timed(lambda: open_archive(bad, "json", scratch, cache_dir=tmp / "hf-bad"))
    print(f"读取 jsonl，另加 {n_bad} 个坏行：datasets 直接读无法读取；逐行校验后读 {ours:.2f} 秒"
          f"（坏行成为错误行，共 {len(records) + n_bad} 行）\n")


def _burn(n: int) -> int:
    x = 0
    for i in range(n):
        x += i * i
    return x


def available_parallelism(procs: int, n: int = 5_000_000) -> float:
    """Speed-up of ``procs`` processes over one on pure CPU work: what the machine can give right now."""
    import multiprocessing as mp

    t = time.perf_counter()
    for _ in range(procs):
        _burn(n)
    serial = time.perf_counter() - t
    t = time.perf_counter()
    with mp.Pool(procs) as pool:
        pool.map(_burn, [n] * procs)
    return serial / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000, help="存档行数（默认 100000）")
    ap.add_argument("--num-proc", type=int, nargs="+", default=[1, 2], help="要测的进程数（默认 1 2）")
    ap.add_argument("--loop-sample", type=int, default=2000, help="逐条循环基线计时的样本行数（默认 2000）")
    ap.add_argument("--model", default=None, help="模型目录（默认随程序发布的模型）")
    ap.add_argument("--reading-only", action="store_true", help="只测读取（JSONL/CSV 逐行校验的开销）")
    args = ap.parse_args()

    import pyarrow as pa
    import pyarrow.parquet as pq

    analyzer = Analyzer.load(args.model)
    analyzer.warm()
    info = analyzer.model_info
    print(f"模型 {info['name']} {info['version']}；本机 {os.cpu_count()} 个 CPU 核")
    t = time.perf_counter()
    records = build_archive(args.rows)
    chars = sum(len(r["title"]) + len(r["body"]) for r in records)
    with_body = sum(1 for r in records if r["body"])
    tmp = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    try:
        src = tmp / "archive.parquet"
        pq.write_table(pa.Table.from_pylist(records), src)
        print(f"存档：{len(records)} 行（其中 {with_body} 行有正文），共 {chars / 1e6:.1f} 百万字，"
              f"构建 {time.perf_counter() - t:.1f} 秒 -> {src}\n")
        reading_cost(records, tmp)
        if args.reading_only:
            return

        sample = records[: args.loop_sample]
        t = time.perf_counter()
        for r in sample:
            analyzer.analyze(r)
        loop_rate = len(sample) / (time.perf_counter() - t)
        print(f"基线：逐条调用 Analyzer.analyze（单进程），在前 {len(sample)} 行上计时（全量约需 "
              f"{len(records) / loop_rate / 60:.1f} 分钟，未全部运行）：{loop_rate:,.0f} 条/秒")

        rates = {}
        for n in args.num_proc:
            cache = tmp / f"hf-{n}"
            out = tmp / f"out-{n}.parquet"
            before = os.times()
            summary = relabel(src, out, analyzer=analyzer, num_proc=n, cache_dir=cache, progress=False,
                              log=lambda m: None)
            after = os.times()
            cpu = sum(getattr(after, f) - getattr(before, f)
                      for f in ("user", "system", "children_user", "children_system"))
            rates[n] = summary.rows / summary.seconds
            load = os.getloadavg()[0]
            print(f"gongkai relabel --num-proc {n}：{summary.rows} 行 {summary.seconds:.1f} 秒，"
                  f"{rates[n]:,.0f} 条/秒（是逐条循环的 {rates[n] / loop_rate:.1f} 倍；无法分析 {summary.failed} 行）；"
                  f"CPU 时间 {cpu:.1f} 秒，平均实际用到 {cpu / summary.seconds:.2f} 个核，运行后 1 分钟平均负载 {load:.1f}")
        if 1 in rates and len(rates) > 1:
            top = max(rates)
            print(f"加速比：--num-proc {top} 相对 1 为 {rates[top] / rates[1]:.2f} 倍"
                  f"（同一时刻纯 CPU 计算 {top} 进程相对 1 进程的加速比为 {available_parallelism(top):.2f} 倍，即本机此时可用的并行度）")
        n = args.num_proc[-1]
        summary = relabel(src, tmp / "again.parquet", analyzer=analyzer, num_proc=n, cache_dir=tmp / f"hf-{n}",
                          progress=False, log=lambda m: None)
        print(f"同一模型再跑一次（datasets 缓存命中）：{summary.seconds:.1f} 秒")
        print("\n说明：relabel 的用时包括读入、分片写出 Parquet、合并与写出 OUT；每次运行用空缓存目录。"
              "负载明显高于 CPU 核数时，本机另有进程在争用 CPU，多进程的加速比会被压低。")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
