"""Train the category model from our corpus and write a verified bundle.

The whole procedure is deterministic for a given corpus, seed and library versions::

    gongkai train                       # training/corpus -> models/default
    gongkai train --corpus more.jsonl --out models/mine --name mine
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from classifier.bundle import save_bundle
from classifier.categories import OUT_OF_SCOPE
from classifier.segment import Segmenter
from classifier.text import is_word

from .data import corpus_files, corpus_hash, load_labelled
from .estimators import TextFeatures, compile_pipeline
from .evaluate import choose_threshold, classification_metrics, format_report

FAST_PATH_MIN_AGREEMENT = 0.99
"""rjieba is used only if it cuts (the words the model sees) identically on this share of the corpus."""


def domain_words() -> list[str]:
    from importlib import resources

    text = (resources.files("training") / "domain_words.txt").read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def build_pipeline(segmenter: Segmenter, seed: int = 0, C: float = 0.5):
    """Features -> LinearSVC calibrated by sigmoid on cross-validated folds (one final model)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    svm = LinearSVC(C=C, class_weight="balanced", random_state=seed)
    calibrated = CalibratedClassifierCV(
        svm, method="sigmoid", ensemble=False, cv=StratifiedKFold(5, shuffle=True, random_state=seed)
    )
    return Pipeline([("features", TextFeatures(segmenter=segmenter)), ("classifier", calibrated)])


def augment(records: Sequence[dict]) -> tuple[list[tuple[str, str]], list[str]]:
    """Each record as given, plus its title alone and its body alone when it has both.

    A CMS sends title and body, an archive often only titles: the model must do well on each.
    """
    X, y = [], []
    for r in records:
        title, body, label = r["title"] or "", r["body"] or "", r["label"]
        X.append((title, body))
        y.append(label)
        if title.strip() and body.strip():
            X.extend([(title, ""), ("", body)])
            y.extend([label, label])
    return X, y


