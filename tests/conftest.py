"""Shared fixtures. Tests run offline and never need ../shared (those that read it skip)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


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
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return SHARED_DATA
