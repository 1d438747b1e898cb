"""机动车号牌 recognizer."""

import pytest

from tests.assertions import assert_not_found, assert_span, findings, review


@pytest.mark.parametrize("text, span", [
    ("一台号牌为晋A·5H2R8的小型客车", "晋A·5H2R8"),     # with separator dot, in prose
    ("浙C·8V2N7号车辆长期占用泊位", "浙C·8V2N7"),        # start of text
    ("新能源汽车（号牌苏ED37514）", "苏ED37514"),        # 新能源 small: D + 5
    ("登记号牌为吉B30746D的货车", "吉B30746D"),          # 新能源 large: 5 + D
    ("涉事车辆为粤B12345", "粤B12345"),                  # end of text
    ("车牌川A　12345".replace("　", " "), "川A 12345"),   # split by a space
])
def test_found(text, span):
    f = assert_span(text, "plate", span)
    assert f.replacement.startswith(span[:2])


@pytest.mark.parametrize("text", [
    "渔船闽平渔60318船员",        # a ship name
    "江苏A级景区名单",            # not a plate
    "粤B1234567890",              # too long
])
def test_not_found(text):
    assert_not_found(text, "plate")


def test_a_plate_whose_bracket_names_the_company_that_owns_it_stays():
    body = ("姓名｜驾驶员证号｜服务车辆｜注销原因\n"
            "冉某某｜500112198409174694｜渝A·5W63R（重庆某汽车租赁有限公司所有）｜本人申请")
    assert not findings(review(body), "plate")


def test_an_offices_vehicle_named_in_brackets_and_an_officers_certificate_number_are_no_private_plates():
    body = "二、医疗保障车辆：苏E·W1205（市急救中心）\n三、志愿者自驾保障车辆：苏E·K3366（张某某）"
    assert [f.text for f in findings(review(body), "plate")] == ["苏E·K3366"]
    body = "询问人：沈涛、陆佳（执法证号：浙A33012、浙A33027）\n被询问人：孙某，车主，其浙A6F3H2号车辆停放于院内。"
    assert [f.text for f in findings(review(body), "plate")] == ["浙A6F3H2"]


@pytest.mark.parametrize("text, span", [
    ("两地牌车辆粤Z·K418港逾期未检验", "粤Z·K418港"),       # cross-border, Hong Kong
    ("车主梁某某的粤Z·D207澳号车辆", "粤Z·D207澳"),          # cross-border, Macao
    ("其驾驶的半挂车挂车号牌为冀E·6271挂", "冀E·6271挂"),     # a private person's trailer
])
def test_a_plate_of_a_special_series_ends_with_its_character(text, span):
    assert [f.text for f in findings(review(text), "plate")] == [span]


def test_the_trailer_in_the_bracket_after_a_companys_vehicle_is_the_companys():
    body = "某某危货运输有限公司所属重型罐式半挂车（牵引车陕A·H6718，挂车陕A·0352挂）与私家车（陕A·6K2M7）相撞。"
    assert [f.text for f in findings(review(body), "plate")] == ["陕A·6K2M7"]


def test_a_plate_shape_inside_a_registration_number_is_no_plate():
    body = "1. 设备类别：承压蒸汽锅炉；使用单位：某热力有限公司；使用登记证编号：锅11黑B00472(24)。"
    assert not findings(review(body), "plate")


def test_a_plate_after_a_circled_number_is_still_a_plate():
    body = "现将车牌号可辨识的车辆公告如下，请车主自行挪移：\n①吉A 3F268（白色轿车，车主刘某某）\n"
    assert [f.text for f in findings(review(body), "plate")] == ["吉A 3F268"]
