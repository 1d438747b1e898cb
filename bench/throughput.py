"""Throughput of the full analysis against segmentation alone, on one core.

    python bench/throughput.py [--docs 300] [--model DIR]

On the same texts — 2,000-character drafts cut from ../shared/data/bench/gov_work_reports.jsonl, and the
real titles of ../shared/data/real — prints docs/s and MB/s for:
  1. ``jieba.lcut`` alone (the anchor: the analysis should cost no more than segmenting);
  2. a plain jieba + TF-IDF + LinearSVC pipeline (trained here on our corpus);
  3. gongkai's full ``Analyzer.analyze_many`` (category, risk review, de-identified text);
and the ratios, then start-up time to a ready Analyzer, model size, resident memory of a ready
worker, single-draft p50/p99 latency of ``Analyzer.analyze``, and accuracy on ../shared/data/real.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from common import ROOT, data_path, read_jsonl

STARTUP_SNIPPET = """
import os, time
t0 = time.perf_counter()
from classifier import Analyzer
a = Analyzer.load({model!r}).warm()
t1 = time.perf_counter()
print(t1 - t0, int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024)
"""
# Current resident size (VmRSS) of the ready process: ru_maxrss would count pages of the parent
# that were resident when it forked this child.


def one_core() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def drafts(n: int, size: int = 2000) -> list[str]:
    text = "".join(r.get("body") or "" for r in read_jsonl(data_path("bench/gov_work_reports.jsonl")))
    step = max(size, (len(text) - size) // n)
    return [text[i : i + size] for i in range(0, step * n, step)][:n]


def interleaved(methods: dict, rounds: int = 3) -> dict[str, float]:
    """Best time of each method over ``rounds`` rounds that run the methods in turn.

    Interleaving puts every method under the same background load of this shared machine, so the
    ratios between them hold even when the absolute times drift.
    """
    best = {name: float("inf") for name in methods}
    for _ in range(rounds):
        for name, (fn, items) in methods.items():
            t = time.perf_counter()
            fn(items)
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def plain_pipeline(jieba_tokenizer):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    from training.data import load_labelled

    records = load_labelled()
    texts = [f"{r['title']}\n{r['body']}" for r in records]
    vec = TfidfVectorizer(tokenizer=jieba_tokenizer.lcut, token_pattern=None, lowercase=False)
    return make_pipeline(vec, LinearSVC()).fit(texts, [r["label"] for r in records])


def startup(model: str | None) -> tuple[float, float]:
    snippet = STARTUP_SNIPPET.format(model=model)
    best = (float("inf"), 0.0)
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, cwd=ROOT, check=True)
        seconds, rss_kb = out.stdout.split()[-2:]
        best = min(best, (float(seconds), float(rss_kb) / 1024))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300, help="number of 2,000-character drafts (default 300)")
    ap.add_argument("--model", default=None, help="model folder (default: the shipped model)")
    args = ap.parse_args()
    one_core()

    import jieba

    from classifier import Analyzer
    from classifier.bundle import default_model_dir

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    analyzer = Analyzer.load(args.model).warm()
    plain = plain_pipeline(tok)

    docs = drafts(args.docs)
    titles = [r["title"] for name in ("real/pingtan_dev.jsonl", "real/other_bodies_dev.jsonl") for r in read_jsonl(data_path(name))]
    sets = {"2,000字草稿": docs, "真实标题": titles}
    print(f"单核；{len(docs)} 篇 2,000 字草稿，{len(titles)} 条真实标题\n")
    print(f"{'数据':<10}{'方法':<34}{'篇/秒':>10}{'MB/秒':>8}{'相对jieba':>10}{'相对朴素管线':>12}")
    for name, texts in sets.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        records = [{"title": "", "body": t} for t in texts] if name.startswith("2") else [{"title": t} for t in texts]
        runs = interleaved({
            "jieba.lcut 单独分词": (lambda xs: [tok.lcut(x) for x in xs], texts),
            "朴素 jieba+TF-IDF+LinearSVC": (lambda xs: plain.predict(xs), texts),
            "gongkai analyze_many（全部分析）": (lambda xs: analyzer.analyze_many(xs), records),
        })
        base_j, base_p = runs["jieba.lcut 单独分词"], runs["朴素 jieba+TF-IDF+LinearSVC"]
        for method, seconds in runs.items():
            print(f"{name:<10}{method:<34}{len(texts) / seconds:>10.1f}{mb / seconds:>8.2f}"
                  f"{base_j / seconds:>9.2f}x{base_p / seconds:>11.2f}x")

    lat = []
    for d in docs:
        t = time.perf_counter()
        analyzer.analyze({"title": "", "body": d})
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    p50, p99 = lat[len(lat) // 2], lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    seconds, rss = startup(args.model)
    model_dir = default_model_dir() if args.model is None else args.model
    size = sum(f.stat().st_size for f in __import__("pathlib").Path(model_dir).iterdir()) / 1e6
    print(f"\n单篇 2,000 字草稿 Analyzer.analyze 延迟：p50 {p50:.2f} ms，p99 {p99:.2f} ms（目标 p99 ≤ 5 ms）")
    print(f"启动到就绪（导入+加载+预热，新进程，三次取最好）：{seconds:.2f} s（目标 ≤ 1.5 s）")
    print(f"就绪进程常驻内存（VmRSS）：{rss:.0f} MB（目标 ≤ 300 MB）")
    print(f"模型大小：{size:.1f} MB（目标 ≤ 25 MB）")

    from training.evaluate import evaluate_analyzer

    print("\n准确率（../shared/data/real）：")
    for name in ("real/pingtan_dev.jsonl", "real/other_bodies_dev.jsonl"):
        metrics, _ = evaluate_analyzer(analyzer, read_jsonl(data_path(name)))
        print(f"  {name}: 准确率 {metrics['accuracy']:.4f}，不含机构信息宏F1 {metrics['macro_f1_without_institution']:.4f}")
    before = json.loads((ROOT / "bench" / "accuracy_before_speed.json").read_text(encoding="utf-8"))
    print("  提速之前（bench/accuracy_before_speed.json 记录）：" + "；".join(
        f"{k}: 准确率 {v['accuracy']:.4f}，宏F1 {v['macro_f1_without_institution']:.4f}" for k, v in before.items()))


if __name__ == "__main__":
    main()
