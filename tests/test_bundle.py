"""Model bundles: the manifest is checked before anything is unpickled."""

from __future__ import annotations

import json

import pytest

from classifier import Analyzer, ModelError
from classifier.bundle import MANIFEST_FILE, MODEL_FILE, library_versions, read_manifest
from training.data import corpus_files, corpus_hash


def edit_manifest(path, change):
    manifest = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
    change(manifest)
    (path / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")


def test_shipped_bundle_was_built_from_the_corpus_in_the_repo(default_bundle_dir):
    manifest = read_manifest(default_bundle_dir)
    assert manifest["corpus"]["sha256"] == corpus_hash(corpus_files()), (
        "models/default is stale: rebuild it with `gongkai train`"
    )


def test_manifest_records_what_it_promises(default_bundle_dir):
    manifest = read_manifest(default_bundle_dir)
    assert set(manifest["labels"]) == {"institution", "policy", "planning", "work", "finance", "personnel", "tender"}
    assert 0.5 <= manifest["threshold"] < 1
    assert manifest["libraries"]["scikit-learn"] == library_versions()["scikit-learn"]
    assert len(manifest["files"][MODEL_FILE]["sha256"]) == 64
    held = manifest["metrics"]["heldout"]
    assert held["accuracy"] > 0.8 and set(held["per_category"]) >= set(manifest["labels"])


def test_tampered_model_file_is_refused(bundle_copy):
    with open(bundle_copy / MODEL_FILE, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="SHA-256") as err:
        Analyzer.load(bundle_copy)
    assert err.value.code == "model_tampered"


def test_other_scikit_learn_minor_version_is_refused(bundle_copy):
    edit_manifest(bundle_copy, lambda m: m["libraries"].update({"scikit-learn": "0.24.2"}))
    with pytest.raises(ModelError, match="scikit-learn 0.24.2") as err:
        Analyzer.load(bundle_copy)
    assert err.value.code == "incompatible_model"


def test_unknown_format_version_is_refused(bundle_copy):
    edit_manifest(bundle_copy, lambda m: m.update({"format_version": 99}))
    with pytest.raises(ModelError, match="格式版本"):
        Analyzer.load(bundle_copy)


def test_file_outside_the_folder_is_refused(bundle_copy):
    edit_manifest(bundle_copy, lambda m: m["files"].update({"../evil.joblib": {"sha256": "0" * 64}}))
    with pytest.raises(ModelError, match="之外"):
        Analyzer.load(bundle_copy)


def test_missing_folder_and_manifest(tmp_path):
    with pytest.raises(ModelError, match="找不到模型目录"):
        Analyzer.load(tmp_path / "absent")
    with pytest.raises(ModelError, match="manifest.json"):
        Analyzer.load(tmp_path)


def test_env_variable_selects_the_model_folder(monkeypatch, bundle_copy):
    monkeypatch.setenv("GONGKAI_MODEL_DIR", str(bundle_copy))
    assert Analyzer.load().path == bundle_copy
