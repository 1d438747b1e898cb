"""护照 and 往来港澳通行证 recognizers."""

import pytest

from tests.assertions import FULLWIDTH, assert_not_found, assert_span, findings, review


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


def test_permit_numbers_listed_under_a_lead_in_or_a_permit_title():
    """A 遗失作废 notice lists one number per line under its lead-in; a notice about a permit may
    name the document only in its title."""
    body = ("经本人申报，下列往来港澳通行证已遗失，依照有关规定予以公告作废：\n"
            "C20481357　甲某某\nCM7654321　乙某某\n特此公告。")
    found = [f for f in findings(review(body, "往来港澳通行证遗失公告"), "hk_macau_permit")]
    assert sorted(f.text for f in found) == ["C20481357", "CM7654321"]
    body = "持证人丙某某，证件号CD\u200b1357924，因核验异常暂停签注。"
    found = [f for f in findings(review(body, "关于往来港澳通行证签注暂停的提示"), "hk_macau_permit")]
    assert [f.text for f in found] == ["CD\u200b1357924"]
    # without a permit word in the title the same number stays a plain code
    found = [f for f in findings(review("设备型号：\nC20481357", "设备型号说明"), "hk_macau_permit")]
    assert found == []


@pytest.mark.parametrize("text, span", [
    ("持大陆居民往来台湾通行证L12345678出境", "L12345678"),   # electronic 台湾通行证: L + 8 digits
    ("旧版往来港澳通行证W87654321已注销", "W87654321"),       # booklet permit: W + 8 digits
])
def test_taiwan_and_booklet_permits(text, span):
    assert_span(text, "hk_macau_permit", span)


def test_a_passport_number_after_a_document_number_label():
    assert [f.text for f in findings(review("（一）遗属王*，证件号码E68314729，请本人核对。"), "passport")] == ["E68314729"]


def test_a_passport_number_with_two_spaces_after_its_letter():
    assert [f.text for f in findings(review("你在申请表中填写的身份证件为护照，号码 E  2103 8674。"), "passport")] == ["E  2103 8674"]


def test_passport_numbers_listed_in_a_passage_about_passports():
    body = ("下列因私普通护照已由持证人申报遗失，现宣布作废：\n一、申报遗失作废：\n  E75813629（韩某某，男）\n"
            "  EH4617399（冯某，女）\n因公护照号：周某 SE0473821；熊某 SE0473822")
    found = [f.text for f in review(body).findings if f.type == "passport"]
    assert found == ["E75813629", "EH4617399", "SE0473821", "SE0473822"]


def test_a_passport_word_in_the_note_after_the_number_labels_it():
    assert_span("下列证件已被宣布作废：\nE73920188（普通护照，签发日期2019年7月）", "passport", "E73920188")


def test_a_passport_shaped_code_far_from_any_passport_word_is_not_one():
    body = "本人护照已于2019年到期。" + "各项工作有序推进。" * 40 + "项目编号E20240001已登记。"
    assert not [f for f in review(body).findings if f.type == "passport"]


def test_a_foreign_passport_labelled_a_few_characters_before_it():
    assert findings_text("申请时附加拿大护照（号码：QK519307）复印件一份") == ["QK519307"]
    assert findings_text("申请人身份证件：大韩民国护照，号码M53190476），申请获取") == ["M53190476"]


def test_a_foreign_passport_that_is_mostly_letters_after_its_label():
    assert findings_text("国籍：德国　护照号码：KTJ3F72W8\n聘期一年") == ["KTJ3F72W8"]


def test_foreign_passports_in_a_column_headed_by_the_passport_word():
    body = ("嘉宾　　　　　　国籍　　护照号码　　　抵达航班\n"
            "Dr. Lena Berg　　瑞典　　917305628　　　SK995\n"
            "Prof. Ken Mori　　日本　　TZ6610293　　　NH957\n")
    assert findings_text(body) == ["917305628", "TZ6610293"]


def test_a_passport_number_after_a_document_type_cell():
    assert findings_text("Anna Weber｜德国｜护照｜CKR7M2P41｜某机械有限公司") == ["CKR7M2P41"]


def test_dates_in_a_passport_validity_column_are_not_passport_numbers():
    body = "姓名｜国籍｜护照有效期\nAnna Weber｜德国｜2029-03-15\n"
    assert findings_text(body) == []


def findings_text(body):
    return [f.text for f in findings(review(body), "passport")]
