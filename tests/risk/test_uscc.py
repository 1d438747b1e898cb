"""统一社会信用代码 / 组织机构代码: recognised so that they are NOT flagged as personal data."""

import pytest

from tests.assertions import make_uscc, review

ALL_DIGITS = next(make_uscc(f"9133010{i:010d}") for i in range(10000) if make_uscc(f"9133010{i:010d}").isdigit())


@pytest.mark.parametrize("text", [
    "机构统一社会信用代码为91350100M000100Y43。",                      # GB 32100 example
    f"供应商（统一社会信用代码{make_uscc()}）中标。",                # letters inside
    f"信用代码{ALL_DIGITS}",                                         # all digits, 18 long like an ID
    f"{make_uscc('92440300L12345678')}为个体工商户代码",             # at the start
    "组织机构代码：D2143569-X",                                      # GB 11714 with hyphen
    "代码91350100M000100Y43".translate(str.maketrans("0123456789", "０１２３４５６７８９")),  # full-width
])
def test_not_flagged(text):
    assert review(text).findings == ()
