"""Model bundles: the manifest is checked before anything is unpickled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from classifier import Analyzer, ModelError
from classifier.bundle import MANIFEST_FILE, MODEL_FILE, default_model_dir, library_versions, read_manifest
from service.cli import main
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


@pytest.mark.parametrize("library, built, fragment", [
    ("jieba", "0.39", "jieba 0.39"),           # another jieba cuts differently: other features
    ("rjieba", "0.1.9", "rjieba==0.1.9"),
    ("numpy", "1.26.4", "numpy 1.x"),          # the pickled arrays need the same numpy major version
])
def test_runtime_library_versions_are_checked(bundle_copy, library, built, fragment, monkeypatch):
    if library == "numpy" and library_versions()["numpy"].startswith("1."):
        built = "2.0.0"
        fragment = "numpy 2.x"
    edit_manifest(bundle_copy, lambda m: m["libraries"].update({library: built}))
    with pytest.raises(ModelError, match=fragment) as err:
        Analyzer.load(bundle_copy)
    assert err.value.code == "incompatible_model" and "gongkai train" in err.value.message


def test_a_bundle_without_a_runtime_library_version_is_refused(bundle_copy):
    edit_manifest(bundle_copy, lambda m: m["libraries"].pop("rjieba"))
    with pytest.raises(ModelError, match="没有记录 rjieba 的版本"):
        Analyzer.load(bundle_copy)


def test_scikit_learn_is_not_needed_to_serve(bundle_copy):
    # Serving never imports scikit-learn, so the version it was trained with does not matter.
    edit_manifest(bundle_copy, lambda m: m["libraries"].update({"scikit-learn": "0.24.2"}))
    assert Analyzer.load(bundle_copy).analyze({"title": "青山县财政局2025年度部门预算"})["category"] == "finance"


@pytest.mark.parametrize("manifest, fragment", [
    ([1, 2, 3], "应为 JSON 对象，实际是 数组"),
    ("model", "应为 JSON 对象，实际是 文本"),
    ({"format_version": 2, "files": ["model.joblib"], "libraries": {}}, "files 应为非空对象"),
    ({"format_version": 2, "files": {"model.joblib": "abc"}, "libraries": {}}, "'model.joblib' 应为含 sha256 文本的对象"),
    ({"format_version": 2, "files": {"model.joblib": {"sha256": 7}}, "libraries": {}}, "sha256"),
    ({"format_version": 2, "files": {"model.joblib": {"sha256": "0" * 64}}, "libraries": ["numpy"]},
     "libraries 应为 {库名: 版本文本} 的对象，实际是 数组"),
    ({"format_version": 2, "files": {"model.joblib": {"sha256": "0" * 64}}, "libraries": {"numpy": 2}},
     "libraries"),
])
def test_a_malformed_manifest_is_a_model_error(bundle_copy, manifest, fragment, capsys):
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="格式有误") as err:
        Analyzer.load(bundle_copy)
    assert err.value.code == "manifest_invalid" and fragment in err.value.message
    # the command line answers with the Chinese message and exit code 2, no traceback
    draft = bundle_copy / "draft.txt"
    draft.write_text("青山县财政局2025年度部门预算\n正文", encoding="utf-8")
    assert main(["analyze", str(draft), "--model", str(bundle_copy)]) == 2
    err_text = capsys.readouterr().err
    assert err_text.startswith("错误：模型清单") and "Traceback" not in err_text


HOSTILE_MODELS_INIT = """
from pathlib import Path
Path({marker!r}).write_text("imported", encoding="utf-8")
"""


def test_a_models_package_in_the_working_directory_is_never_used(tmp_path):
    """A generic ``models/`` package where the user happens to be is neither imported nor unpickled."""
    marker = tmp_path / "MARKER"
    hostile = tmp_path / "models"
    (hostile / "default").mkdir(parents=True)
    (hostile / "__init__.py").write_text(HOSTILE_MODELS_INIT.format(marker=str(marker)), encoding="utf-8")
    (hostile / "default" / MANIFEST_FILE).write_text('{"format_version": 2}', encoding="utf-8")
    (hostile / "default" / MODEL_FILE).write_bytes(b"not a model")
    import classifier

    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_MODEL_DIR"}
    # gongkai importable as in the tests (installed or from the checkout); the working directory comes first
    env["PYTHONPATH"] = str(Path(classifier.__file__).resolve().parents[1])
    code = ("import sys; from classifier import Analyzer; a = Analyzer.load(); "
            "print(a.path); print('models' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    path, imported = out.stdout.split()
    assert not marker.exists() and imported == "False"
    assert not Path(path).resolve().is_relative_to(tmp_path.resolve())
    assert (Path(path) / MODEL_FILE).is_file()


def test_the_shipped_bundle_is_found_next_to_the_code(monkeypatch):
    monkeypatch.delenv("GONGKAI_MODEL_DIR", raising=False)
    import classifier

    found = default_model_dir().resolve()
    assert (found / MANIFEST_FILE).is_file()
    package = Path(classifier.__file__).resolve().parent
    assert found in {(package / "_bundle" / "default").resolve(), (package.parent / "models" / "default").resolve()}


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
