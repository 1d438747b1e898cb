"""Person-name tagger: accuracy, speed against jieba.lcut, size and load time (prints, never asserts).

    python bench/names.py              # the shipped model (models/default/names.crfsuite)
    python bench/names.py --compare    # also train crfsuite's CRF (L-BFGS) and averaged perceptron side by side

Accuracy is entity-level, exact span, PER only:
  * corpus test  — UNER Chinese GSD (simplified) test split: held out, never used to choose anything;
  * corpus dev   — its dev split: a DEVELOPMENT figure (used to choose the learner and features);
  * gov held-out — invented gov-style sentences from heldout_templates.txt with names training never
    saw; its error list was read once while adding the word-boundary features, so it is a
    DEVELOPMENT figure too, not an independent one.
  * risk review set — ``../shared/data/risk/dev.jsonl`` (real-looking drafts written by others, never used
    for training or tuning): recall of its ``person_name`` findings (exact span and overlapping), and how
    many tagged spans fall on its ``must_not_flag`` spans (skipped when the folder is absent).
Speed: ``spans()`` on 2,000-character gov-style prose (whole text, and as sentence windows) against
``jieba.lcut`` on the same text in the same process.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED_DATA  # noqa: E402
from classifier.bundle import default_model_dir  # noqa: E402
from classifier.risk.name_tagger import NameTagger, surnames  # noqa: E402
from training.names import corpus  # noqa: E402
from training.names import train as names_train  # noqa: E402
from training.names.generate import Generator  # noqa: E402


def prose(chars: int = 2000, seed: int = 7) -> str:
    """Gov-style prose (held-out templates, no tables) of exactly ``chars`` characters."""
    gen = Generator(seed, heldout=True)
    parts, size = [], 0
    while size < chars:
        text, _ = gen.fill(gen.rng.choice(gen.positive + gen.negative))
        parts.append(text if text.endswith("。") else text + "。")
        size += len(parts[-1])
    return "".join(parts)[:chars]


def best_of(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def accuracy(tagger: NameTagger, label: str) -> None:
    sets = {
        "corpus test (held out)": corpus.load("test"),
        "corpus dev (development)": corpus.load("dev"),
        "gov held-out (development)": Generator(names_train.HELDOUT_SEED, heldout=True).examples(names_train.GOV_HELDOUT),
    }
    for name, examples in sets.items():
        m = names_train.evaluate(tagger, examples)
        print(f"  {label:<10} {name:<28} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
              f"  (gold {m['gold']}, found {m['found']})")
    # The corpus is Wikipedia: many of its PER are transliterated foreign or fictional names. Recall on
    # the gold names shaped like a Chinese personal name (2-4 Han characters starting with a listed surname):
    single, compound = surnames()
    for name in ("corpus test (held out)", "corpus dev (development)"):
        hit = total = 0
        for text, spans in sets[name]:
            found = {(s.start, s.end) for s in tagger.spans(text)}
            for a, b in spans:
                n = text[a:b]
                if 2 <= len(n) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in n) and (n[0] in single or n[:2] in compound):
                    total += 1
                    hit += (a, b) in found
        print(f"  {label:<10} {name:<28} recall on Chinese-style names {hit / max(total, 1):.3f} ({hit}/{total})")


def risk_set(tagger: NameTagger, path: Path) -> None:
    from bench.common import read_jsonl

    if not path.is_file():
        print(f"  (no {path}: skipped)")
        return
    exact = overlap = total = tagged = on_must_not = 0
    for record in read_jsonl(path):
        found = {f: [(s.start, s.end) for s in tagger.spans(record.get(f) or "")] for f in ("title", "body")}
        tagged += sum(len(v) for v in found.values())
        for item in record["findings"]:
            if item["type"] != "person_name":
                continue
            total += 1
            spans = found[item["field"]]
            exact += (item["start"], item["end"]) in spans
            overlap += any(a < item["end"] and b > item["start"] for a, b in spans)
        for item in record.get("must_not_flag", []):
            on_must_not += any(a < item["end"] and b > item["start"] for a, b in found[item["field"]])
    print(f"  person_name findings found: exact {exact}/{total} ({exact / max(total, 1):.3f}),"
          f" overlapping {overlap}/{total} ({overlap / max(total, 1):.3f});"
          f" tagged spans {tagged}, must_not_flag spans hit {on_must_not}")


def speed(tagger: NameTagger) -> None:
    import jieba

    jieba.initialize()
    text = prose()
    windows = [(m.start(), m.end()) for m in re.finditer(r"[^。]+。?", text)]
    jieba.lcut(text)
    tagger.spans(text)
    t_jieba = best_of(lambda: jieba.lcut(text))
    t_all = best_of(lambda: tagger.spans(text))
    t_win = best_of(lambda: tagger.spans(text, windows))
    few = windows[:: max(1, len(windows) // 5)][:5]
    t_few = best_of(lambda: tagger.spans(text, few))
    few_chars = sum(b - a for a, b in few)
    print(f"  text: {len(text)} chars of gov-style prose, {len(windows)} sentences")
    print(f"  jieba.lcut                  {len(text) / t_jieba / 1000:8.0f} k chars/s  ({t_jieba * 1000:.2f} ms)")
    print(f"  spans(text)                 {len(text) / t_all / 1000:8.0f} k chars/s  ({t_all * 1000:.2f} ms)"
          f"  ratio to jieba {t_jieba / t_all:.2f}x")
    print(f"  spans(text, sentences)      {len(text) / t_win / 1000:8.0f} k chars/s  ({t_win * 1000:.2f} ms)"
          f"  ratio to jieba {t_jieba / t_win:.2f}x")
    print(f"  spans(text, 5 windows)      {few_chars} chars tagged in {t_few * 1000:.2f} ms"
          f"  = {t_few / t_jieba:.2f} of one jieba.lcut of the text")
    short = "经研究，同意给予蒋玉梅医疗救助金2500元。"
    per_call = best_of(lambda: [tagger.spans(short) for _ in range(200)], 3) / 200
    print(f"  one {len(short)}-char sentence   {per_call * 1e6:.0f} µs per call")


def compare() -> None:
    """Train both crfsuite learners on the same data and features; print accuracy, size, training time."""
    examples = names_train.training_examples()
    with tempfile.TemporaryDirectory() as tmp:
        for algorithm in ("lbfgs", "ap"):
            path = Path(tmp) / f"{algorithm}.crfsuite"
            seconds = names_train.fit(examples, path, algorithm)
            tagger = NameTagger.load(path)
            print(f"  {algorithm}: trained in {seconds:.1f} s, {path.stat().st_size / 1e6:.2f} MB")
            accuracy(tagger, algorithm)
            text = prose()
            t = best_of(lambda: tagger.spans(text), 5)
            print(f"  {algorithm}: spans(text) {len(text) / t / 1000:.0f} k chars/s")


def main() -> None:
    parser = argparse.ArgumentParser(description="人名识别模型的准确率与速度")
    parser.add_argument("--model", type=Path, default=default_model_dir() / names_train.MODEL_FILE)
    parser.add_argument("--risk-data", type=Path, default=SHARED_DATA / "risk" / "dev.jsonl",
                        help="风险审查评估集（默认 ../shared/data/risk/dev.jsonl）")
    parser.add_argument("--compare", action="store_true", help="另行训练 CRF 与平均感知机并对比（约 1–2 分钟）")
    args = parser.parse_args()
    t0 = time.perf_counter()
    tagger = NameTagger.load(args.model)
    load = time.perf_counter() - t0
    print(f"model {args.model}: {args.model.stat().st_size / 1e6:.2f} MB, load {load * 1000:.1f} ms")
    print("accuracy (entity-level, exact span, PER):")
    accuracy(tagger, "shipped")
    print(f"risk review set ({args.risk_data}; evaluation only — the tagger alone, not the review):")
    risk_set(tagger, args.risk_data)
    print("speed (same process, best of 7):")
    speed(tagger)
    if args.compare:
        print("learners compared (same training data and features):")
        compare()


if __name__ == "__main__":
    main()
