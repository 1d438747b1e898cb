"""The Ray Data engine runs the same batch function and writes the same file as the datasets engine."""

from __future__ import annotations

import pytest
from conftest import BIG_TEXT, read_archive, write_archive

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own, from its DataContext


@pytest.fixture(scope="module")
def local_ray():
    from service.batch.ray_engine import local_runtime_env

    ray.init(num_cpus=2, include_dashboard=False, runtime_env=local_runtime_env(), log_to_driver=False,
             logging_level="ERROR")
    yield ray
    ray.shutdown()


def test_ray_engine_matches_the_datasets_engine(tmp_path, local_ray, batch_analyzer, corpus_items):
    from service.batch.ray_engine import relabel_ray
    from service.batch.relabel import relabel

    rows = corpus_items[:20] + [{"id": "blank", "title": "", "body": "", "old": "work"},
                                {"id": "huge", "title": "长", "body": BIG_TEXT, "old": "work"},
                                {"id": "number", "title": 20240101, "body": "正文", "old": 7}] + corpus_items[20:30]
    src = write_archive(tmp_path / "in.jsonl", rows)
    with open(src, "a", encoding="utf-8") as fh:  # mixed types above; bad lines below (issue 11, item 15)
        fh.write('{"id": "broken", "title": \n\n[1, 2]\n')
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    s1 = relabel(src, local, analyzer=batch_analyzer, num_proc=1, label_column="old", cache_dir=tmp_path / "hf",
                 progress=False)
    s2 = relabel_ray(src, remote, analyzer=batch_analyzer, num_proc=2, batch_size=8, label_column="old",
                     progress=False)
    assert read_archive(remote) == read_archive(local)  # same columns, same order, same values
    assert remote.read_bytes() == local.read_bytes()
    result = read_archive(remote)
    assert [r["error_code"] for r in result[20:23]] == ["empty_input", "input_too_long", "wrong_type"]
    assert result[22]["title"] == 20240101 and result[22]["old"] == 7  # the input value is kept as it was
    assert [r["error_code"] for r in result[-3:]] == ["invalid_json", "blank_line", "not_an_object"]
    assert "第 35 行" in result[-2]["error"] and len(result) == len(rows) + 3
    assert s2.to_dict()["categories"] == s1.to_dict()["categories"] and s2.errors == s1.errors
    assert s2.unchanged == s1.unchanged


def test_ray_engine_writes_a_folder_of_parts(tmp_path, local_ray, batch_analyzer, corpus_items):
    import pyarrow.dataset as pads

    from service.batch.ray_engine import relabel_ray

    src = write_archive(tmp_path / "in.parquet", corpus_items)
    summary = relabel_ray(src, tmp_path / "parts", output_format="parquet", analyzer=batch_analyzer, num_proc=2,
                          batch_size=8, progress=False)
    table = pads.dataset(tmp_path / "parts", format="parquet").to_table()
    assert table.num_rows == len(corpus_items) == summary.rows
    assert sorted(table.column("id").to_pylist()) == sorted(r["id"] for r in corpus_items)
    expected = {r["id"]: r["category"] for r in [dict(e, id=i["id"]) for e, i in
                                                 zip(batch_analyzer.analyze_many(corpus_items), corpus_items)]}
    assert dict(zip(table.column("id").to_pylist(), table.column("category").to_pylist())) == expected