def train(corpus: Sequence[str | Path] | None = None, out: str | Path = "models/default", name: str = "default",
          seed: int = 42, C: float = 0.5, test_size: float = 0.2, target_precision: float = 0.995,
          log: Callable[[str], None] = print, feedback: Sequence[dict] = ()) -> dict:
    """Train, evaluate on a held-out split, refit on everything, and write the bundle. Returns the manifest.

    ``feedback``: editors' category corrections as rows ``{"title", "body", "label"}``
    (``gongkai train --feedback``); see :func:`split_feedback`.
    """
    from sklearn.model_selection import train_test_split

    t0 = time.perf_counter()
    files = corpus_files(corpus)
    records = load_labelled(files)
    labels = [r["label"] for r in records]
    log(f"语料：{len(files)} 个文件，去重后 {len(records)} 条，"
        f"其中仅标题 {sum(1 for r in records if not (r['body'] or '').strip())} 条。")

    # jieba's HMM guesses unknown words; the character n-grams already cover them, and without it
    # cutting is a third faster with the same accuracy on real items.
    segmenter = Segmenter(user_words=domain_words(), hmm=False)
    texts = [t for r in records for t in (r["title"], r["body"][:2000]) if t]
    # as the features cut them: the raw text, only the words with a 汉字
    agreement, checked = segmenter.agreement(texts, keep=is_word)
    segmenter.fast = agreement >= FAST_PATH_MIN_AGREEMENT
    log(f"分词：rjieba 与 jieba 在 {checked} 段文本上结果一致的比例为 {agreement:.4f}，"
        f"{'使用 rjieba 快速路径' if segmenter.fast else '一致率不足，使用 jieba'}。")

    train_recs, held = train_test_split(records, test_size=test_size, random_state=seed, stratify=labels)
    feedback_train, feedback_held = split_feedback(feedback, records, test_size, seed)
    X, y = augment(list(train_recs) + feedback_train)
    log(f"训练集 {len(train_recs)} 条（扩充后 {len(X)} 条），留出集 {len(held)} 条。正在训练……")
    model = compile_pipeline(build_pipeline(segmenter, seed, C).fit(X, y), threshold=0.0)

    # Held-out evaluation: records as written, and the title alone where there is a body.
    variants = [(r, (r["title"], r["body"])) for r in held]
    variants += [(r, (r["title"], "")) for r in held if r["title"].strip() and r["body"].strip()]
    preds = model.predict([pair for _, pair in variants])
    gold_all = [r["label"] for r, _ in variants]
    pred_all = [p["category"] for p in preds]
    conf_all = [p["confidence"] for p in preds]
    # An out-of-scope text that is auto-labelled counts as an error when choosing the threshold.
    threshold = choose_threshold(conf_all, [g == q for g, q in zip(gold_all, pred_all)], target=target_precision)
    scope = [i for i, g in enumerate(gold_all) if g != OUT_OF_SCOPE]
    ood = [i for i, g in enumerate(gold_all) if g == OUT_OF_SCOPE]
    ood_review = float(np.mean([conf_all[i] < threshold for i in ood])) if ood else None
    gold = [gold_all[i] for i in scope]
    pred = [pred_all[i] for i in scope]
    conf = [conf_all[i] for i in scope]
    variants = [variants[i] for i in scope]
    held_metrics = classification_metrics(gold, pred, conf, threshold)
    held_metrics["out_of_scope_review_share"] = ood_review
    title_only = [i for i, (_, pair) in enumerate(variants) if not pair[1]]
    title_metrics = classification_metrics([gold[i] for i in title_only], [pred[i] for i in title_only],
                                           [conf[i] for i in title_only], threshold)
    log(f"留出集：准确率 {held_metrics['accuracy']:.4f}，宏平均F1 {held_metrics['macro_f1']:.4f}；"
        f"仅标题 准确率 {title_metrics['accuracy']:.4f}。复核阈值 {threshold:.2f}"
        f"（自动定类 {held_metrics['auto_share']:.3f}，其准确率 {held_metrics['auto_accuracy']:.4f}；"
        f"域外文本送复核 {ood_review if ood_review is not None else float('nan'):.3f}）。")
    log(format_report(held_metrics, "留出集各类指标："))

    feedback_metrics = None
    if feedback_train or feedback_held:
        feedback_metrics = {"records": len(feedback_train) + len(feedback_held), "heldout": None}
        if feedback_held:
            got = [p["category"] for p in model.predict([(r["title"], r["body"]) for r in feedback_held])]
            feedback_metrics["heldout"] = {"n": len(got), "accuracy": float(np.mean(
                [g == r["label"] for g, r in zip(got, feedback_held)]))}
        log(f"编辑更正：{feedback_metrics['records']} 条加入训练" + (
            f"，其中留出 {len(feedback_held)} 条的准确率 {feedback_metrics['heldout']['accuracy']:.4f}（单独报告）"
            if feedback_held else "") + "。")

    log("在全部语料上重新训练最终模型……")
    X_all, y_all = augment(list(records) + feedback_train + feedback_held)
    final = compile_pipeline(build_pipeline(segmenter, seed, C).fit(X_all, y_all), threshold)

    chash = corpus_hash(files)
    manifest = {
        "name": name,
        "trained_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "labels": final.labels,
        "classes": final.classes,
        "threshold": threshold,
        "corpus": {"files": sorted(f.name for f in files), "sha256": chash, "records": len(records)},
        "training": {"seed": seed, "C": C, "test_size": test_size, "target_precision": target_precision,
                     "augmented_records": len(X_all), "segmentation_agreement": agreement,
                     "segmenter_fast_path": segmenter.fast, "seconds": None},
        "metrics": {"heldout": _compact(held_metrics), "heldout_title_only": _compact(title_metrics)},
    }
    if feedback_metrics is not None:
        manifest["metrics"]["feedback"] = feedback_metrics
        manifest["corpus"]["feedback"] = {"records": feedback_metrics["records"], "sha256": _rows_hash(
            feedback_train + feedback_held)}
    manifest["training"]["seconds"] = round(time.perf_counter() - t0, 1)
    manifest = save_bundle(Path(out), {"model": final}, manifest)
    size = manifest["files"]["model.joblib"]["bytes"] / 1e6
    log(f"模型已写入 {out}（{size:.1f} MB，用时 {manifest['training']['seconds']} 秒）。")
    return manifest


def split_feedback(feedback: Sequence[dict], corpus: Sequence[dict], test_size: float,
                   seed: int) -> tuple[list[dict], list[dict]]:
    """Corrections not already in the corpus, split like the corpus (a held-out share when there are 10 or more).

    The held-out corrections are scored separately, so the corpus figures stay comparable.
    """
    from classifier.categories import TRAINING_LABELS
    from classifier.text import normalize

    seen = {normalize(r["title"] or "") + "\x00" + normalize(r["body"] or "") for r in corpus}
    rows = []
    for r in feedback:
        key = normalize(r.get("title") or "") + "\x00" + normalize(r.get("body") or "")
        if r.get("label") in TRAINING_LABELS and key not in seen and key != "\x00":
            seen.add(key)
            rows.append({"title": r.get("title") or "", "body": r.get("body") or "", "label": r["label"]})
    if len(rows) < 10:
        return rows, []
    order = np.random.default_rng(seed).permutation(len(rows))
    cut = max(1, int(round(len(rows) * test_size)))
    return [rows[i] for i in order[cut:]], [rows[i] for i in order[:cut]]


def _rows_hash(rows: Sequence[dict]) -> str:
    import hashlib
    import json

    text = "\n".join(sorted(json.dumps([r["title"], r["body"], r["label"]], ensure_ascii=False) for r in rows))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _compact(metrics: dict) -> dict:
    keep = ("n", "accuracy", "out_of_scope_review_share", "macro_f1", "macro_f1_without_institution", "auto_share", "auto_accuracy", "per_category", "confusion")
    return {k: metrics[k] for k in keep if k in metrics}
