"""Private data in rows of comma-separated values; accounts, certificates, meetings, addresses and phones of
offices beside the private ones the same notices give (invented values)."""

import pytest

from tests.assertions import assert_found, assert_not_found, assert_span, findings, make_card, make_id, review

ID = make_id("110102", "19800715", "236")
CARD = make_card("622202", 19)
CARD2 = make_card("621700", 19)


# ---- rows of comma-separated values --------------------------------------------------------------
def test_identifiers_in_a_csv_row_are_found():
    body = (f"序号,姓名,工作单位,身份证号,开户银行,银行卡号,评审天数,劳务费(元)\n"
            f"1,程某某,某某大学自动化系,{ID},某某银行海淀支行,{CARD},3,3600")
    res = review(body)
    assert [f.text for f in findings(res, "id_card")] == [ID]
    assert [f.text for f in findings(res, "bank_card")] == [CARD]


@pytest.mark.parametrize("body", [
    "2024年全区地区生产总值1,234,567万元，同比增长5.1%。",
    "合计金额 12,345,678.00 元，其中财政资金 8,765,432.10 元。",
])
def test_figures_with_thousands_separators_stay(body):
    assert not review(body).findings


def test_a_row_parted_by_spaces_keeps_its_figures_whole():
    body = f"户主      补偿金额（元）    收款卡号\n宋某某    1,268,430.00    {CARD}\n"
    assert_span(body, "bank_card", CARD)


# ---- public accounts -----------------------------------------------------------------------------
@pytest.mark.parametrize("body, number", [
    ("体检费用由我局单位零余额账户（账号：15330101040016882）支付。", "15330101040016882"),
    ("补偿款由某区土地储备中心补偿资金专户（账号：1060 5201 0400 2213 8）支付至被征收企业账户。",
     "1060 5201 0400 2213 8"),
    ("资金来源：某区房屋征收服务中心征收补偿资金专户（开户行：某农村商业银行某支行，账号：0301010120010547826）。",
     "0301010120010547826"),
    ("付款账户：某区教育局零余额账户，开户行：某银行某支行，账号：13600101040019064", "13600101040019064"),
])
def test_an_agencys_budget_or_fund_account_is_published(body, number):
    assert_not_found(body, "bank_account", fragment=number)
    assert_not_found(body, "bank_card", fragment=number)


@pytest.mark.parametrize("body, number", [
    ("服务费由某区财政局零余额账户支付至乙方指定账户（开户行：某银行某分行，账号：1920 4168 8832）。", "1920 4168 8832"),
    ("拟拨付补助资金36万元。\n收款单位：某区康馨托养服务中心\n开户行：某银行某支行\n账　号：10200114500087316",
     "10200114500087316"),
])
def test_the_payees_account_beside_a_public_one_is_still_a_trade_secret(body, number):
    assert_span(body, "bank_account", number)


# ---- other numbers in a table --------------------------------------------------------------------
def test_a_certificate_number_that_passes_luhn_is_no_card():
    cert = make_card("202444", 17)  # a certificate's number that happens to pass the Luhn check
    body = f"序号\t姓名\t资格种类\t证书号码\n1\t雷某某\t初级中学教师资格\t{cert}\n"
    assert_not_found(body, "bank_card", fragment=cert)


def test_a_card_labelled_in_its_own_cell_under_another_column_is_a_card():
    body = (f"购机者：高某某｜乡镇：某镇｜机具：轮式拖拉机｜补贴额：9600元｜出厂编号：LT2504188031756\n"
            f"购机者：巩某某｜乡镇：某镇｜机具：谷物联合收割机｜补贴额：34000元｜收款卡号：{CARD}\n")
    assert_span(body, "bank_card", CARD)


# ---- meeting attendance --------------------------------------------------------------------------
def test_the_attendees_of_a_meeting_are_officials_at_work():
    body = ("一、关于城乡低保提标问题\n会议同意将城乡低保标准提高至每人每月780元：\n1. 区民政局抓好落实。\n\n"
            "出席：宋志远、乔丽华、魏东升\n列席：区政府办公室、区民政局")
    res = review(body, title="某区人民政府区长办公会议纪要")
    assert not [f for f in findings(res, "person_name") if f.text in ("宋志远", "乔丽华", "魏东升")]


# ---- addresses of offices and companies ----------------------------------------------------------
def test_the_address_of_a_contact_block_is_the_offices():
    body = ("如有异议，请以书面形式向区人才工作领导小组办公室反映。\n联系人：钱老师\n联系电话：0571-87702965\n"
            "地址：某市滨江区江汉路1785号双城国际4号楼1207室")
    assert_not_found(body, "address")


def test_a_flat_in_a_persons_record_stays_private():
    body = f"申请人：钱某某\n身份证号码：{ID}\n地址：某市滨江区江汉路1785号双城国际4号楼1207室"
    assert_found(body, "address", "1207室")


