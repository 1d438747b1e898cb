"""Bank cards of private persons and company accounts (开户行 + 账号)."""

import pytest

from tests.assertions import FULLWIDTH, assert_not_found, assert_span, findings, make_card, review

CARD = make_card("621058", 19)
CARD16 = make_card("622588", 16)
NOLUHN = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)


@pytest.mark.parametrize("text, span", [
    (f"补偿款打入收款卡号{CARD}；", CARD),                                # Luhn ok, context
    (f"{CARD}为其本人账户", CARD),                                         # start of text
    (f"慰问金转入其本人账户{CARD16}", CARD16),                              # 16 digits, end of text
    (f"一卡通账号{NOLUHN}；", NOLUHN),                                      # Luhn fails, context carries it
    (f"收款账号：{CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:16]} {CARD[16:]}；",
     f"{CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:16]} {CARD[16:]}"),    # groups of four
    (f"收款账户{CARD[:4]}-{CARD[4:8]}-{CARD[8:12]}-{CARD[12:16]}-{CARD[16:]}。",
     f"{CARD[:4]}-{CARD[4:8]}-{CARD[8:12]}-{CARD[12:16]}-{CARD[16:]}"),    # hyphens
    (f"银行卡号{CARD.translate(FULLWIDTH)}。", CARD.translate(FULLWIDTH)), # full-width
])
def test_card_found(text, span):
    f = assert_span(text, "bank_card", span)
    assert f.replacement.endswith(span[-4:]) and f.replacement.count("*") >= 12


@pytest.mark.parametrize("text", [
    f"注册编号鲁{NOLUHN[:16]}",          # a certificate number
    f"出厂编号{NOLUHN}，",                # a serial number without card context, Luhn fails
])
def test_card_not_found(text):
    assert_not_found(text, "bank_card")


@pytest.mark.parametrize("text, span", [
    ("货款汇入乙方账户（户名：某某设备有限公司，开户行：某银行某分理处，账号：61230457819026743）。", "61230457819026743"),
    ("乙方结算账户：建设银行某分行营业部，账号530207386154。", "530207386154"),
    ("某某工程有限公司，开户行：招商银行某支行，账号129064715833206488；", "129064715833206488"),
])
def test_company_account(text, span):
    f = assert_span(text, "bank_account", span, ground="trade_secret")
    assert f.action == "review" and f.replacement.endswith(span[-4:])


def test_personal_card_is_not_company_account():
    result = review(f"户主王*，开户行：农商银行某支行，一卡通账号{CARD}。")
    assert [f.type for f in result.findings] == ["bank_card"]


@pytest.mark.parametrize("text, span", [
    # the nearest holder before the account label is an organisation
    ("1. 某某职业技能培训学校，拨付补助31.5万元，收款账户3301 0216 0900 0477 125（工商银行）；",
     "3301 0216 0900 0477 125"),
    ("退税款将退至你公司登记的银行账户（账号：4403 5102 2207 3319 508）。", "4403 5102 2207 3319 508"),
    ("合作社收款账户：5302 1170 0012 6604 117。", "5302 1170 0012 6604 117"),
    ("稳岗返还资金拨付至企业基本账户6101 2203 0500 7718 2406。", "6101 2203 0500 7718 2406"),
    # a form's label padded with spaces ("账　　号：") is the label 账号
    ("供应商：某某医疗器械有限公司\n开户银行：某银行某支行\n账　　号：730115000000662108\n", "730115000000662108"),
])
def test_company_account_by_its_holder(text, span):
    assert_span(text, "bank_account", span, ground="trade_secret")


@pytest.mark.parametrize("text", [
    # the record opens with a person: the employer named in it does not own the account
    f"申请人：钱某，就业单位：某某信息科技有限公司，补贴标准：每月800元，发放账户：{CARD}；",
    # a person is named nearer the account than the body
    f"经我单位核对，该专家已委托代办退税，退税款转入其指定银行账户{CARD}。",
])
def test_personal_account_near_a_company_stays_a_card(text):
    result = review(text)
    assert [f.type for f in result.findings] == ["bank_card"]


def test_a_unionpay_card_after_a_persons_name_is_a_card():
    number = make_card("621700", 19)
    body = f"经核实，登记的你的收款账户为：\n户名 孙桂兰\n账号 {number}"
    result = review(body)
    assert [f.text for f in findings(result, "bank_card")] == [number] and not findings(result, "bank_account")


