"""Train the category model from our corpus and write a verified bundle.

The whole procedure is deterministic for a given corpus, seed and library versions::

    gongkai train                       # training/corpus -> models/default
    gongkai train --corpus more.jsonl --out models/mine --name mine
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from classifier.bundle import save_bundle, sha256_file
from classifier.categories import OUT_OF_SCOPE, LabelMap, format_unmapped
from classifier.segment import Segmenter
from classifier.text import is_word

from .data import DataError, corpus_files, corpus_hash, load_labelled
from .estimators import TextFeatures, compile_pipeline
from .evaluate import choose_threshold, classification_metrics, format_report

FAST_PATH_MIN_AGREEMENT = 0.99
"""rjieba is used only if it cuts (the words the model sees) identically on this share of the corpus."""

SITE_HOLDOUT = 0.3
MIN_SITE_ITEMS = 20
"""Share of a site's items held out to choose the threshold and compare before/after."""


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


def sample_weights(records: Sequence[dict], site_weight: float) -> np.ndarray:
    """Weights in the order :func:`augment` emits: a site's own items weigh ``site_weight``."""
    w = []
    for r in records:
        weight = site_weight if r.get("site") else 1.0
        w.append(weight)
        if (r["title"] or "").strip() and (r["body"] or "").strip():
            w.extend([weight, weight])
    return np.asarray(w, dtype=float)


def fit_model(records: Sequence[dict], segmenter: Segmenter, seed: int, C: float, site_weight: float,
              threshold: float = 0.0):
    """Fit the pipeline on ``records`` (augmented, site items weighted) and compile it."""
    X, y = augment(records)
    pipeline = build_pipeline(segmenter, seed, C)
    if any(r.get("site") for r in records):
        pipeline.fit(X, y, classifier__sample_weight=sample_weights(records, site_weight))
    else:
        pipeline.fit(X, y)
    return compile_pipeline(pipeline, threshold=threshold), len(X)


def score_records(model, records: Sequence[dict], threshold: float | None = None) -> dict:
    """Metrics of ``model`` on labelled records (in-scope ones), at ``threshold`` (default: the model's)."""
    preds = model.predict([(r["title"], r["body"]) for r in records])
    return classification_metrics([r["label"] for r in records], [p["category"] for p in preds],
                                  [p["confidence"] for p in preds],
                                  model.threshold if threshold is None else threshold)


def _written_threshold(records: Sequence[dict], segmenter: Segmenter, seed: int, C: float, folds: int,
                       target: float, log) -> tuple[float, dict]:
    """Threshold and metrics from out-of-fold predictions on the written corpus.

    Every item is predicted once by a model that did not see it (``folds``-fold cross-validation), as
    written and by its title alone where it has a body: the threshold rests on the whole corpus, not on
    the few errors of one small held-out part.
    """
    from sklearn.model_selection import StratifiedKFold

    labels = [r["label"] for r in records]
    variants: list = []
    preds: list = []
    for k, (train_idx, held_idx) in enumerate(StratifiedKFold(folds, shuffle=True, random_state=seed)
                                              .split(records, labels)):
        held = [records[i] for i in held_idx]
        log(f"交叉验证第 {k + 1}/{folds} 折：训练 {len(train_idx)} 条，留出 {len(held)} 条……")
        model, _ = fit_model([records[i] for i in train_idx], segmenter, seed, C, 1.0)
        fold = [(r, (r["title"], r["body"])) for r in held]
        fold += [(r, (r["title"], "")) for r in held if r["title"].strip() and r["body"].strip()]
        variants += fold
        preds += model.predict([pair for _, pair in fold])
    gold_all = [r["label"] for r, _ in variants]
    pred_all = [p["category"] for p in preds]
    conf_all = [p["confidence"] for p in preds]
    # An out-of-scope text that is auto-labelled counts as an error when choosing the threshold.
    threshold = choose_threshold(conf_all, [g == q for g, q in zip(gold_all, pred_all)], target=target)
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
    log(f"留出预测（{folds} 折交叉验证，每条都由没见过它的模型预测）：准确率 {held_metrics['accuracy']:.4f}，宏平均F1 {held_metrics['macro_f1']:.4f}；"
        f"仅标题 准确率 {title_metrics['accuracy']:.4f}。复核阈值 {threshold:.2f}"
        f"（自动定类 {held_metrics['auto_share']:.3f}，其准确率 {held_metrics['auto_accuracy']:.4f}；"
        f"域外文本送复核 {ood_review if ood_review is not None else float('nan'):.3f}）。")
    log(format_report(held_metrics, "留出预测各类指标："))
    return threshold, {"heldout": _compact(held_metrics), "heldout_title_only": _compact(title_metrics)}


