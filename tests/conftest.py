"""Shared fixtures. Tests run offline and never read ../shared (evaluation data is for bench/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def analyzer():
    from classifier import Analyzer

    return Analyzer.load()


@pytest.fixture(scope="session")
def default_bundle_dir() -> Path:
    from classifier.bundle import default_model_dir

    return default_model_dir()


@pytest.fixture()
def bundle_copy(tmp_path, default_bundle_dir) -> Path:
    """A private copy of the shipped bundle that a test may damage."""
    dest = tmp_path / "bundle"
    shutil.copytree(default_bundle_dir, dest)
    return dest


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """20 items of each category from the written corpus: enough to train a small model in seconds."""
    import json

    from classifier.categories import CODES
    from training.data import load_labelled

    records = load_labelled()
    picked = []
    for code in CODES:
        picked += [r for r in records if r["label"] == code][:20]
    path = tmp_path_factory.mktemp("corpus") / "small.jsonl"
    path.write_text("".join(json.dumps({k: r[k] for k in ("title", "body", "label")}, ensure_ascii=False) + "\n"
                            for r in picked), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path_factory, monkeypatch):
    """The default review records database (platformdirs' user data folder) lives in a temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg-data"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
