"""Check-digit functions against published examples and computed ones."""

import pytest

from classifier.risk.checksums import (id_card15_valid, id_card_check_char, id_card_valid, luhn_ok, org_code_check_char,
                                       org_code_valid, uscc_check_char, uscc_valid, valid_date)
from tests.assertions import bad_check, make_card, make_id, make_uscc


@pytest.mark.parametrize("number, ok", [
    ("11010519491231002X", True),   # GB 11643-1999 standard's own example (check character X)
    ("11010519491231002x", True),   # lower-case x accepted
    ("110105194912310021", False),  # same with a wrong check digit
    ("11010519491331002X", False),  # month 13: not a real date
    ("99010519491231002X", False),  # province 99 does not exist
    (make_id("440305", "20051231", "046"), True),  # computed
    (bad_check(make_id("440305", "20051231", "046")), False),
])
def test_id_card(number, ok):
    assert id_card_valid(number) is ok


def test_id_card_check_char_example():
    assert id_card_check_char("11010519491231002") == "X"


@pytest.mark.parametrize("number, ok", [
    ("110105491231002", True),   # 15-digit legacy: region + 491231
    ("440304202400718", False),  # a permit number: "month" 24 impossible
    ("990105491231002", False),
])
def test_id_card15(number, ok):
    assert id_card15_valid(number) is ok


@pytest.mark.parametrize("code, ok", [
    ("91350100M000100Y43", True),   # GB 32100-2015 example
    ("91350100M000100Y44", False),
    ("91110000100000000X", False),
    (make_uscc("91330106MA2AB3C4D"), True),
    (make_uscc("92440300L12345678"), True),   # 个体工商户 (registration department 9, kind 2)
])
def test_uscc(code, ok):
    assert uscc_valid(code) is ok


def test_uscc_check_char_example():
    assert uscc_check_char("91350100M000100Y4") == "3"


@pytest.mark.parametrize("code, ok", [
    ("M000100Y4", True),      # the 组织机构代码 inside the GB 32100 example
    ("M000100Y-4", True),     # written with the hyphen
    ("D2143569-X", True),     # GB 11714-1997 example: body D2143569, check X
    ("D2143569-1", False),
])
def test_org_code(code, ok):
    assert org_code_valid(code) is ok


def test_org_code_check_char():
    assert org_code_check_char("D2143569") == "X"


@pytest.mark.parametrize("digits, ok", [
    ("4111111111111111", True),     # the classic test card number
    ("4111111111111112", False),
    (make_card("622848", 19), True),
    ("12ab", False),
])
def test_luhn(digits, ok):
    assert luhn_ok(digits) is ok


def test_valid_date_limits():
    assert valid_date("20000229") and not valid_date("19000229") and not valid_date("18991231")


def test_the_residence_permit_regions_are_the_only_province_wide_region_codes():
    from classifier.risk.checksums import valid_region
    assert valid_region("810000") and valid_region("820000") and valid_region("830000")
    assert not valid_region("440000") and not valid_region("710000")