@pytest.mark.parametrize("text", [
    # a UnionPay card beside an organisation's name or branch is still issued to a person
    f"2、许嘉宁，硕士研究生，引进单位区第一中学，补贴8万元，账户{CARD}；",
    f"收款账户：{CARD}（中国建设银行某分行）",
    f"提取金额36,500.00元，原收款卡 {CARD16}，退回原因：户名不符",
])
def test_a_unionpay_card_is_a_persons_unless_labelled_an_organisations(text):
    result = review(text)
    assert [f.type for f in result.findings] == ["bank_card"]


@pytest.mark.parametrize("label", ["企业基本户：", "对公账户：", "中标人账户："])
def test_a_unionpay_number_labelled_an_organisations_is_its_account(label):
    assert [f.type for f in review(f"{label}{CARD}。").findings] == ["bank_account"]


MISWRITTEN = [CARD + "7", CARD[:14], CARD16[:14] + "0"]


@pytest.mark.parametrize("number", MISWRITTEN)
def test_a_unionpay_number_a_digit_off_is_still_a_card_when_called_one(number):
    assert len(number) in (14, 15, 20)
    f = assert_span(f"见习人员李某某，工资卡{number}。", "bank_card", number)
    assert "位数不符" in f.reason


@pytest.mark.parametrize("text", [
    f"出厂编号{CARD}7。",  # no card word before it
    "罚没款缴至非税收入汇缴专户，账号37001616701050156677。",  # not a UnionPay number: an organisation's
    f"合作社收款账户：{CARD[:14]}。",  # an organisation's
])
def test_a_number_of_another_length_is_no_card_without_its_word_or_prefix(text):
    assert_not_found(text, "bank_card")


@pytest.mark.parametrize("body", [
    "本会接收捐赠账户：中国工商银行青铜峡支行 1070 0501 0900 0086 531。",
    "二、捐赠方式：银行转账。户名：新县慈善总会；开户行：中国农业银行新县支行；账号：16245101040001873。",
    "本会捐赠专用账户：义乌市教育基金会，浙江稠州商业银行义乌分行营业部，账号1501 2012 0100 8836 5。",
    "收入全部缴入市财政非税收入汇缴专户：开户行 兰州银行城关支行，账号 101202000183420016。",
])
def test_a_charitys_donation_account_and_a_public_funds_are_published(body):
    assert not review(body).findings


def test_a_donors_own_account_stays_private():
    body = "捐赠人邰某某捐赠50000元（捐赠账户：6222021602005718467）。"
    assert [f.text for f in findings(review(body), "bank_card")] == ["6222021602005718467"]


def test_a_companys_account_after_a_funds_label_stays_the_companys():
    body = "农民工工资资金专户：某某建筑有限公司，开户行某银行某支行，账号 62170029400182736459"
    assert [f.type for f in review(body).findings] == ["bank_account"]


@pytest.mark.parametrize("label", ["完税证明号码：", "完税凭证号", "票据号："])
def test_a_certificate_or_receipt_number_is_no_card(label):
    assert not findings(review(f"纳税人郝某某，{label}31401052400187465。"), "bank_card")


def test_a_public_fund_account_named_by_its_holder_after_the_fund_label_stays():
    body = ("四、维修资金专户：某市住宅专项维修资金管理中心，开户银行：某银行和平支行，账号：0112510103000095427。\n"
            "五、业主代表联系电话：13898842731。")
    r = review(body)
    assert not findings(r, "bank_account") and not findings(r, "bank_card")


def test_a_documents_number_written_as_di_hao_is_no_card():
    body = "因无法直接送达，现依法向你们公告送达《道路交通事故认定书》（第450305120240000583号）。"
    assert not findings(review(body), "bank_card")


@pytest.mark.parametrize("body", [
    "被执行人已履行款项人民币48,600元，现存于本院执行案款专户（开户行：某银行天河支行，账号44050158010109865432）。",
    "请你单位补足余额后通过银行柜台缴入国家金库某市中心支库（账号：2700 0160 0000 0002）。",
])
def test_a_courts_case_money_account_and_the_treasurys_stay(body):
    r = review(body)
    assert not findings(r, "bank_account") and not findings(r, "bank_card")


def test_an_account_whose_holder_is_a_public_fund_stays():
    body = ("请上述人员将重复划转款项退回以下账户：\n户名：某市某区社会保障基金财政专户\n账号：2603 0210 0920 0158 663\n"
            "开户行：某银行某支行\n")
    r = review(body)
    assert not findings(r, "bank_card") and not findings(r, "bank_account")
