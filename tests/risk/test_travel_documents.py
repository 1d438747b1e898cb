"""护照 and 往来港澳通行证 recognizers."""

import pytest

from tests.assertions import FULLWIDTH, assert_not_found, assert_span


@pytest.mark.parametrize("text, type_, span", [
    ("旅客李某（持护照E12345678）违规携带", "passport", "E12345678"),          # E + 8 digits in prose
    ("护照号码EA1234567，全程用时15分钟", "passport", "EA1234567"),           # E + letter + 7 digits
    ("新签发的护照号码为G23456789", "passport", "G23456789"),                 # end of text
    ("护照号码" + "E12345678".translate(FULLWIDTH), "passport", "E12345678".translate(FULLWIDTH)),  # full-width
    ("持往来港澳通行证C12345678被查获", "hk_macau_permit", "C12345678"),      # C + 8 digits
    ("往来港澳通行证，证件号码CK1234567，当天出境", "hk_macau_permit", "CK1234567"),  # C + letter + 7
])
def test_found(text, type_, span):
    assert_span(text, type_, span)


@pytest.mark.parametrize("text", [
    "项目编号E12345678，预算100万元。",     # no 护照 nearby
    "型号C12345678的设备",                   # no 通行证 nearby
    "护照号码E1234567。",                    # too short
])
def test_not_found(text):
    assert_not_found(text, "passport")
    assert_not_found(text, "hk_macau_permit")
