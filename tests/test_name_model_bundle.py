"""The name model in the bundle: listed and hash-checked, wired into the reviewer, reproducible build."""

from __future__ import annotations

import json

import pytest

from classifier import Analyzer
from classifier.bundle import NAME_MODEL, save_bundle, sha256_file, verify_bundle
from classifier.errors import ModelError
from classifier.risk.name_tagger import NameTagger
from service.cli import main
from tests.assertions import manifest_of, write_manifest


def test_shipped_bundle_lists_the_name_model(default_bundle_dir):
    manifest = verify_bundle(default_bundle_dir)
    section = manifest[NAME_MODEL]
    info = manifest["files"][section["file"]]
    path = default_bundle_dir / section["file"]
    assert info["sha256"] == sha256_file(path) and info["bytes"] == path.stat().st_size
    assert info["bytes"] <= 10_000_000
    assert set(section["metrics"]) == {"corpus_test", "gov_heldout"}
    assert section["sources"] and section["training_data_sha256"]


def test_analyzer_passes_the_tagger_to_the_reviewer(analyzer):
    tagger = analyzer.reviewer.name_tagger
    assert isinstance(tagger, NameTagger)
    text = "经研究，同意给予蒋玉梅医疗救助金2500元。"
    assert [text[s.start:s.end] for s in tagger.spans(text)] == ["蒋玉梅"]


def test_tampered_name_model_is_refused(bundle_copy):
    name = manifest_of(bundle_copy)[NAME_MODEL]["file"]
    with open(bundle_copy / name, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError) as exc:
        Analyzer.load(bundle_copy)
    assert exc.value.code == "model_tampered"


def test_name_model_not_listed_in_files_is_refused(bundle_copy):
    manifest = manifest_of(bundle_copy)
    del manifest["files"][manifest[NAME_MODEL]["file"]]
    write_manifest(bundle_copy, manifest)
    with pytest.raises(ModelError) as exc:
        Analyzer.load(bundle_copy)
    assert exc.value.code == "manifest_invalid"


def test_bundle_without_name_model_loads_rules_only(bundle_copy):
    manifest = manifest_of(bundle_copy)
    name = manifest.pop(NAME_MODEL)["file"]
    del manifest["files"][name]
    write_manifest(bundle_copy, manifest)
    (bundle_copy / name).unlink()
    analyzer = Analyzer.load(bundle_copy)
    assert analyzer.reviewer.name_tagger is None
    assert analyzer.analyze({"title": "通知", "body": "各单位：请按要求执行。"})["verdict"]


def test_retraining_the_category_model_keeps_the_name_model(tmp_path, default_bundle_dir):
    bundle = tmp_path / "b"
    bundle.mkdir()
    shipped = manifest_of(default_bundle_dir)
    name = shipped[NAME_MODEL]["file"]
    (bundle / name).write_bytes((default_bundle_dir / name).read_bytes())
    write_manifest(bundle, {"files": {name: shipped["files"][name]}, "libraries": shipped["libraries"],
                            NAME_MODEL: shipped[NAME_MODEL]})
    manifest = save_bundle(bundle, {"model": "stand-in"}, {"name": "t"})
    assert set(manifest["files"]) == {"model.joblib", name}
    assert manifest[NAME_MODEL]["file"] == name


# ---- the build ------------------------------------------------------------------------------------
SMALL = [
    ("姓名：邵春林，性别：男", [(3, 6)]),
    ("同意给予司马慧敏临时救助金1000元。", [(4, 8)]),
    ("于海燕 高志明 罗桂珍", [(0, 3), (4, 7), (8, 11)]),
    ("全县共发放救助金320万元。", []),
    ("张家港市高新区王府井大街改造完工。", []),
] * 4


def test_build_is_byte_identical_and_registers(tmp_path, default_bundle_dir, monkeypatch):
    from training.names import train as names_train

    monkeypatch.setattr(names_train, "GOV_HELDOUT", 50)  # keep the evaluation of the test build short
    first, second = tmp_path / "one", tmp_path / "two"
    e1 = names_train.train_name_model(first, examples=SMALL)
    e2 = names_train.train_name_model(second, examples=SMALL)
    assert (first / e1["file"]).read_bytes() == (second / e2["file"]).read_bytes()
    assert e1["sha256"] == e2["sha256"] == sha256_file(first / e1["file"])
    assert e1["training_data_sha256"] == e2["training_data_sha256"]
    assert 0.0 <= e1["metrics"]["gov_heldout"]["f1"] <= 1.0

    # register into a bundle: the category model's entry stays as it was
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shipped = manifest_of(default_bundle_dir)
    write_manifest(bundle, {"name": "x", "files": {"model.joblib": shipped["files"]["model.joblib"]},
                            "libraries": shipped["libraries"]})
    manifest = names_train.register(bundle, {**e1, "file": "names.crfsuite"})
    assert manifest["files"]["model.joblib"] == shipped["files"]["model.joblib"]
    assert manifest["files"]["names.crfsuite"]["sha256"] == e1["sha256"]
    assert manifest[NAME_MODEL]["metrics"] == e1["metrics"]
    assert "sha256" not in manifest[NAME_MODEL]


def test_cli_refuses_a_folder_that_is_not_a_bundle(tmp_path, capsys):
    assert main(["train-names", "--out", str(tmp_path / "nowhere")]) == 2
    assert "manifest.json" in capsys.readouterr().err


def test_shipped_name_model_matches_the_training_data_in_the_repository(default_bundle_dir):
    """Templates, fillers or the converted corpus changed without `gongkai train-names`: rebuild the model."""
    from training.names import train as names_train

    section = manifest_of(default_bundle_dir)[NAME_MODEL]
    examples = names_train.training_examples(section["seed"])
    assert names_train.data_hash(examples) == section["training_data_sha256"]
    assert section["feature_data_sha256"] == names_train.feature_data_hashes(), (
        "surnames.txt or common_words.txt changed: the name model reads them, run `gongkai train-names`")


def test_check_command_uses_the_bundles_name_model(default_bundle_dir, monkeypatch, tmp_path, capsys):
    """`gongkai check` reviews with the same name model as the API: no cue word, still a person."""
    from classifier.analyzer import load_reviewer

    assert isinstance(load_reviewer(default_bundle_dir).name_tagger, NameTagger)
    draft = tmp_path / "草稿.txt"
    draft.write_text("临时救助审批结果\n经审核，同意给予蒋玉梅临时救助金2500元。\n", encoding="utf-8")
    monkeypatch.setenv("GONGKAI_MODEL_DIR", str(default_bundle_dir))
    assert main(["check", str(draft), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["type"] == "person_name" and f["text"] == "蒋玉梅" for f in found)


def test_check_command_refuses_a_tampered_bundle(bundle_copy, monkeypatch, tmp_path, capsys):
    (bundle_copy / "names.crfsuite").write_bytes(b"not a model")
    draft = tmp_path / "草稿.txt"
    draft.write_text("标题\n正文\n", encoding="utf-8")
    monkeypatch.setenv("GONGKAI_MODEL_DIR", str(bundle_copy))
    assert main(["check", str(draft)]) == 2
    assert "SHA-256" in capsys.readouterr().err
