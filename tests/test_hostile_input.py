"""The whole analysis on hostile input up to the size limit: bounded time, linear growth."""

from __future__ import annotations

import time

import pytest

from classifier.records import MAX_CHARS

UNITS = {
    "digits": "7",
    "spaces": "a \u3000\t",
    "stars": "★",
    "secret": "秘密",
    "one long line": "关于做好政府信息公开工作的通知各单位请按要求执行",
    "full-width": "ＡＢ１２",
    "nul": "\0a",
}


def timed(analyzer, text: str) -> float:
    t0 = time.process_time()
    result = analyzer.analyze({"title": text[:200], "body": text})
    assert result["category"]
    return time.process_time() - t0


@pytest.mark.parametrize("name", UNITS)
def test_largest_accepted_input_is_bounded(analyzer, name):
    unit = UNITS[name]
    text = (unit * (MAX_CHARS // len(unit)))[: MAX_CHARS - 200]
    assert timed(analyzer, text) < 5.0, name


@pytest.mark.parametrize("name", ["digits", "one long line", "secret"])
def test_time_grows_linearly(analyzer, name):
    unit = UNITS[name]
    small, large = unit * (20_000 // len(unit)), unit * (160_000 // len(unit))
    timed(analyzer, small)  # warm up
    t_small = max(timed(analyzer, small), 1e-3)
    t_large = timed(analyzer, large)
    assert t_large < 24 * t_small + 0.5, (t_small, t_large)  # quadratic would be ~64x
