"""Training end to end on a small corpus: bundle written, verified, loadable, reproducible."""

from __future__ import annotations

from classifier import Analyzer
from classifier.categories import CODES
from training.data import load_labelled


def test_train_writes_a_loadable_verified_bundle(tmp_path, small_corpus):
    from training.train import train

    messages: list[str] = []
    manifest = train(corpus=[small_corpus], out=tmp_path / "m", name="small", log=messages.append)
    assert any("5 折交叉验证" in m for m in messages)
    assert manifest["corpus"]["records"] == 140
    assert manifest["name"] == "small" and set(manifest["labels"]) == set(CODES)
    assert 0.5 <= manifest["threshold"] <= 0.99
    analyzer = Analyzer.load(tmp_path / "m")
    assert analyzer.analyze({"title": "关于李明同志任职的通知"})["category"] in CODES

    again = train(corpus=[small_corpus], out=tmp_path / "m2", name="small", log=messages.append)
    assert again["metrics"] == manifest["metrics"] and again["threshold"] == manifest["threshold"]


def test_compiled_model_matches_the_scikit_learn_pipeline(small_corpus):
    """Serving uses the compiled arrays; they must give the pipeline's own probabilities."""
    import numpy as np

    from classifier.segment import Segmenter
    from training.estimators import compile_pipeline
    from training.train import augment, build_pipeline

    records = load_labelled([small_corpus])
    X, y = augment(records)
    pipeline = build_pipeline(Segmenter(user_words=["部门预算"]), seed=0).fit(X, y)
    compiled = compile_pipeline(pipeline, threshold=0.7)
    probe = [("青山县财政局2025年度部门预算", ""), ("", "各单位：现将成绩公示如下。"), ("关于李明同志任职的通知", "经研究决定")]
    expected = pipeline.predict_proba(probe)
    got = compiled.predict_proba(compiled.extractor.transform(probe))
    assert compiled.classes == [str(c) for c in pipeline.classes_]
    np.testing.assert_allclose(got, expected, atol=1e-4)
