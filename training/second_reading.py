"""Build the second-reading model (``second_reading.json``) of a model bundle: ``gongkai train-second-reading``.

The model reads again the triggers of the recognizers that take part (``Recognizer.SECOND_READING``:
private statements, markings, process and enforcement records, price breakdowns, evaluations, minors' ages and
grades), the addresses the rules do not take for a home and the names the person rules decide
(``classifier/risk/second_reading.py``). Its examples are
every such trigger in the project's labelled review sets (``bench/data/risk_independent*.jsonl``, ``TRAIN_RANGES``:
ind1–179, ind188–195, ind204–225, ind234–257, ind282–289 and ind298–321, written for this project from the labelling
conventions; see ``bench/data/README.md``): the
shipped review (rules and the bundle's name model, no second reading) reads each draft, and every trigger it
reads, reported or not, becomes one example of :func:`~classifier.risk.second_reading.features`, labelled by
whether the set's gold holds a finding of that type there (where the rules reported it: their result; else the
trigger word).

The category model's written corpus (``training/corpus``) adds its triggers labelled by the rules' own
decision: ordinary items, so that the model learns how rarely a trigger is a finding in published text.

Learner: logistic regression (scikit-learn, lbfgs, C = 1), exported as a JSON weight table. The
thresholds (report at 0.8, withdraw below 0.1) were chosen on ind100–123 with a model trained on
ind1–99; the manifest keeps the held-out figure of a model trained on ind1–99 and tested on the other
training sets (what it adds and withdraws, and how much of it the gold holds). ind180–187, ind196–203 and
ind226–233 are kept out: they measure the change, they never train it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from classifier.bundle import SECOND_READING, name_model_path, read_manifest, register_section, sha256_file
from classifier.risk import RiskReviewer
from classifier.risk.second_reading import SecondReading, features

from .data import corpus_files

MODEL_FILE = "second_reading.json"
DATA_DIR = Path(__file__).resolve().parents[1] / "bench" / "data"
TRAIN_RANGES = ((1, 179), (188, 195), (204, 225), (234, 257), (282, 289), (298, 321))
"""The review sets that train the model, as inclusive ranges of set numbers."""
TRAIN_SETS = tuple("" if n == 1 else str(n) for a, b in TRAIN_RANGES for n in range(a, b + 1))
"""``risk_independent<N>.jsonl`` that train the model (``""``: the first set, ind1): the development sets and
ind124–179, whose labels were never read while tuning the rules (more of what the rules were not fitted to)."""
# ind180–187, ind196–203 and ind226–233 stay out, and every set written later until it has been read and tuned on:
# they measure the rules and the model


def describe(ranges) -> str:
    """"ind1–179, ind188–195, …" for inclusive ranges of set numbers."""
    return ", ".join(f"ind{a}–{b}" for a, b in ranges)
CHECK_SPLIT = 100
"""Sets before ind100 train the held-out check, the later training sets measure it."""
THRESHOLD = 0.8
DROP_BELOW = 0.1
C = 1.0
MIN_WEIGHT = 2e-3
"""Weights smaller than this are left out of the table (they move no decision by more than a rounding; the
bundle stays under its 25 MB)."""
DIGITS = 4


class _Recorder:
    """Stands where a second-reading model stands and records every trigger, reported or not, with where
    the rules reported it (it never decides anything itself)."""

    READS_REPORTED = True
    threshold = 1.0

    def __init__(self):
        self.asked: list[tuple[str, list[tuple[str, int, int]], list[str], bool]] = []

    def read(self, kind, doc, fld, hit, reported=False, extra=(), found=()):
        where = [(r.field, r.start, r.end) for r in found] or [(fld.name, hit.start, hit.end)]
        self.asked.append((kind, where, features(kind, doc, fld, hit, reported, extra=extra), reported))
        return None


def set_path(name: str) -> Path:
    return DATA_DIR / f"risk_independent{name}.jsonl"


def _records(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _reader(name_tagger):
    """``read(record)``: what the shipped review (rules and ``name_tagger``, no second reading) asks a second
    reading about in ``record``, as the recorder noted it."""
    recorder = _Recorder()
    reviewer = RiskReviewer(name_tagger=name_tagger, second_reading=recorder)

    def read(record):
        recorder.asked.clear()
        reviewer.review(record.get("title") or "", record.get("body") or "")
        return recorder.asked

    return read


def corpus_examples(name_tagger=None) -> list[tuple[str, list[str], int, bool]]:
    """``("corpus", features, label, reported)`` of every trigger in the written corpus, labelled by the
    rules' own decision. The review sets are dense with findings; these ordinary items teach the model how
    rarely a trigger word is one in the run of published text ("供应商须提交报价表", "阵营内部")."""
    read = _reader(name_tagger)
    return [("corpus", feats, int(reported), reported)
            for path in corpus_files() for record in _records(path) for _, _, feats, reported in read(record)]


def examples(sets=TRAIN_SETS, name_tagger=None, progress=None) -> list[tuple[str, list[str], int, bool]]:
    """``(set, features, label, reported)`` of every trigger the second reading would read in ``sets``."""
    read = _reader(name_tagger)
    out = []
    for name in sets:
        for record in _records(set_path(name)):
            gold = record["findings"]
            for kind, where, feats, reported in read(record):
                label = any(g["type"] == kind and g["field"] == fld and g["start"] < end and start < g["end"]
                            for g in gold for fld, start, end in where)
                out.append((name, feats, int(label), reported))
        if progress:
            progress(name)
    return out


def fit(rows) -> SecondReading:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for _, f, _, _ in rows])
    y = [label for _, _, label, _ in rows]
    clf = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    weights = {name: round(float(w), DIGITS) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= MIN_WEIGHT}
    return SecondReading(weights, round(float(clf.intercept_[0]), 5), THRESHOLD, DROP_BELOW)


def check(rows) -> dict:
    """Train on the sets before ind100; on the later training sets, per type, what the model adds (of the triggers the
    rules leave) and withdraws (of the reported triggers of a ``"both"`` recognizer), and how much of each the
    gold holds (added: a finding there; withdrawn: none)."""
    def number(name: str) -> int:
        return 0 if name == "corpus" else int(name) if name else 1

    model = fit([r for r in rows if number(r[0]) < CHECK_SPLIT])
    both = withdrawing_types()
    per_type: dict[str, dict[str, int]] = {}
    for _, f, label, reported in (r for r in rows if number(r[0]) >= CHECK_SPLIT):
        kind = f[0][3:]
        t = per_type.setdefault(kind, {"unreported": 0, "added": 0, "added_gold": 0, "withdrawn": 0,
                                       "withdrawn_not_gold": 0})
        p = model.probability(f)
        if not reported:
            t["unreported"] += 1
            if p >= model.threshold:
                t["added"] += 1
                t["added_gold"] += label
        elif kind in both and p < model.drop_below:
            t["withdrawn"] += 1
            t["withdrawn_not_gold"] += 1 - label
    total = {k: sum(t[k] for t in per_type.values()) for k in ("unreported", "added", "added_gold", "withdrawn",
                                                                "withdrawn_not_gold")}
    test = [(max(a, CHECK_SPLIT), b) for a, b in TRAIN_RANGES if b >= CHECK_SPLIT]
    return {"train_sets": describe([(a, min(b, CHECK_SPLIT - 1)) for a, b in TRAIN_RANGES if a < CHECK_SPLIT]),
            "test_sets": describe(test), **total,
            "per_type": dict(sorted(per_type.items()))}


def withdrawing_types() -> set[str]:
    from classifier.risk.persons import PersonNameRecognizer
    from classifier.risk.registry import DEFAULT_RECOGNIZERS

    # (and the person names: their decision is read again whichever way the rules decided)
    return {c.TYPE for c in DEFAULT_RECOGNIZERS if c.SECOND_READING == "both"} | {PersonNameRecognizer.TYPE}


def data_hash(sets=TRAIN_SETS) -> str:
    digest = hashlib.sha256()
    for path in [set_path(name) for name in sets] + corpus_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def train_second_reading(out_dir: Path, name_tagger=None, progress=None) -> dict:
    """Write ``second_reading.json`` into the bundle folder ``out_dir``; return its manifest entry.

    ``name_tagger``: the bundle's name model, so that the examples are what the shipped review
    leaves unreported (the persons it finds decide which statements the rules tie to someone)."""
    out_dir = Path(out_dir)
    rows = examples(name_tagger=name_tagger, progress=progress) + corpus_examples(name_tagger)
    model = fit(rows)
    text = json.dumps(model.to_json(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".second-reading-", suffix=".json", dir=out_dir)
    target = out_dir / MODEL_FILE
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {
        "file": MODEL_FILE,
        "sha256": sha256_file(target),
        "bytes": target.stat().st_size,
        "training_data_sha256": data_hash(),
        "training_sets": (f"bench/data/risk_independent*.jsonl, {describe(TRAIN_RANGES)}; "
                          "training/corpus/*.jsonl (labelled by the rules)"),
        "examples": len(rows),
        "positives": sum(label for _, _, label, _ in rows),
        "features": len(model.weights),
        "threshold": THRESHOLD,
        "drop_below": DROP_BELOW,
        "algorithm": "logistic regression (scikit-learn lbfgs)",
        "params": {"C": C, "min_weight": MIN_WEIGHT},
        "scikit_learn": metadata.version("scikit-learn"),
        "types": sorted({f[0][3:] for _, f, _, _ in rows}),
        "metrics": {"heldout": check(rows)},
    }


def shipped_name_tagger(out_dir: Path):
    """The bundle's own name model, when it has one (the review the second reading backs up)."""
    path = name_model_path(out_dir, read_manifest(out_dir))
    if path is None:
        return None
    from classifier.risk.name_tagger import NameTagger

    return NameTagger.load(path)


def register(out_dir: Path, entry: dict) -> dict:
    """Record the second-reading model in ``out_dir/manifest.json`` (``files`` and ``second_reading``)."""
    return register_section(out_dir, SECOND_READING, entry)