def _site_threshold(base: Sequence[dict], site: Sequence[dict], segmenter: Segmenter, seed: int, C: float,
                    site_weight: float, target: float, log) -> tuple[float, dict]:
    """Adapt to a site: train on the corpus and part of the site's items, choose the threshold on the
    rest of the site's items, and show the model in use before and the adapted one after on them."""
    from sklearn.model_selection import train_test_split

    from classifier.bundle import default_model_dir, load_bundle
    from classifier.errors import ModelError

    if len(site) < MIN_SITE_ITEMS:
        raise DataError(f"按栏目映射定类的本站条目只有 {len(site)} 条，至少需要 {MIN_SITE_ITEMS} 条才能留出一部分"
                        "选定复核阈值。", "too_few_site_items")
    labels = [r["label"] for r in site]
    try:  # stratified where every category has enough items, else a plain random split
        site_train, site_held = train_test_split(list(site), test_size=SITE_HOLDOUT, random_state=seed,
                                                 stratify=labels)
    except ValueError:
        site_train, site_held = train_test_split(list(site), test_size=SITE_HOLDOUT, random_state=seed)
    log(f"本站条目：{len(site)} 条，其中 {len(site_train)} 条参与训练（权重 {site_weight:g}），"
        f"{len(site_held)} 条留出，用于选定复核阈值并对比前后效果。正在训练……")
    model, _ = fit_model(list(base) + site_train, segmenter, seed, C, site_weight)
    preds = model.predict([(r["title"], r["body"]) for r in site_held])
    threshold = choose_threshold([p["confidence"] for p in preds],
                                 [p["category"] == r["label"] for p, r in zip(preds, site_held)], target=target)
    after = score_records(model, site_held, threshold)
    try:
        current = load_bundle(default_model_dir())
        before = score_records(current.payload["model"], site_held)
        before_name = f"当前模型 {current.manifest.get('version', '')}（{current.path}）"
    except ModelError as exc:
        before, before_name = None, f"当前模型无法加载（{exc.message}），不作对比"
    log(f"本站留出的 {len(site_held)} 条上的效果（之前 = {before_name}；之后 = 本次训练，复核阈值 {threshold:.2f}）：")
    log(f"{'':<16}{'准确率':>8}{'宏F1(不含机构)':>14}{'自动定类占比':>12}{'自动定类准确率':>14}")
    for title, m in (("之前", before), ("之后", after)):
        if m is not None:
            log(f"{title:<16}{m['accuracy']:>8.4f}{m['macro_f1_without_institution']:>14.4f}"
                f"{m['auto_share']:>12.4f}{m['auto_accuracy']:>14.4f}")
    log("（之后一行的复核阈值正是在这些条目上选定的，自动定类准确率是开发数字。）")
    metrics = {"site_heldout_after": _compact(after)}
    if before is not None:
        metrics["site_heldout_before"] = _compact(before)
    return threshold, metrics


def real_sources(folder: str | Path | None = None) -> list[tuple[str, Path, LabelMap]]:
    """Real public archives in ``folder`` (default ``training/sources``): each ``<name>.jsonl`` (or .csv,
    .parquet) with its reviewed 栏目 map ``<name>.toml`` (see training/SOURCES.md)."""
    from importlib import resources

    from classifier.categories import load_label_map

    folder = Path(folder) if folder is not None else Path(str(resources.files("training") / "sources"))
    if not folder.is_dir():
        return []
    out = []
    for map_path in sorted(folder.glob("*.toml")):
        data = [p for p in sorted(folder.glob(map_path.stem + ".*")) if p.suffix in (".jsonl", ".csv", ".parquet")]
        if not data:
            raise DataError(f"来源映射 {map_path} 没有同名的数据文件（{map_path.stem}.jsonl/.csv/.parquet）。",
                            "file_not_found")
        out.append((map_path.stem, data[0], load_label_map(map_path)))
    return out


def load_sources(sources, known: Sequence[dict], log) -> list[dict]:
    """Records of each real source through its map, tagged with the source's name, without the items
    already in ``known`` or in an earlier source (normalised title + body)."""
    from classifier.text import normalize

    seen = {normalize(r["title"]) + "\x00" + normalize(r["body"]) for r in known}
    out: list[dict] = []
    for name, path, label_map in sources:
        report: dict = {}
        kept = 0
        for r in load_labelled([path], label_map=label_map, mapping_report=report):
            key = normalize(r["title"]) + "\x00" + normalize(r["body"])
            if key in seen:
                continue
            seen.add(key)
            out.append({**r, "site": False, "source": name})
            kept += 1
        log(f"真实来源 {name}：{kept} 条按其栏目映射定类（去重后）。")
        listing = format_unmapped(report["unmapped"], report["ignored"], limit=5)
        if listing:
            log(listing)
    return out


