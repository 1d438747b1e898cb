"""Fixtures of the file tests: ``check(data, name)`` with the session's reviewer (values are in makers.py)."""

from __future__ import annotations

import pytest

from classifier.files import check_file
from tests.assertions import reviewer


@pytest.fixture()
def check():
    def run(data: bytes, name: str, **kw):
        return check_file(data, name, reviewer=reviewer(), **kw)

    return run
