"""Every evaluation set in bench/data is consistent: each labelled span is the text at its offsets, and each
draft's expected verdict follows from its findings (the rule in bench/data/CONVENTIONS.md). A set whose
text was edited after labelling (a cited title reworded) keeps its spans on the words they label."""

from __future__ import annotations

import contextlib
import importlib.util
import io
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
SETS = sorted(DATA.glob("risk_*.jsonl"))


def _checker():
    spec = importlib.util.spec_from_file_location("check_set", DATA / "check_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check


CHECK = _checker()


def test_there_are_sets():
    assert len(SETS) > 100


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_every_span_is_its_text_and_every_verdict_follows_the_rule(path):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = CHECK(str(path))
    assert status == 0, out.getvalue()
    assert "problems: 0" in out.getvalue()
