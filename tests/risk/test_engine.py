"""Exemptions, overlap resolution, verdict, redaction and settings of the reviewer as a whole."""

import pytest

from classifier.risk import Finding, RiskReviewer, RiskSettings
from tests.assertions import make_card, make_id, make_uscc, review

ID = make_id("350203", "19880911", "631")


# ---- exemptions ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "公示监督电话：0851-86593217；政务服务便民热线：12345；举报电话：12380。",              # published phones, hotlines
    "办公邮箱：abc@example.gov.cn。",                                           # office e-mail
    "局长王建国主持会议，副局长李红、张伟出席。",                                # officials in their role
    f"中标供应商：某某科技有限公司，统一社会信用代码：{make_uscc()}，中标金额：1,357,600.00元。",  # 中标公示
    "文号：某政办发〔2020〕59号；宗地编号：2023G027；项目编号：ABC-2024-1007；许可证号：JY14403040062183；邮编350400。",
])
def test_exempt_lookalikes(text):
    assert review(text).findings == ()


# ---- overlaps ------------------------------------------------------------------------------------
def test_mobile_inside_id_is_one_finding():
    # 18 digits whose middle reads like a mobile number: one ID finding, no mobile
    number = next(make_id("110105", "19" + f"{y:02d}" + "0101", "138") for y in range(30, 99))
    result = review(f"身份证号{number}")
    assert [f.type for f in result.findings] == ["id_card"]


def test_id_card_wins_over_bank_card_reading():
    result = review(f"身份证号{ID}，账户见附件")
    assert [f.type for f in result.findings] == ["id_card"]


def test_findings_sorted_title_first_then_start():
    result = review(f"车主手机13812345678，身份证号{ID}。", "关于浙C·8V2N7号车辆的回复")
    keys = [(f.field != "title", f.start) for f in result.findings]
    assert keys == sorted(keys) and result.findings[0].field == "title"


# ---- verdict -------------------------------------------------------------------------------------
@pytest.mark.parametrize("title, body, verdict", [
    ("通知", "请于8月31日前报送材料。", "publish"),
    ("公示", f"申请人身份证号{ID}。", "redact"),
    ("公示", f"身份证号{ID}，患者刘德华，诊断为肺结核。", "review"),
    ("通知", f"秘密★5年\n身份证号{ID}。", "withhold"),
])
def test_verdict(title, body, verdict):
    result = review(body, title)
    assert result.verdict == verdict
    assert result.to_dict()["verdict"] == verdict


# ---- redaction -----------------------------------------------------------------------------------
def test_redacted_text_default_styles():
    card = make_card("621700", 19)
    body = f"户主楼*华，身份证号{ID}，收款卡号{card}，联系电话13651274903。"
    result = review(body, "公示")
    red = result.redacted["body"]
    assert f"{ID[:4]}**********{ID[-4:]}" in red
    assert "136****4903" in red
    assert "*" * 15 + card[-4:] in red
    assert ID not in red and card not in red
    assert result.redacted["title"] == "公示"


def test_offsets_are_code_points_into_original():
    body = "１２３　" + f"身份证号{ID}"
    result = review(body)
    f = result.findings[0]
    assert body[f.start:f.end] == f.text == ID


def test_masking_style_is_configurable():
    settings = RiskSettings(styles={"mobile": ("replace", {"value": "[手机号]"}), "id_card": ("mask", {"keep_first": 6, "keep_last": 0})},
                            mask_char="×")
    result = RiskReviewer(settings).review("", f"手机13651274903，身份证号{ID}")
    assert result.redacted["body"] == f"手机[手机号]，身份证号{ID[:6]}{'×' * 12}"


def test_finding_value_and_dict():
    f = review(f"身份证号{ID}").findings[0]
    d = f.to_dict()
    assert set(d) == {"ground", "type", "article", "action", "field", "start", "end", "text", "score", "reason", "replacement"}
    assert d["article"] == "第十五条" and d["reason"].startswith("身份证号码（校验位正确）— 个人隐私")
    other = Finding("privacy", "mobile", "第十五条", "redact", "body", f.start + 2, f.start + 5, "x", 1.0, "r")
    assert f.intersects(other) and f.contains(other) and not other.contains(f)


def test_empty_input():
    result = review("", "")
    assert result.findings == () and result.verdict == "publish" and result.redacted == {"title": "", "body": ""}


# ---- withhold: nothing is publishable ------------------------------------------------------------
def test_withhold_has_no_redacted_text():
    result = review(f"机密★5年\n申请人身份证号{ID}。", "关于某事项的报告")
    assert result.verdict == "withhold"
    assert result.redacted is None and result.to_dict()["redacted"] is None