def _loso_threshold(base: Sequence[dict], real: Sequence[dict], segmenter: Segmenter, seed: int, C: float,
                    site_weight: float, target: float, log) -> tuple[float, dict]:
    """Threshold chosen on real items the model has not seen: each source in turn is predicted by a model
    trained on the written corpus and the other sources (leave one source out)."""
    names = sorted({r["source"] for r in real})
    preds: dict[str, list] = {}
    for name in names:
        held = [r for r in real if r["source"] == name]
        others = [r for r in real if r["source"] != name]
        log(f"留一来源：不用 {name}（{len(held)} 条）训练，再在它上面预测……")
        model, _ = fit_model(list(base) + others, segmenter, seed, C, site_weight)
        preds[name] = model.predict([(r["title"], r["body"]) for r in held])
    conf = [p["confidence"] for name in names for p in preds[name]]
    ok = [p["category"] == r["label"] for name in names
          for p, r in zip(preds[name], [r for r in real if r["source"] == name])]
    threshold = choose_threshold(conf, ok, target=target)
    table = {}
    log(f"留一来源评估（复核阈值 {threshold:.2f}，在合并的留一预测上选定，要求自动定类准确率 {target}）：")
    log(f"{'来源':<20}{'条数':>6}{'准确率':>8}{'宏F1(六类)':>12}{'自动定类':>8}{'其准确率':>8}")
    for name in names:
        held = [r for r in real if r["source"] == name]
        m = classification_metrics([r["label"] for r in held], [p["category"] for p in preds[name]],
                                   [p["confidence"] for p in preds[name]], threshold)
        table[name] = _compact(m)
        log(f"{name:<20}{m['n']:>6}{m['accuracy']:>8.4f}{m['macro_f1_without_institution']:>12.4f}"
            f"{m['auto_share']:>8.4f}{m['auto_accuracy']:>8.4f}")
    return threshold, {"leave_one_source_out": table}


