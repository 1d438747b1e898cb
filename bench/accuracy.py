"""Accuracy of the shipped model on real items, next to a plain baseline trained on the same corpus.

    python bench/accuracy.py [--model DIR]

Prints, for ../shared/data/real/pingtan_dev.jsonl (titles) and other_bodies_dev.jsonl: accuracy,
macro-F1 (all and without institution), the per-category table, the confusion matrix, the share
auto-labelled (not needs_review) and its accuracy; for ood/thucnews_titles.jsonl (news, not
disclosure items) the share sent to review. The baseline is char-(1,3) TF-IDF + LinearSVC trained
on the same corpus, evaluated on the same data in the same run.
"""

from __future__ import annotations

import argparse
import time

from common import data_path, read_jsonl

from classifier import Analyzer
from training.data import load_labelled
from training.evaluate import classification_metrics, evaluate_analyzer, format_report
from training.train import augment


def baseline_model(records):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    X, y = augment(records)
    texts = [f"{t}\n{b}" for t, b in X]
    return make_pipeline(TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), LinearSVC()).fit(texts, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="模型目录（默认随程序发布的模型）")
    args = ap.parse_args()

    analyzer = Analyzer.load(args.model)
    info = analyzer.model_info
    print(f"模型 {info['name']} {info['version']}，复核阈值 {info['threshold']:.2f}")
    t = time.perf_counter()
    base = baseline_model(load_labelled())
    print(f"基线（char-(1,3) TF-IDF + LinearSVC，同一语料）训练用时 {time.perf_counter() - t:.1f} 秒\n")

    rows = []
    for rel in ("real/pingtan_dev.jsonl", "real/other_bodies_dev.jsonl"):
        records = read_jsonl(data_path(rel))
        metrics, _ = evaluate_analyzer(analyzer, records)
        print(format_report(metrics, f"== gongkai：{rel}"))
        gold = [r["label"] for r in records]
        bpred = base.predict([f"{r['title']}\n{r.get('body') or ''}" for r in records])
        bmetrics = classification_metrics(gold, bpred)
        print(format_report(bmetrics, f"-- 基线：{rel}"))
        print()
        rows.append((rel, metrics, bmetrics))

    ood = read_jsonl(data_path("ood/thucnews_titles.jsonl"))
    results = analyzer.analyze_many(ood)
    review = sum(r["needs_review"] for r in results) / len(results)
    print(f"== 域外新闻标题 ood/thucnews_titles.jsonl（{len(ood)} 条）：需人工复核占比 {review:.4f}")

    print("\n汇总（gongkai | 基线）")
    print(f"{'数据':<32}{'准确率':>16}{'宏F1(不含机构)':>20}{'自动定类占比':>12}{'自动定类准确率':>12}")
    for rel, m, b in rows:
        print(f"{rel:<32}{m['accuracy']:>8.4f} | {b['accuracy']:<6.4f}"
              f"{m['macro_f1_without_institution']:>10.4f} | {b['macro_f1_without_institution']:<6.4f}"
              f"{m['auto_share']:>12.4f}{m['auto_accuracy']:>12.4f}")
    print(f"{'ood/thucnews_titles.jsonl':<32}需人工复核 {review:.4f}")


if __name__ == "__main__":
    main()
