"""Evaluation: per-category precision/recall/F1, confusion matrix, and the auto-labelled share."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from classifier.categories import CODES, category_name


def classification_metrics(gold: Sequence[str], pred: Sequence[str], confidence: Sequence[float] | None = None,
                           threshold: float | None = None, labels: Sequence[str] = CODES) -> dict:
    """Accuracy, macro-F1 (all, and without ``institution``), per-category table and confusion matrix."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    gold, pred = list(gold), list(pred)
    labels = list(labels)
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    present = [i for i, lab in enumerate(labels) if s[i] > 0]
    six = [i for i in present if labels[i] != "institution"]
    out = {
        "n": len(gold),
        "accuracy": float(np.mean([g == q for g, q in zip(gold, pred)])) if gold else 0.0,
        "macro_f1": float(np.mean([f[i] for i in present])) if present else 0.0,
        "macro_f1_without_institution": float(np.mean([f[i] for i in six])) if six else 0.0,
        "per_category": {
            labels[i]: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i in range(len(labels))
        },
        "confusion": {"labels": labels, "matrix": confusion_matrix(gold, pred, labels=labels).tolist()},
    }
    if confidence is not None and threshold is not None:
        auto = np.asarray(confidence) >= threshold
        correct = np.asarray([g == q for g, q in zip(gold, pred)])
        out["auto_share"] = float(auto.mean()) if len(auto) else 0.0
        out["auto_accuracy"] = float(correct[auto].mean()) if auto.any() else 0.0
        out["review_share"] = 1.0 - out["auto_share"]
    return out


def choose_threshold(confidence: Sequence[float], correct: Sequence[bool], target: float = 0.98,
                     floor: float = 0.5) -> float:
    """Lowest confidence threshold at which the auto-labelled items reach ``target`` accuracy.

    Never below ``floor``: a best guess that is not even a majority of the probability mass is
    always worth a human look.
    """
    conf = np.asarray(confidence, dtype=float)
    ok = np.asarray(correct, dtype=bool)
    for t in np.round(np.arange(floor, 0.99, 0.01), 2):
        keep = conf >= t
        if keep.sum() == 0:
            break
        if ok[keep].mean() >= target:
            return float(t)
    return 0.99


def format_report(metrics: dict, title: str = "") -> str:
    """A readable Chinese report of :func:`classification_metrics` output."""
    lines = []
    if title:
        lines.append(title)
    lines.append(f"样本数 {metrics['n']}，准确率 {metrics['accuracy']:.4f}，宏平均F1 {metrics['macro_f1']:.4f}，"
                 f"不含机构信息的宏平均F1 {metrics['macro_f1_without_institution']:.4f}")
    if "auto_share" in metrics:
        lines.append(f"自动定类占比 {metrics['auto_share']:.4f}（其准确率 {metrics['auto_accuracy']:.4f}），"
                     f"需人工复核占比 {metrics['review_share']:.4f}")
    lines.append(f"{'类别':<12}{'精确率':>8}{'召回率':>8}{'F1':>8}{'样本':>6}")
    for code, m in metrics["per_category"].items():
        name = f"{category_name(code)}({code})"
        lines.append(f"{name:<20}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['support']:>6}")
    labels = metrics["confusion"]["labels"]
    lines.append("混淆矩阵（行=真实，列=预测）：")
    lines.append(" " * 12 + "".join(f"{lab[:6]:>8}" for lab in labels))
    for lab, row in zip(labels, metrics["confusion"]["matrix"]):
        lines.append(f"{lab:<12}" + "".join(f"{v:>8}" for v in row))
    return "\n".join(lines)


def evaluate_analyzer(analyzer, records: Sequence[dict], batch_size: int = 256) -> tuple[dict, list[dict]]:
    """Run ``analyzer`` on labelled records; return metrics and the per-record results."""
    results: list[dict] = []
    for i in range(0, len(records), batch_size):
        batch = [{"id": r.get("id"), "title": r.get("title") or "", "body": r.get("body") or ""}
                 for r in records[i : i + batch_size]]
        results.extend(analyzer.analyze_many(batch, on_error="record"))
    ok = [(r, res) for r, res in zip(records, results) if "error" not in res]
    metrics = classification_metrics(
        [r["label"] for r, _ in ok], [res["category"] for _, res in ok],
        [res["confidence"] for _, res in ok], analyzer.model.threshold,
    )
    metrics["errors"] = len(records) - len(ok)
    return metrics, results
