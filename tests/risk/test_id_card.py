"""居民身份证号码 recognizer: (text, expected span or None) tables."""

import pytest

from classifier.risk.checksums import luhn_ok
from tests.assertions import FULLWIDTH, assert_not_found, assert_span, bad_check, findings, make_id, review

ID = make_id("330106", "19900307", "123")
ID_X = next(make_id("110105", "19870415", f"{i:03d}") for i in range(1000)
            if make_id("110105", "19870415", f"{i:03d}").endswith("X"))


@pytest.mark.parametrize("text, span", [
    (f"申请人身份证号{ID}，现予公示。", ID),                                # valid, embedded in prose
    (f"{ID}为申请人证件号码", ID),                                          # at the start of the text
    (f"申请人公民身份号码：{ID}", ID),                                      # at the end of the text
    (f"身份证号{ID.translate(FULLWIDTH)}，", ID.translate(FULLWIDTH)),      # full-width digits
    (f"证件号码{ID[:6]} {ID[6:10]} {ID[10:14]} {ID[14:]}，", f"{ID[:6]} {ID[6:10]} {ID[10:14]} {ID[14:]}"),  # 6-4-4-4 spaces
    (f"证件号码{ID[:6]}-{ID[6:14]}-{ID[14:]}。", f"{ID[:6]}-{ID[6:14]}-{ID[14:]}"),  # 6-8-4 hyphens
    (f"社会保障卡号{ID_X[:-1]}x，", ID_X[:-1] + "x"),                      # lower-case x
    ("标准示例11010519491231002X。", "11010519491231002X"),                # GB 11643 published example
    (f"户主张*，身份证号{ID}，联系电话13912345678", ID),                   # next to a mobile number
])
def test_found(text, span):
    f = assert_span(text, "id_card", span, score=(0.99, 1.0))
    assert f.action == "redact" and "校验位正确" in f.reason and "第十五条" in f.reason


@pytest.mark.parametrize("text", [
    f"业务受理编号{bad_check(ID)}，状态：已办结。",   # check digit fails, look-alike business number
    f"编号{ID}0",                                    # 19 digits: not an ID
    "许可证号：建字第440304202400718号",              # 15 digits whose "month" is 24
    "身份证号码栏请如实填写本人信息。",                # the words only, no number
    "320106********4127",                            # already masked
])
def test_not_redacted(text):
    result = review(text)
    assert not [f for f in result.findings if f.type == "id_card" and f.action == "redact"]


def test_check_digit_fails_with_id_context_is_low_confidence_review():
    result = review(f"申请人身份证号{bad_check(ID)}。")
    ids = [f for f in result.findings if f.type == "id_card"]
    assert len(ids) == 1
    assert ids[0].action == "review" and ids[0].score < 0.7 and ids[0].replacement is None
    assert result.redacted["body"] == f"申请人身份证号{bad_check(ID)}。"  # never masked automatically


def test_fifteen_digit_legacy_with_context():
    assert_span("原身份证号110105491231002，已换发。", "id_card", "110105491231002")


def test_fifteen_digit_without_context_not_flagged():
    assert_not_found("批次110105491231002，合格。", "id_card")


@pytest.mark.parametrize("text", [
    f"原登记身份证号：{bad_check(ID)}（校验位错误），现予更正。",
    f"另附件中证件号码{bad_check(ID)}经核验有误，已退回补正。",
    f"身份证号码样式如{bad_check(ID)}的示例号码系宣传材料用例。",
    f"该证件号码登记为{bad_check(ID)}，经核验系伪造号码。",
    f"身份证号{bad_check(ID)}（经核对与户籍信息不符，待本人补正）",
])
def test_a_number_the_text_calls_invalid_is_no_id(text):
    assert_not_found(text, "id_card")
    assert_not_found(text, "bank_card")


def test_a_failing_number_in_a_persons_row_is_still_reviewed():
    # a typo in a real person's record: the number is still nearly theirs
    result = review(f"序号｜姓名｜身份证号\n2｜汪**｜{bad_check(ID)}\n")
    ids = [f for f in result.findings if f.type == "id_card"]
    assert len(ids) == 1 and ids[0].action == "review" and ids[0].replacement is None


def test_an_id_look_alike_is_no_bank_card_without_a_card_word():
    # region and birth date of an ID number, and by chance a valid Luhn digit: no card without a card word
    number = next(bad_check(make_id("140105", "19750101", f"{i:03d}")) for i in range(1000)
                  if luhn_ok(bad_check(make_id("140105", "19750101", f"{i:03d}"))))
    assert_not_found(f"共有人：康某    证件号：{number}\n", "bank_card")


@pytest.mark.parametrize("number", ["81000019900315012X", "820000198511220347", "830000200002290568"])
def test_a_residence_permit_number_of_hong_kong_macao_or_taiwan_residents(number):
    f = assert_span(f"原居住证号码{number}，作废原因：遗失补领。", "id_card", number, score=(0.99, 1.0))
    assert "港澳台居民居住证" in f.reason


def test_a_residence_permit_region_is_no_fifteen_digit_legacy_number():
    assert not findings(review("身份证号810000900315012，"), "id_card")


def test_the_visible_tail_of_a_masked_number_is_not_read_with_the_next_line():
    body = ("准考证号      姓名    身份证号\n20250301019  蔡某某  3505**********5011\n"
            "20250301023  郑某某  35052120000728054X")
    assert [f.text for f in findings(review(body), "id_card")] == ["35052120000728054X"]
