"""Interrupt-and-resume gives the same output; a different model never reuses cached results."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import read_archive, write_archive

from service.batch.records import AnalyzerHandle, Columns
from service.batch.relabel import job_fingerprint, relabel, work_dir_for


class Hooked:
    """Test hook around an Analyzer: counts the rows it analyses and can raise in a given call."""

    def __init__(self, inner, interrupt_at_call: int | None = None):
        self.inner = inner
        self.interrupt_at_call = interrupt_at_call
        self.calls = 0
        self.rows = 0

    def __getattr__(self, name):  # manifest, model_info, path, max_chars: the wrapped model's
        return getattr(self.inner, name)

    def analyze_many(self, records, on_error="raise"):
        if self.calls == self.interrupt_at_call:
            raise KeyboardInterrupt
        self.calls += 1
        self.rows += len(records)
        return self.inner.analyze_many(records, on_error=on_error)


@pytest.fixture()
def archive(tmp_path, corpus_items):
    rows = [dict(r, id=f"{r['id']}-{k}") for k in range(2) for r in corpus_items][:60]
    rows[17] = {"id": "blank", "title": "", "body": "", "old": None}
    return write_archive(tmp_path / "archive.jsonl", rows)


def run(src, out, analyzer, cache, **kw):
    # 60 rows, 6 shards of 10, one batch per shard: call number 3 is shard 3 (the fourth).
    return relabel(src, out, analyzer=analyzer, cache_dir=cache, num_proc=1, shard_rows=10, batch_size=10,
                   progress=False, log=lambda m: None, **kw)


def test_interrupt_then_resume_gives_identical_output(tmp_path, archive, batch_analyzer):
    whole = tmp_path / "whole.jsonl"
    run(archive, whole, batch_analyzer, tmp_path / "hf-a", label_column="old")

    out = tmp_path / "out.jsonl"
    interrupted = Hooked(batch_analyzer, interrupt_at_call=3)
    with pytest.raises(KeyboardInterrupt):
        run(archive, out, interrupted, tmp_path / "hf-b", label_column="old")
    assert interrupted.rows == 30  # shards 0-2 finished
    assert not out.exists()  # nothing half-written in place of OUT
    work = work_dir_for(out)
    assert sorted(p.name for p in work.glob("*.done")) == ["shard-00000.done", "shard-00001.done", "shard-00002.done"]

    resumed = Hooked(batch_analyzer)
    summary = run(archive, out, resumed, tmp_path / "hf-b", label_column="old", resume=True)
    assert summary.shards == 6 and summary.shards_skipped == 3
    assert resumed.rows == 30  # only shards 3-5 were analysed again
    assert out.read_bytes() == whole.read_bytes()
    assert summary.rows == 60 and summary.failed == 1
    assert not work.exists()


def test_without_resume_a_new_run_starts_over(tmp_path, archive, batch_analyzer):
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run(archive, out, Hooked(batch_analyzer, interrupt_at_call=2), tmp_path / "hf")
    again = Hooked(batch_analyzer)
    summary = run(archive, out, again, tmp_path / "hf-2")
    assert summary.shards_skipped == 0 and again.rows == 60


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    """A second, genuinely different bundle: trained in the test on ~20 items per label."""
    from classifier import Analyzer
    from classifier.categories import TRAINING_LABELS
    from training.data import load_labelled
    from training.train import train

    records = load_labelled()
    picked = [r for code in TRAINING_LABELS for r in [x for x in records if x["label"] == code][-20:]]
    folder = tmp_path_factory.mktemp("small-model")
    corpus = folder / "small.jsonl"
    corpus.write_text("".join(json.dumps({k: r[k] for k in ("title", "body", "label")}, ensure_ascii=False) + "\n"
                              for r in picked), encoding="utf-8")
    train(corpus=[corpus], out=folder / "bundle", name="small", log=lambda m: None)
    return Analyzer.load(folder / "bundle")


def test_a_retrained_model_does_not_reuse_cached_results(tmp_path, archive, batch_analyzer, small_model):
    assert small_model.model_info["sha256"] != batch_analyzer.model_info["sha256"]
    cache = tmp_path / "hf"  # shared: the datasets cache must tell the models apart
    out = tmp_path / "out.jsonl"
    run(archive, out, batch_analyzer, cache)
    first = read_archive(out)

    counting = Hooked(small_model)
    run(archive, out, counting, cache)
    second = read_archive(out)
    assert counting.rows == 60  # nothing came from the cache of the other model
    expected = small_model.analyze_many([{"title": r["title"], "body": r["body"]} for r in second],
                                        on_error="record")
    assert [r["category"] for r in second] == [e.get("category") for e in expected]
    assert [r["confidence"] for r in second] == [e.get("confidence") for e in expected]
    assert {r["model_version"] for r in second} == {small_model.model_info["version"]}
    assert [r["confidence"] for r in first] != [r["confidence"] for r in second]

    # The same model again: now the datasets cache answers and the model is not called.
    again = Hooked(small_model)
    run(archive, tmp_path / "again.jsonl", again, cache)
    assert again.rows == 0
    assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()


def test_resume_with_another_model_redoes_every_shard(tmp_path, archive, batch_analyzer, small_model):
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run(archive, out, Hooked(batch_analyzer, interrupt_at_call=3), tmp_path / "hf")
    counting = Hooked(small_model)
    summary = run(archive, out, counting, tmp_path / "hf", resume=True)
    assert summary.shards_skipped == 0 and counting.rows == 60
    assert {r["model_version"] for r in read_archive(out)} == {small_model.model_info["version"]}


def test_fingerprint_depends_on_model_review_code_threshold_and_columns(batch_analyzer):
    handle = AnalyzerHandle.register(batch_analyzer)
    base = job_fingerprint(handle, Columns(), "input-fp", 60)
    variants = [replace(handle, sha256="0" * 64), replace(handle, threshold=0.99), replace(handle, review="x"),
                replace(handle, code="y")]
    assert len({base, *(job_fingerprint(h, Columns(), "input-fp", 60) for h in variants),
                job_fingerprint(handle, Columns(label="old"), "input-fp", 60),
                job_fingerprint(handle, Columns(), "other-input", 60)}) == 7
    handle.release()
