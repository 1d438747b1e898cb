"""``gongkai relabel`` on the datasets engine: formats, no row lost, bad rows, old vs new, safety."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import BIG_TEXT, read_archive, write_archive

from service.batch import Columns, analyze_batch
from service.batch.io import BatchError
from service.batch.relabel import relabel

RESULT = ["category", "category_name", "confidence", "needs_review", "verdict", "findings", "model_version",
          "error", "error_code"]


def run(src, out, analyzer, tmp_path, **kw):
    kw.setdefault("num_proc", 1)
    kw.setdefault("shard_rows", 10)
    kw.setdefault("batch_size", 8)
    return relabel(src, out, analyzer=analyzer, cache_dir=tmp_path / "hf", progress=False, log=lambda m: None, **kw)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("src_ext,out_ext", [
    (".jsonl", ".parquet"),  # JSONL in, Parquet out
    (".csv", ".jsonl"),      # CSV in, JSONL out
    (".parquet", ".csv"),    # Parquet in, CSV out
    (".jsonl", ".jsonl"),
])
def test_every_format_in_and_out_keeps_rows_order_and_columns(tmp_path, batch_analyzer, corpus_items, src_ext, out_ext):
    src = write_archive(tmp_path / f"in{src_ext}", corpus_items)
    before = digest(src)
    out = tmp_path / f"out{out_ext}"
    summary = run(src, out, batch_analyzer, tmp_path)

    rows = read_archive(out)
    assert len(rows) == len(corpus_items) == summary.rows
    assert list(rows[0]) == ["id", "title", "body", "old"] + RESULT  # input columns first, untouched
    expected = batch_analyzer.analyze_many(corpus_items)
    for row, item, exp in zip(rows, corpus_items, expected):
        assert row["id"] == item["id"] and row["title"] == item["title"]
        assert row["category"] == exp["category"] and row["category_name"] == exp["category_name"]
        assert float(row["confidence"]) == pytest.approx(exp["confidence"])
        assert str(row["needs_review"]) == str(exp["needs_review"])
        assert json.loads(row["findings"]) == exp["findings"]
        assert row["model_version"] == batch_analyzer.model_info["version"]
        assert not row["error"]
    assert digest(src) == before  # the input is never modified
    assert not (tmp_path / f"out{out_ext}.work").exists()  # work folder removed on success
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_bad_rows_keep_their_place_with_an_error(tmp_path, batch_analyzer, corpus_items):
    good = corpus_items[:12]
    rows = good[:3] + [
        {"id": "no-text", "title": "", "body": ""},              # missing title and body
        {"id": "number", "title": 20240101, "body": "正文"},     # a number where text should be
        {"id": "huge", "title": "超长", "body": BIG_TEXT},        # 2 MB of text
        {"id": "nothing"},                                        # no fields at all
    ] + good[3:]
    src = write_archive(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    summary = run(src, out, batch_analyzer, tmp_path, num_proc=2)

    result = read_archive(out)
    assert [r["id"] for r in result] == [r["id"] for r in rows]
    errors = {r["id"]: (r["error_code"], r["error"]) for r in result if r["error"]}
    assert {k: v[0] for k, v in errors.items()} == {
        "no-text": "empty_input", "number": "wrong_type", "huge": "input_too_long", "nothing": "empty_input"}
    assert "不能同时为空" in errors["no-text"][1] and "int" in errors["number"][1] and "过长" in errors["huge"][1]
    assert result[4]["title"] == 20240101  # the input value is kept as it was
    assert len(result[5]["body"]) == len(BIG_TEXT)
    for r in result:
        if r["error"]:
            assert r["category"] is None and r["verdict"] is None and r["model_version"]
        else:
            assert r["category"] and r["error_code"] is None
    assert summary.failed == 4 and summary.rows == len(rows)
    assert dict(summary.errors) == {"empty_input": 2, "wrong_type": 1, "input_too_long": 1}
    text = summary.format()
    assert "无法分析 4 条" in text and "id=number" in text


def test_bad_rows_in_parquet_and_csv(tmp_path, batch_analyzer, corpus_items):
    rows = corpus_items[:2] + [{"id": "empty", "title": None, "body": None, "old": None},
                               {"id": "huge", "title": "", "body": BIG_TEXT, "old": "work"}] + corpus_items[2:4]
    for ext in (".parquet", ".csv"):
        src = write_archive(tmp_path / f"bad{ext}", rows)
        out = tmp_path / f"bad-out{ext}"
        run(src, out, batch_analyzer, tmp_path)
        result = read_archive(out)
        assert [r["id"] for r in result] == [r["id"] for r in rows]
        assert [r["error_code"] or None for r in result] == [None, None, "empty_input", "input_too_long", None, None]


def test_label_column_marks_changed_rows_and_builds_the_confusion_table(tmp_path, batch_analyzer, corpus_items):
    items = [dict(r) for r in corpus_items]
    items[0]["old"] = "招投标信息"       # a Chinese column name is understood
    items[1]["old"] = "policy"
    items[2]["old"] = None               # no old label: not compared
    src = write_archive(tmp_path / "in.jsonl", items)
    out = tmp_path / "out.parquet"
    summary = run(src, out, batch_analyzer, tmp_path, label_column="old")

    result = read_archive(out)
    expected = batch_analyzer.analyze_many(items)
    for row, item, exp in zip(result, items, expected):
        old = {"招投标信息": "tender"}.get(item["old"], item["old"])
        assert row["changed"] == (None if old is None else old != exp["category"])
    changed = sum(1 for r in result if r["changed"])
    assert summary.compared == len(items) - 1
    assert summary.compared - summary.unchanged == changed
    assert sum(sum(row.values()) for row in summary.confusion.values()) == len(items)
    assert summary.confusion["tender"][expected[0]["category"]] >= 1
    text = summary.format()
    assert f"类别不变 {summary.unchanged} 条" in text and "| 原类别 → 新类别 |" in text


def test_result_column_clash_needs_a_prefix(tmp_path, batch_analyzer, corpus_items):
    items = [{**r, "category": r["old"]} for r in corpus_items[:6]]
    src = write_archive(tmp_path / "in.jsonl", items)
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path)
    assert err.value.code == "column_clash" and "--prefix" in err.value.message
    summary = run(src, tmp_path / "out.jsonl", batch_analyzer, tmp_path, prefix="new_", label_column="category")
    row = read_archive(tmp_path / "out.jsonl")[0]
    assert row["category"] == items[0]["category"] and row["new_category"] and "new_changed" in row
    assert summary.compared == 6


def test_custom_columns_and_text_alias(tmp_path, batch_analyzer):
    rows = [{"编号": "a", "标题": "青山县财政局2025年度部门预算", "text": ""},
            {"编号": "b", "标题": "", "text": "关于王明同志任职的通知。经研究决定，任命王明同志为县交通运输局局长。"}]
    src = write_archive(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    run(src, out, batch_analyzer, tmp_path, title_column="标题", id_column="编号")
    result = read_archive(out)
    expected = batch_analyzer.analyze_many([{"title": r["标题"], "body": r["text"]} for r in rows])
    assert [r["category"] for r in result] == [e["category"] for e in expected]


def test_refuses_to_write_over_the_input_and_reports_missing_columns(tmp_path, batch_analyzer, corpus_items):
    src = write_archive(tmp_path / "in.jsonl", corpus_items[:3])
    with pytest.raises(BatchError) as err:
        run(src, src, batch_analyzer, tmp_path)
    assert err.value.code == "same_file"
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "o.jsonl", batch_analyzer, tmp_path, title_column="标题", body_column="正文")
    assert err.value.code == "missing_columns" and "标题" in err.value.message
    with pytest.raises(BatchError) as err:
        run(tmp_path / "missing.jsonl", tmp_path / "o.jsonl", batch_analyzer, tmp_path)
    assert err.value.code == "file_not_found"
    with pytest.raises(BatchError) as err:
        run(src, tmp_path / "o.txt", batch_analyzer, tmp_path)
    assert err.value.code == "unknown_format"


def test_analyze_batch_is_engine_neutral(batch_analyzer):
    batch = {"id": [1, 2], "title": ["青山县财政局2025年度部门预算", float("nan")], "body": [None, ""], "x": [0, 0]}
    out = analyze_batch(batch, batch_analyzer, Columns())
    assert set(out) == set(RESULT) and all(len(v) == 2 for v in out.values())  # only result columns
    assert out["category"][0] == "finance" and out["error_code"] == [None, "empty_input"]


def test_cli_relabel_prints_a_summary(tmp_path, batch_model_dir, corpus_items, capsys):
    from service.cli import main

    src = write_archive(tmp_path / "in.csv", corpus_items[:10] + [{"id": "blank", "title": "", "body": ""}])
    out = tmp_path / "out.parquet"
    code = main(["relabel", str(src), "-o", str(out), "--model", str(batch_model_dir), "--num-proc", "1",
                 "--label-column", "old", "--cache-dir", str(tmp_path / "hf"), "--no-progress"])
    assert code == 0
    text = capsys.readouterr().out
    assert "重新分类完成：共 11 条，成功 10 条，无法分析 1 条" in text and "与原类别（old 列）比较" in text
    assert len(read_archive(out)) == 11

    code = main(["relabel", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(batch_model_dir),
                 "--num-proc", "1", "--json", "--cache-dir", str(tmp_path / "hf"), "--no-progress"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["rows"] == 11 and summary["failed"] == 1 and summary["errors"] == {"empty_input": 1}

    assert main(["relabel", str(src), "-o", str(tmp_path / "o.jsonl"), "--num-proc", "0"]) == 2
    assert "必须是正整数" in capsys.readouterr().err
