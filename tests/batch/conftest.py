"""Fixtures for the batch tests: a private copy of the model, small archives in every format."""

from __future__ import annotations

import csv
import sys
import json
import shutil
from pathlib import Path

import pytest

from classifier.categories import CODES

csv.field_size_limit(sys.maxsize)  # the 2 MB row

BIG_TEXT = "公开" * 350_000
"""2.1 MB of UTF-8 (700,000 characters, over the 200,000-character limit)."""


@pytest.fixture(scope="session")
def batch_model_dir(tmp_path_factory, default_bundle_dir) -> Path:
    """A copy of the shipped bundle, so a retraining in the working tree cannot change it mid-run."""
    dest = tmp_path_factory.mktemp("batch-model") / "bundle"
    shutil.copytree(default_bundle_dir, dest)
    return dest


@pytest.fixture(scope="session")
def batch_analyzer(batch_model_dir):
    from classifier import Analyzer

    return Analyzer.load(batch_model_dir)


@pytest.fixture(scope="session")
def corpus_items() -> list[dict]:
    """Five labelled items per category from the project's own corpus (never ../shared)."""
    from training.data import load_labelled

    records = load_labelled()
    picked = []
    for code in CODES:
        picked += [r for r in records if r["label"] == code][:5]
    return [{"id": f"item-{i:03d}", "title": r["title"], "body": r["body"], "old": r["label"]}
            for i, r in enumerate(picked)]


def write_archive(path: Path, rows: list[dict]) -> Path:
    """Write rows as JSONL, CSV or Parquet, by extension (not through the code under test)."""
    suffix = path.suffix
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif suffix == ".csv":
        names = list(dict.fromkeys(k for r in rows for k in r))
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=names)
            writer.writeheader()
            writer.writerows(rows)
    elif suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path)
    else:  # pragma: no cover
        raise ValueError(suffix)
    return path


def read_archive(path: Path) -> list[dict]:
    """Rows of an output file, read independently of the code under test."""
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()
