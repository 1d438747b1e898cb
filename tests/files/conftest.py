"""Fixtures of the file tests: one reviewer for the session and a ``check(data, name)`` helper."""

from __future__ import annotations

import pytest

from classifier.files import check_file
from tests.assertions import make_id, reviewer

ID = make_id("330106", "19850612", "123")
ID2 = make_id("110105", "19720304", "456")
MOBILE = "13812345678"


@pytest.fixture()
def check():
    def run(data: bytes, name: str, **kw):
        return check_file(data, name, reviewer=reviewer(), **kw)

    return run


def by_type(result: dict, kind: str) -> list[dict]:
    return [f for f in result["findings"] if f["type"] == kind]
