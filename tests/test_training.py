"""Training end to end on a small corpus: bundle written, verified, loadable, reproducible."""

from __future__ import annotations

import json

import pytest

from classifier import Analyzer
from classifier.categories import CODES
from training.data import load_labelled


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    records = load_labelled()
    picked = []
    for code in CODES:
        picked += [r for r in records if r["label"] == code][:20]
    path = tmp_path_factory.mktemp("corpus") / "small.jsonl"
    path.write_text("".join(json.dumps({k: r[k] for k in ("title", "body", "label")}, ensure_ascii=False) + "\n"
                            for r in picked), encoding="utf-8")
    return path


def test_train_writes_a_loadable_verified_bundle(tmp_path, small_corpus):
    from training.train import train

    messages: list[str] = []
    manifest = train(corpus=[small_corpus], out=tmp_path / "m", name="small", log=messages.append)
    assert any("留出集" in m for m in messages)
    assert manifest["corpus"]["records"] == 140
    assert manifest["name"] == "small" and set(manifest["labels"]) == set(CODES)
    assert 0.5 <= manifest["threshold"] <= 0.99
    analyzer = Analyzer.load(tmp_path / "m")
    assert analyzer.analyze({"title": "关于李明同志任职的通知"})["category"] in CODES

    again = train(corpus=[small_corpus], out=tmp_path / "m2", name="small", log=messages.append)
    assert again["metrics"] == manifest["metrics"] and again["threshold"] == manifest["threshold"]
