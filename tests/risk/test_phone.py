"""Mobile and landline recognizers."""

import pytest

from tests.assertions import FULLWIDTH, assert_not_found, assert_span


@pytest.mark.parametrize("text, span", [
    ("据回访（出租人手机：13907254618）已搬离。", "13907254618"),      # embedded in prose
    ("13907254618为投诉人电话", "13907254618"),                      # start of text
    ("投诉人联系电话13907254618", "13907254618"),                    # end of text
    ("联系电话177 2958 3146）", "177 2958 3146"),                    # 3-4-4 spaces
    ("来电号码：152-6841-0397，", "152-6841-0397"),                  # 3-4-4 hyphens
    ("联系电话+86 18620735941，", "+86 18620735941"),                # +86 prefix
    ("手机" + "13907254618".translate(FULLWIDTH) + "。", "13907254618".translate(FULLWIDTH)),  # full-width
    ("中签者联系方式：韦某 19938264015；", "19938264015"),            # 199 prefix
])
def test_mobile_found(text, span):
    f = assert_span(text, "mobile", span)
    assert f.replacement and f.replacement.startswith(span[:3]) and "*" in f.replacement


@pytest.mark.parametrize("text", [
    "手机12345678901。",            # 12x is not a mobile prefix
    "编号1390725461812。",          # 13 digits
    "监督电话：13907254618",        # a published supervision number
    "准考证号136052407318",         # 12 digits
])
def test_mobile_not_found(text):
    assert_not_found(text, "mobile")


@pytest.mark.parametrize("text, span", [
    ("家庭电话0372-26418357；", "0372-26418357"),     # private context before it
    ("住宅电话021-64718250，", "021-64718250"),
    ("回访电话0898 73189784，", "0898 73189784"),      # space instead of hyphen
])
def test_landline_found(text, span):
    assert_span(text, "landline", span)


@pytest.mark.parametrize("text", [
    "咨询电话：0571-87903246（住房保障服务中心）",   # office phone
    "联系电话：0851-86593217。",                 # office contact, no private cue
    "值班电话：0771-53826410，传真：0771-53826499",
    "请拨打12345或110。",                        # hotlines
])
def test_landline_not_found(text):
    assert_not_found(text, "landline")
