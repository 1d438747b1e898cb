"""Mobile and landline recognizers."""

import pytest

from tests.assertions import FULLWIDTH, assert_not_found, assert_span


@pytest.mark.parametrize("text, span", [
    ("经约谈（房东手机：13781113487）已整改。", "13781113487"),      # embedded in prose
    ("13781113487为投诉人电话", "13781113487"),                      # start of text
    ("投诉人联系电话13781113487", "13781113487"),                    # end of text
    ("联系电话189 7436 5603）", "189 7436 5603"),                    # 3-4-4 spaces
    ("来电号码：158-1373-5733，", "158-1373-5733"),                  # 3-4-4 hyphens
    ("联系电话+86 18859512173，", "+86 18859512173"),                # +86 prefix
    ("手机" + "13781113487".translate(FULLWIDTH) + "。", "13781113487".translate(FULLWIDTH)),  # full-width
    ("获奖者联系方式：王某 19965157587；", "19965157587"),            # 199 prefix
])
def test_mobile_found(text, span):
    f = assert_span(text, "mobile", span)
    assert f.replacement and f.replacement.startswith(span[:3]) and "*" in f.replacement


@pytest.mark.parametrize("text", [
    "手机12345678901。",            # 12x is not a mobile prefix
    "编号1378111348712。",          # 13 digits
    "监督电话：13781113487",        # a published supervision number
    "准考证号135010302617",         # 12 digits
])
def test_mobile_not_found(text):
    assert_not_found(text, "mobile")


@pytest.mark.parametrize("text, span", [
    ("家庭电话0731-73153352；", "0731-73153352"),     # private context before it
    ("住宅电话010-85048221，", "010-85048221"),
    ("回访电话0898 73189784，", "0898 73189784"),      # space instead of hyphen
])
def test_landline_found(text, span):
    assert_span(text, "landline", span)


@pytest.mark.parametrize("text", [
    "咨询电话：0731-88999170（征收事务中心）",   # office phone
    "联系电话：0591-24312321。",                 # office contact, no private cue
    "值班电话：0591-24221110，传真：0591-24221199",
    "请拨打12345或110。",                        # hotlines
])
def test_landline_not_found(text):
    assert_not_found(text, "landline")