def test_the_seat_column_of_a_company_row_is_published():
    body = ("机构名称　　　　　　许可证编号　　　　法定代表人　　住所\n"
            "苏州某人才咨询有限公司　　320508991332017　　钱永昌　　苏州市姑苏区人民路3118号\n")
    assert_not_found(body, "address")


def test_a_street_named_after_a_centre_is_still_a_home():
    body = ("户主  住址  设备类型  补贴金额（元）\n"
            "齐**  某区某镇纪庄子村东街17号  空气源热泵  3,600\n"
            "刁**  某区某镇吕官屯村中心街42号  空气源热泵  2,850\n")
    assert_found(body, "address", "中心街42号")


@pytest.mark.parametrize("header", ["原房屋门牌", "所购住房坐落"])
def test_the_house_column_of_a_list_of_persons_is_private(header):
    body = f"顺序号    被征收人    {header}    安置面积（㎡）\n1    冯**    某市某街道东湖路41号    95\n"
    assert_found(body, "address", "东湖路41号", title="某街道旧城改造安置房选房顺序号公示")


def test_the_property_column_of_a_real_estate_notice_is_published():
    body = "权利人    不动产坐落    不动产权证号\n冯**    某市某街道东湖路41号    0315426\n"
    assert_not_found(body, "address", title="某市不动产首次登记公告")


# ---- office phones in private records ------------------------------------------------------------
def test_the_phone_of_the_official_handling_a_petition_is_the_offices():
    body = (f"信访人身份证号码：{ID}\n信访人联系电话：13974925816\n承办人：谢卫东　　联系电话：0739-8231642")
    assert_not_found(body, "landline", fragment="0739-8231642")
    assert_span(body, "mobile", "13974925816")


def test_a_record_ends_at_the_line_that_names_an_office():
    body = ("权利人：邵某某\n联系方式：024-86247713（宅）、15692154266\n不动产坐落：某市某区昆山中路五段45-3号\n"
            "异议送达地址：某市某区黄河北大街96号不动产登记大厅\n联系电话：024-86240091")
    assert_not_found(body, "landline", fragment="024-86240091")
    assert_span(body, "landline", "024-86247713")


def test_a_home_record_whose_address_holds_a_courtyard_stays_private():
    body = "信访人：赵某\n联系地址：某区坞城南路118号院5号楼3单元202室\n联系电话：0351 7248136"
    assert_span(body, "landline", "0351 7248136")


def test_a_front_desk_number_is_the_businesss():
    body = ("民宿名称：云栖茶舍　经营者：王某某　经营者户籍地址：某省某市某区华阳路17号2单元501室　"
            "联系电话：0898-86232317（前台）　客房数：6间")
    assert_not_found(body, "landline", fragment="0898-86232317")


# ---- persons a letter or a record names ----------------------------------------------------------
@pytest.mark.parametrize("body, name", [
    ("某县医疗保障局\n关于群众来信反映大病救助报销问题的复函\n\n宋玉珍同志：\n　　来信收悉。你反映你女儿术后长期服药，报销比例偏低。",
     "宋玉珍"),
    ("某区教育体育局\n关于家长反映学生校内受伤问题的答复\n\n熊立新先生：\n　　您于10月9日来电反映，您的孩子在课间摔倒。", "熊立新"),
    ("雨教依复〔2025〕23号\n\n周建华：\n　　本局于2025年3月10日收到您以信函形式递交的信息公开申请。", "周建华"),
    ("海财依复〔2024〕112号\n罗佳琪：\n本局于2024年10月9日收到你通过网上平台提出的信息公开申请。", "罗佳琪"),
])
def test_the_addressee_of_a_reply_below_its_letterhead_is_private(body, name):
    assert_found(body, "person_name", name)


def test_a_name_a_label_opens_and_a_profile_closes_is_read_however_wordlike():
    body = f"当事人：黄金根，男，1966年3月出生，身份证号码：{ID}\n住址：某市象湖镇沙洲坝村下肖组46号"
    assert_found(body, "person_name", "黄金根", title="行政处罚决定书（某卫医罚〔2024〕23号）")


def test_a_framed_reading_needs_its_label_or_line():
    body = "据了解，种植黄金根，男女老少都来帮忙。"
    assert_not_found(body, "person_name")


# ---- headings printed with spaces ----------------------------------------------------------------
@pytest.mark.parametrize("heading", ["询 问 笔 录", "立　案　审　批　表"])
def test_a_spaced_heading_names_the_record(heading):
    body = f"{heading}\n时间：2024年3月1日\n地点：某区市场监管局\n被询问人：某某\n问：你是否知道……"
    assert [f.text for f in findings(review(body), "enforcement_record")] == [heading]


def test_a_text_of_spaced_lines_reads_only_its_first_ones_again():
    res = review("询 问 笔 录\n" * 2000)
    assert len(findings(res, "enforcement_record")) <= 50


def test_a_spaced_prose_line_is_no_heading():
    assert_not_found("请 大 家 注 意 安 全", "enforcement_record")