def train(corpus: Sequence[str | Path] | None = None, out: str | Path = "models/default", name: str = "default",
          seed: int = 42, C: float = 0.5, folds: int = 5, target_precision: float = 0.995,
          label_map: LabelMap | None = None, site_weight: float = 3.0, site_target: float = 0.97,
          sources: Sequence[tuple[str, Path, LabelMap]] | None = None,
          log: Callable[[str], None] = print, feedback: Sequence[dict] = ()) -> dict:
    """Train, evaluate on held-out items, refit on everything, and write the bundle. Returns the manifest.

    With ``label_map``, records of an archive labelled by its own 栏目 are mapped to categories (the
    unmapped ones are listed and left out); they are the site's items: weighted by ``site_weight``,
    and the review threshold is chosen on a held-out part of them (``site_target`` accuracy of the
    auto-labelled items), with the model in use before and the adapted one after shown side by side.

    ``sources`` are real public archives with reviewed 栏目 maps (default: :func:`real_sources` when
    training on the shipped corpus). They are training data like the corpus; without a site, the review
    threshold is chosen on them leave-one-source-out (``site_target`` accuracy of the auto-labelled
    items on sites the model has not seen).

    ``feedback``: editors' category corrections as rows ``{"title", "body", "label"}``
    (``gongkai train --feedback``; see :func:`split_feedback`). They are training items; a held-out
    share of them is scored separately, so the corpus figures stay comparable.
    """
    t0 = time.perf_counter()
    files = corpus_files(corpus)
    mapping: dict = {}
    records = load_labelled(files, label_map=label_map, mapping_report=mapping)
    if label_map is not None:
        log(f"栏目映射 {label_map.path}：{mapping.get('mapped', 0)} 条按栏目（字段 {label_map.field}）定类。")
        listing = format_unmapped(mapping.get("unmapped", Counter()), mapping.get("ignored", Counter()))
        if listing:
            log(listing)
    if sources is None:
        sources = real_sources() if corpus is None else []
    real = load_sources(sources, records, log)
    records = records + real
    site = [r for r in records if r.get("site")]
    base = [r for r in records if not r.get("site") and not r.get("source")]
    log(f"语料：{len(files)} 个文件，去重后 {len(records)} 条（其中本站条目 {len(site)} 条），"
        f"其中仅标题 {sum(1 for r in records if not (r['body'] or '').strip())} 条。")
    if label_map is not None and not site:
        raise DataError(f"没有任何条目按栏目映射 {label_map.path} 定类：请检查 field（现为 {label_map.field}）"
                        "与存档的字段名，以及 [columns] 中的栏目名。", "no_mapped_items")

    # jieba's HMM guesses unknown words; the character n-grams already cover them, and without it
    # cutting is a third faster with the same accuracy on real items.
    segmenter = Segmenter(user_words=domain_words(), hmm=False)
    texts = [t for r in records for t in (r["title"], r["body"][:2000]) if t]
    # as the features cut them: the raw text, only the words with a 汉字
    agreement, checked = segmenter.agreement(texts, keep=is_word)
    segmenter.fast = agreement >= FAST_PATH_MIN_AGREEMENT
    log(f"分词：rjieba 与 jieba 在 {checked} 段文本上结果一致的比例为 {agreement:.4f}，"
        f"{'使用 rjieba 快速路径' if segmenter.fast else '一致率不足，使用 jieba'}。")

    if site:
        threshold, metrics = _site_threshold(list(base) + real, site, segmenter, seed, C, site_weight, site_target,
                                             log)
    elif real:
        threshold, metrics = _loso_threshold(base, real, segmenter, seed, C, site_weight, site_target, log)
    else:
        threshold, metrics = _written_threshold(records, segmenter, seed, C, folds, target_precision, log)

    feedback_train, feedback_held = split_feedback(feedback, records, 0.2, seed)
    feedback_metrics = None
    if feedback_train or feedback_held:
        feedback_metrics = {"records": len(feedback_train) + len(feedback_held), "heldout": None}
        if feedback_held:
            model, _ = fit_model(records + feedback_train, segmenter, seed, C, site_weight)
            got = [p["category"] for p in model.predict([(r["title"], r["body"]) for r in feedback_held])]
            feedback_metrics["heldout"] = {"n": len(got), "accuracy": float(np.mean(
                [g == r["label"] for g, r in zip(got, feedback_held)]))}
        log(f"编辑更正：{feedback_metrics['records']} 条加入训练" + (
            f"，其中留出 {len(feedback_held)} 条的准确率 {feedback_metrics['heldout']['accuracy']:.4f}（单独报告）"
            if feedback_held else "") + "。")

    log("在全部语料上重新训练最终模型……")
    final, n_augmented = fit_model(records + feedback_train + feedback_held, segmenter, seed, C, site_weight,
                                   threshold)

    chash = corpus_hash(files)
    manifest = {
        "name": name,
        "labels": final.labels,
        "classes": final.classes,
        "threshold": threshold,
        "corpus": {"files": sorted(f.name for f in files), "sha256": chash, "records": len(records),
                   "site_records": len(site),
                   "sources": {name: {"file": path.name, "sha256": sha256_file(path),
                                      "records": sum(1 for r in real if r["source"] == name)}
                               for name, path, _ in sources}},
        "training": {"seed": seed, "C": C, "folds": folds, "target_precision": target_precision,
                     "site_weight": site_weight if site else None, "site_target": site_target if site else None,
                     "label_map": Path(label_map.path).name if label_map is not None else None,
                     "augmented_records": n_augmented, "segmentation_agreement": agreement,
                     "segmenter_fast_path": segmenter.fast},
        "metrics": metrics,
    }
    if feedback_metrics is not None:
        manifest["metrics"]["feedback"] = feedback_metrics
        manifest["corpus"]["feedback"] = {"records": feedback_metrics["records"],
                                          "sha256": _rows_hash(feedback_train + feedback_held)}
    manifest = save_bundle(Path(out), {"model": final}, manifest)
    size = sum(f["bytes"] for f in manifest["files"].values()) / 1e6
    log(f"用时 {time.perf_counter() - t0:.0f} 秒。")
    log(bundle_usage(Path(out), manifest, size))
    return manifest


def bundle_usage(out: Path, manifest: dict, size_mb: float) -> str:
    """Where the bundle was written and how to use it: the installed CLI loads its own copy otherwise."""
    from classifier.bundle import ENV_MODEL_DIR, default_model_dir

    where = out.resolve()
    in_use = default_model_dir().resolve()
    lines = [f"模型包已写入：{where}（版本 {manifest['version']}，{size_mb:.1f} MB）"]
    if where == in_use:
        lines.append("这正是当前生效的模型目录：gongkai 的各命令从现在起使用这个模型。")
    else:
        lines.append(f"当前生效的模型仍是：{in_use}（不会被本次训练改变）。")
        lines.append(f"使用新模型：命令加 --model {where}，或设置环境变量 {ENV_MODEL_DIR}={where}"
                     "（gongkai serve、relabel、analyze 等都会加载它）。")
    return "\n".join(lines)


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
    keep = ("n", "accuracy", "out_of_scope_review_share", "macro_f1", "macro_f1_without_institution", "auto_share",
            "auto_accuracy", "per_category", "confusion")
    return {k: metrics[k] for k in keep if k in metrics}
