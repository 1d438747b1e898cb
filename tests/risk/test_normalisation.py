"""Evasions: invisible characters, separators inside digit runs, full-width forms (invented values).

A finding's span covers every original character of the value, invisible ones included, and the
de-identified text keeps none of them.
"""

import pytest

from classifier.risk.text import INVISIBLE, Normalised
from tests.assertions import findings, make_id, review

ID = make_id("330106", "19900307", "123")
MOBILE = "13927465813"


def _only(result, type_):
    got = findings(result, type_)
    assert len(got) == 1, [(f.type, f.text) for f in result.findings]
    return got[0]


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200b\u200b"])
def test_invisible_character_inside_an_id_number(hidden):
    value = ID[:6] + hidden + ID[6:14] + hidden + ID[14:]
    body = f"申请人身份证号{value}，特此公示。"
    result = review(body)
    f = _only(result, "id_card")
    assert f.text == value and body[f.start:f.end] == value  # the span covers the invisible characters
    red = result.redacted["body"]
    assert hidden not in red and ID not in red and f"{ID[:4]}**********{ID[-4:]}" in red
    assert result.verdict == "redact"


@pytest.mark.parametrize("value", [
    "139\u200b2746\u20605813",     # zero-width space, word joiner
    "139\u00ad2746\u00ad5813",     # soft hyphens
    "139.2746.5813",               # dotted
    "139  2746  5813",             # double spaces
    "139-2746-5813",
    "1392746\n5813",               # a line break inside
    "１３９２７４６５８１３",        # full-width digits
])
def test_mobile_evasions_are_found(value):
    body = f"投诉人张某某，手机：{value}。"
    result = review(body)
    f = _only(result, "mobile")
    assert body[f.start:f.end] == value
    red = result.redacted["body"]
    assert not any(ch in red for ch in INVISIBLE) and MOBILE not in red.replace(".", "").replace(" ", "").replace("-", "")


def test_four_four_three_mobile_needs_a_phone_label():
    assert _only(review("本人手机：1392 7465 813。"), "mobile").text == "1392 7465 813"
    assert not findings(review("补贴账号：6230 5811 1392 7465 813"), "mobile")


def test_line_break_inside_an_id_number():
    value = ID[:9] + "\n" + ID[9:]
    result = review(f"身份证号{value}")
    assert _only(result, "id_card").text == value
    assert ID[9:] not in result.redacted["body"]


def test_name_padded_with_an_ideographic_space_in_a_list():
    body = "城乡低保新增对象公示：\n1. 王　芳（城关镇）\n2. 李　强（城关镇）"
    result = review(body, "关于最低生活保障新增对象的公示")
    names = [f.text for f in findings(result, "person_name")]
    assert names == ["王　芳", "李　强"]
    assert "王*" in result.redacted["body"] and "王　芳" not in result.redacted["body"]


def test_offsets_map_back_through_removed_characters():
    n = Normalised("a\u200bb\u00adc１２")
    assert n.text == "abc12" and n.to_original(1, 3) == (2, 5) and n.kept(3, 5) == "１２"
    plain = Normalised("没有要去掉的字符")
    assert plain.index is None and plain.to_original(2, 4) == (2, 4)


@pytest.mark.parametrize("original, normalised", [
    ("账　　号：123", "账号：123"),     # a two-character label padded to a form's width
    ("住  址:某路1号", "住址:某路1号"),  # ASCII spaces, ASCII colon
    ("1. 项　目：", "1. 项目："),
    ("男  汉族", "男  汉族"),           # not a label: no colon follows
    ("序号 1 2：", "序号 1 2："),        # digits, not a label
])
def test_spaces_padding_a_label_are_removed(original, normalised):
    n = Normalised(original)
    assert n.text == normalised
    if n.index is not None:
        assert "".join(original[i] for i in n.index) == normalised


def test_padded_label_still_labels_its_value():
    result = review(f"姓　　名：某某\n住　　址：某市某区某路18号2单元301室\n身份证号：{ID}")
    address = _only(result, "address")
    assert address.text == "某市某区某路18号2单元301室"