# ---- plates --------------------------------------------------------------------------------------
def test_a_list_of_plates_shares_its_label():
    body = "办公室现有车辆两台（公务用车号牌：云A·8G352、云A·8G357）。"
    assert_not_found(body, "plate")


def test_a_list_of_private_plates_shares_its_label_too():
    body = "当事人名下车辆：云A·5L29C、云A·8G357。"
    res = review(body)
    assert [f.text for f in findings(res, "plate")] == ["云A·5L29C", "云A·8G357"]


def test_plates_kept_out_of_a_number_pool_are_nobodys():
    body = "上述号段中，粤B·D90000、粤B·D99999等号牌不纳入互联网选号号池。"
    assert_not_found(body, "plate")


def test_a_diagnosis_ends_at_its_table_cell():
    body = ("班级          姓名     困难情况                 家长联系电话\n"
            "高二（7）班   张宇航   父亲患尿毒症长期透析    13847185269\n")
    res = review(body, title="某中学2024年秋季学期家庭经济困难学生资助名单公示")
    assert "父亲患尿毒症长期透析" in [f.text for f in findings(res, "health")]
    assert_span(body, "mobile", "13847185269")


def test_phones_and_ids_in_a_csv_row_after_other_numbers_are_found():
    body = ("序号,职位代码,招录机关,姓名,性别,准考证号,身份证号,联系电话,毕业院校\n"
            f"1,0701001,某市某区财政局,顾某阳,男,2407010215,{ID},15246130856,某某大学\n")
    res = review(body)
    assert [f.text for f in findings(res, "id_card")] == [ID]
    assert [f.text for f in findings(res, "mobile")] == ["15246130856"]


def test_a_name_column_headed_by_a_role_gives_every_row_that_role():
    body = ("收件编号,收到日期,申请人,联系电话,申请内容\n"
            "YSQ2024-0311,2024-07-02,叶海燕,19931959364,本人房屋征收补偿安置方案\n"
            "YSQ2024-0318,2024-07-15,某某电气有限公司,0577-62578810,工业用地出让结果\n")
    res = review(body, title="某市2024年第三季度政府信息公开申请登记台账")
    assert [f.text for f in findings(res, "person_name")] == ["叶海燕"]


def test_a_plain_name_column_decides_as_before():
    body = "姓名｜职务｜分工\n王建林｜副局长｜分管财务\n"
    assert_not_found(body, "person_name")


# ---- records exported as label=value lines -------------------------------------------------------
def test_label_equals_value_lines_read_as_labels():
    body = f"案件来源=群众举报\n举报人=俞晓峰\n当事人=沈国良\n当事人证件号={ID}\n"
    res = review(body, title="某区市场监督管理局立案审批表（系统导出）")
    assert [f.text for f in findings(res, "whistleblower")] == ["俞晓峰"]
    assert "沈国良" in [f.text for f in findings(res, "person_name")]
    assert findings(res, "whistleblower")[0].text == body[body.index("俞"):body.index("俞") + 3]


def test_the_payees_account_below_a_public_payer_is_the_payees():
    body = ("供应商=某某物业管理有限公司\n付款账户=某区财政局零余额账户 11050188360000000317\n"
            "收款开户行=某银行某支行\n收款账号=0200 0043 0920 0186 512\n")
    assert_span(body, "bank_account", "0200 0043 0920 0186 512")
    assert_not_found(body, "bank_account", fragment="11050188360000000317")


def test_a_private_person_addressed_as_tongzhi_is_reported_everywhere():
    title = "关于胡志强同志来信反映就业安置问题的回复"
    body = ("某区司法局\n关于胡志强同志来信反映就业安置问题的回复\n\n胡志强同志：\n"
            "您在信中反映，您于2023年11月刑满释放后回到街道居住，因有前科在求职中多次被拒。")
    res = review(body, title=title)
    assert [f.text for f in findings(res, "person_name", field="title")] == ["胡志强"]
    assert [f.start for f in findings(res, "person_name", field="body")][:1] == [body.index("胡志强")]


def test_an_official_addressed_as_tongzhi_stays():
    assert_not_found("经研究，决定任命胡志强同志为区司法局副局长。", "person_name",
                     title="关于胡志强同志任职的通知")


# ---- notes on an item ----------------------------------------------------------------------------
@pytest.mark.parametrize("body, marked", [
    ("附件2　报价构成（涉及商业秘密）\n每剂次配送单价1.85元。", "涉及商业秘密"),
    ("证据5：当事人生产工艺流程及原料配比说明1份（涉及商业秘密，仅供办案使用）；", "涉及商业秘密，仅供办案使用"),
])
def test_a_bracketed_note_claiming_a_trade_secret_marks_its_item(body, marked):
    assert [f.text for f in findings(review(body), "trade_secret_marking")] == [marked]


def test_a_law_on_trade_secrets_in_brackets_is_no_marking():
    assert_not_found("依法保护企业合法权益（涉及商业秘密的案件依法不公开审理的除外）。", "trade_secret_marking")
