"""Build the statement model (``statements.json``) of a model bundle: ``gongkai train-statements``.

The model reads again the private statements (health, social assistance, criminal record, religion)
that the rules tie to no one, and the addresses the rules do not take for a home
(``classifier/risk/statement_model.py``). Its examples are every such
statement in the project's labelled review sets (``bench/data/risk_independent*.jsonl``, the
development sets ind1–123, written for this project from the labelling conventions; see
``bench/data/README.md``): the shipped review (rules and the bundle's name model, no statement
model) reads each draft, and every statement word it reads, reported or not, becomes one example of
:func:`~classifier.risk.statement_model.features`, labelled by whether the set's gold marks a
statement of that type there. The reported ones teach what a statement about someone looks like;
the model is only ever asked about the others.

Learner: logistic regression (scikit-learn, lbfgs, C = 1), exported as a JSON weight table.
The threshold (0.8) was chosen on ind100–123 with a model trained on ind1–99; the manifest keeps
that held-out figure (statements added, how many of them the gold holds). Sets from ind124 on are
kept out: they measure the change, they never train it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from classifier.bundle import NAME_MODEL, STATEMENT_MODEL, read_manifest, register_section, section_file, sha256_file
from classifier.risk import RiskReviewer
from classifier.risk.statement_model import StatementModel, features

MODEL_FILE = "statements.json"
DATA_DIR = Path(__file__).resolve().parents[1] / "bench" / "data"
TRAIN_SETS = ("",) + tuple(str(n) for n in range(2, 124))
"""``risk_independent<N>.jsonl`` of the development sets (``""``: the first set, ind1)."""
CHECK_SPLIT = 100
"""Sets before ind100 train the held-out check, ind100–123 measure it."""
THRESHOLD = 0.8
C = 1.0
MIN_WEIGHT = 1e-4
TYPES = ("health", "social_assistance", "criminal_record", "religion", "address")


class _Recorder:
    """Stands where a statement model stands and records every statement, reported or not (it never
    reports one itself)."""

    READS_REPORTED = True

    def __init__(self):
        self.asked: list[tuple[str, str, int, int, list[str], bool]] = []

    def says_about_person(self, kind, doc, fld, hit, reported=False, extra=()):
        self.asked.append((kind, fld.name, hit.start, hit.end, features(kind, doc, fld, hit, reported, extra=extra),
                           reported))
        return None


def set_path(name: str) -> Path:
    return DATA_DIR / f"risk_independent{name}.jsonl"


def examples(sets=TRAIN_SETS, name_tagger=None, progress=None) -> list[tuple[str, list[str], int, bool]]:
    """``(set, features, label, reported)`` of every statement word the review reads in ``sets``."""
    recorder = _Recorder()
    reviewer = RiskReviewer(name_tagger=name_tagger, statement_model=recorder)
    out = []
    for name in sets:
        with open(set_path(name), encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                recorder.asked.clear()
                reviewer.review(record["title"], record["body"])
                gold = record["findings"]
                for kind, fld, start, end, feats, reported in recorder.asked:
                    label = any(g["type"] == kind and g["field"] == fld and g["start"] < end and start < g["end"]
                                for g in gold)
                    out.append((name, feats, int(label), reported))
        if progress:
            progress(name)
    return out


def fit(rows) -> StatementModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for _, f, _, _ in rows])
    y = [label for _, _, label, _ in rows]
    clf = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= MIN_WEIGHT}
    return StatementModel(weights, round(float(clf.intercept_[0]), 5), THRESHOLD)


def check(rows) -> dict:
    """Train on the sets before ind100, report what the model adds on ind100–123."""
    def number(name: str) -> int:
        return int(name) if name else 1

    train = [r for r in rows if number(r[0]) < CHECK_SPLIT]
    test = [r for r in rows if number(r[0]) >= CHECK_SPLIT and not r[3]]
    model = fit(train)
    added = [(f[0][3:], label) for _, f, label, _ in test if model.probability(f) >= model.threshold]
    gold = [label for _, label in added]
    per_kind = {kind: {"added": sum(k == kind for k, _ in added), "added_gold": sum(g for k, g in added if k == kind)}
                for kind in TYPES}
    return {"train_sets": "ind1–99", "test_sets": "ind100–123", "unreported_statements": len(test),
            "of_them_gold": sum(label for _, _, label, _ in test), "added": len(added), "added_gold": sum(gold),
            "precision": round(sum(gold) / len(added), 4) if added else None, "per_type": per_kind}


def data_hash(sets=TRAIN_SETS) -> str:
    digest = hashlib.sha256()
    for name in sets:
        digest.update(set_path(name).read_bytes())
    return digest.hexdigest()


def train_statement_model(out_dir: Path, name_tagger=None, progress=None) -> dict:
    """Write ``statements.json`` into the bundle folder ``out_dir``; return its manifest entry.

    ``name_tagger``: the bundle's name model, so that the examples are what the shipped review
    leaves unreported (the persons it finds decide which statements the rules tie to someone)."""
    out_dir = Path(out_dir)
    rows = examples(name_tagger=name_tagger, progress=progress)
    model = fit(rows)
    text = json.dumps(model.to_json(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".statements-", suffix=".json", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    target = out_dir / MODEL_FILE
    os.replace(tmp, target)
    return {
        "file": MODEL_FILE,
        "sha256": sha256_file(target),
        "bytes": target.stat().st_size,
        "training_data_sha256": data_hash(),
        "training_sets": "bench/data/risk_independent*.jsonl, ind1–123",
        "examples": len(rows),
        "positives": sum(label for _, _, label, _ in rows),
        "features": len(model.weights),
        "threshold": THRESHOLD,
        "algorithm": "logistic regression (scikit-learn lbfgs)",
        "params": {"C": C, "min_weight": MIN_WEIGHT},
        "scikit_learn": metadata.version("scikit-learn"),
        "types": list(TYPES),
        "metrics": {"heldout": check(rows)},
    }


def shipped_name_tagger(out_dir: Path):
    """The bundle's own name model, when it has one (the review the statement model backs up)."""
    path = section_file(out_dir, read_manifest(out_dir), NAME_MODEL)
    if path is None:
        return None
    from classifier.risk.name_tagger import NameTagger

    return NameTagger.load(path)


def register(out_dir: Path, entry: dict) -> dict:
    """Record the statement model in ``out_dir/manifest.json`` (``files`` and ``statement_model``)."""
    return register_section(out_dir, STATEMENT_MODEL, entry)
