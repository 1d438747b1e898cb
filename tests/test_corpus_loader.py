"""training.data: corpora in JSONL, CSV and Parquet through `datasets`, de-duplication, errors."""

from __future__ import annotations

import json

import pytest

from classifier.categories import CODES
from training.data import DataError, corpus_files, corpus_hash, load_labelled

ROWS = [
    {"title": "2025年度某县财政局部门预算", "body": "", "label": "finance"},
    {"title": "关于张三同志任职的通知", "body": "经研究决定……", "label": "personnel"},
    {"title": "2025年度某县财政局部门预算", "body": "", "label": "finance"},  # exact duplicate
    {"title": "2025年度 某县财政局部门预算", "body": "", "label": "finance"},  # same after normalisation
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_is_loaded_and_deduplicated(tmp_path):
    records = load_labelled([write_jsonl(tmp_path / "a.jsonl", ROWS)])
    assert [r["title"] for r in records] == [ROWS[0]["title"], ROWS[1]["title"]]
    assert records[1]["body"] == "经研究决定……"


def test_evaluation_keeps_every_row(tmp_path):
    assert len(load_labelled([write_jsonl(tmp_path / "a.jsonl", ROWS)], dedupe=False)) == 4


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet(tmp_path, fmt):
    import pandas as pd

    path = tmp_path / f"data.{fmt}"
    frame = pd.DataFrame(ROWS[:2])
    frame.to_csv(path, index=False) if fmt == "csv" else frame.to_parquet(path)
    records = load_labelled([path])
    assert [r["label"] for r in records] == ["finance", "personnel"]
    assert records[0]["body"] == ""  # an empty CSV cell is an empty body, not "nan"


def test_several_files_and_a_folder(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", ROWS[:1])
    write_jsonl(tmp_path / "b.jsonl", ROWS[1:2])
    assert len(load_labelled([tmp_path])) == 2


def test_unknown_label_is_a_clear_error(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [{"title": "x", "body": "", "label": "news"}])
    with pytest.raises(DataError, match="未知类别"):
        load_labelled([path])


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="找不到"):
        load_labelled([tmp_path / "nope.jsonl"])


def test_shipped_corpus_is_large_and_varied():
    records = load_labelled()
    by_label = {code: [r for r in records if r["label"] == code] for code in CODES}
    for code, items in by_label.items():
        assert len(items) >= 250, code
    title_only = sum(1 for r in records if not r["body"].strip())
    in_scope = sum(len(v) for v in by_label.values())
    assert in_scope >= 1750
    assert title_only >= in_scope / 3


def test_corpus_hash_changes_with_content(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", ROWS[:1])
    before = corpus_hash([a])
    write_jsonl(a, ROWS[:2])
    assert corpus_hash([a]) != before
    assert corpus_hash(corpus_files([tmp_path])) == corpus_hash([a])
