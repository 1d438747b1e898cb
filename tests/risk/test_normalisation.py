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


def test_the_visible_head_of_a_masked_card_is_no_account():
    body = ("经保险公司查勘定损，现已完成理赔，理赔款统一打入农户“一卡通”账户。\n部分农户账户信息有误，请尽快到镇财政所更正：\n"
            "户名：韦某某  账户：6230 5800 **** **** 612")
    assert not [f for f in review(body).findings if f.type in ("bank_card", "bank_account")]


def test_a_line_break_before_the_next_items_number_ends_the_number():
    body = ("1. 某餐饮管理有限公司，开户行：某银行某支行，收款账号：4510 1000 0360 5123 7788\n"
            "2. 某团餐服务有限公司，开户行：某银行某支行，收款账号：20063101040008917\n3、某后勤服务集团有限公司")
    assert [f.text for f in findings(review(body), "bank_account")] == ["4510 1000 0360 5123 7788", "20063101040008917"]


def test_name_padded_with_an_ideographic_space_in_a_list():
    body = "城乡低保新增对象公示：\n1. 王　芳（城关镇）\n2. 李　强（城关镇）"
    result = review(body, "关于最低生活保障新增对象的公示")
    names = [f.text for f in findings(result, "person_name")]
    assert names == ["王　芳", "李　强"]
    assert "王*" in result.redacted["body"] and "王　芳" not in result.redacted["body"]


def test_lined_up_name_is_one_name_and_found_where_written_without_spaces():
    body = ("特困人员救助供养对象公示：\n1. 钱  秀兰，女，87岁，东关街道\n2. 蒯  英，女，90岁，西关街道\n"
            "钱秀兰老人由其侄子代为领取。")
    result = review(body, "特困人员救助供养对象公示")
    names = [(f.text, f.start) for f in findings(result, "person_name")]
    assert ("钱  秀兰", body.index("钱  秀兰")) in names and ("蒯  英", body.index("蒯  英")) in names
    assert ("钱秀兰", body.index("钱秀兰老人")) in names
    red = result.redacted["body"]
    assert "秀兰" not in red and "蒯  英" not in red


def test_a_name_written_lined_up_elsewhere_is_the_same_person():
    body = "社区矫正对象名单：\n1. 滕晓涛，男，判处缓刑二年\n报到情况：滕  晓涛于3月12日按时报到。"
    result = review(body, "关于社区矫正对象报到情况的通报")
    assert "滕  晓涛" in [f.text for f in findings(result, "person_name")]


def test_a_private_name_before_a_place_word_is_the_place():
    body = "建房审批公示：\n申请人｜村别｜人口\n金  华｜蒋堂村｜4\n骆  敏｜塘雅村｜3\n金华市某区某镇人民政府"
    result = review(body, "农村村民建房审批结果公示")
    names = [f.text for f in findings(result, "person_name")]
    assert "金  华" in names and "骆  敏" in names and "金华" not in names


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
    # the spaces that line up a name in a list
    ("4. 钱  秀兰，女，87岁", "4. 钱秀兰，女，87岁"),   # two spaces after the surname of a three-character name
    ("蒯  英      女      1931", "蒯英      女      1931"),
    ("柏 晓 雯    女", "柏晓雯    女"),                 # a space between every character
    ("戚  春 生,", "戚春生,"),
    ("高 二班\u3000\u3000谈  波\u3000\u30002009年", "高二班\u3000\u3000谈波\u3000\u30002009年"),
    ("7班\u3000\u3000谈  波", "7班\u3000\u3000谈波"),   # two ideographic spaces after 班 part cells
    ("农民工滕 海 波等", "农民工滕 海 波等"),             # 海 is inside a spaced run that starts at 滕
    ("1  男  汉  25", "1  男  汉  25"),                 # no surname
    ("柯  楠在住所内", "柯  楠在住所内"),                 # a predicate follows: left to the name reader
])
def test_spaces_padding_a_label_or_lining_up_a_name_are_removed(original, normalised):
    n = Normalised(original)
    assert n.text == normalised
    if n.index is not None:
        assert "".join(original[i] for i in n.index) == normalised


def test_padded_label_still_labels_its_value():
    result = review(f"姓　　名：某某\n住　　址：某市某区某路18号2单元301室\n身份证号：{ID}")
    address = _only(result, "address")
    assert address.text == "某市某区某路18号2单元301室"


def test_an_address_whose_numbers_are_spaced_apart_is_read_and_masked_whole():
    body = "信访人：石某珍，住桥西区维明南大街 ２６ 号院 11 号楼 3 单元 502 室，联系电话 138 7311 2233。"
    result = review(body)
    found = [f for f in result.findings if f.type == "address"]
    assert found and "502 室" in found[0].text and "２６ 号院" in found[0].text
    assert "502" not in result.redacted["body"] and "维明南大街" not in result.redacted["body"]


def test_a_cell_gap_after_an_address_is_no_space_inside_it():
    assert Normalised("岳麓区咸嘉湖路 518 号 7 栋 302 房        138 7311 2233").text == \
        "岳麓区咸嘉湖路518号7栋302房        138 7311 2233"


@pytest.mark.parametrize("sep", ["｜", "|", "\t"])
def test_a_number_ending_a_table_row_stops_before_the_next_rows_first_cell(sep):
    # "…0851-2234567⏎2｜李某…": the next row's number is no part of the phone (nor of the span de-identified)
    row = sep.join
    body = "\n".join([row(["序号", "姓名", "住宅电话"]), row(["1", "王某某", "0851-2234567"]), row(["2", "李某某", "0851-2234568"])])
    assert [f.text for f in findings(review(body, "困难群众走访名单"), "landline")] == ["0851-2234567", "0851-2234568"]
