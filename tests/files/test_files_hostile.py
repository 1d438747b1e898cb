"""Hostile files of about 1 MB: every pattern stays linear, every failure is a clear FileError (never a crash)."""

from __future__ import annotations

import time

import pytest

from classifier.errors import FileError
from classifier.files.detect import detect

MB = 1_000_000
HOSTILE = {
    "unclosed comments": ("<!--" * (MB // 4), "x.html"),
    "empty comments then text": ("<!---->" * (MB // 7) + "x", "x.html"),
    "angle brackets": ("<" * MB, "x"),
    "deep nesting": ("<div>" * (MB // 5), "x.html"),
    "xml declarations": ("<?xml " * (MB // 6), "x.html"),
    "long csv field": ('"' + "号" * MB, "x.csv"),
    "delimiters": ("," * MB, "x.csv"),
    "digits": ("7" * MB, "x.txt"),
    "doctype words": ("<!DOCTYPE " * (MB // 10), "x"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_is_bounded(check, name):
    text, filename = HOSTILE[name]
    data = text.encode("utf-8")
    started = time.perf_counter()
    detect(data, filename)
    try:
        result = check(data, filename).result
        assert result["verdict"] in ("publish", "redact", "review", "withhold")
    except FileError as exc:
        assert exc.code and any("\u4e00" <= ch <= "\u9fff" for ch in exc.message)
    elapsed = time.perf_counter() - started
    assert elapsed < 60, (name, elapsed)  # a backtracking pattern would take hours, not seconds
