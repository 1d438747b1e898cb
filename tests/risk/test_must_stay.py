"""What a notice must publish although it looks private: honorees, official vehicles, public accounts, office
phones and addresses, samples of a format, other numbers listed under one label — each beside the private data
that the same kind of notice still gives away (invented values)."""

import pytest

from tests.assertions import assert_found, assert_not_found, assert_span, findings, make_card, make_id, review

# ---- honorees ------------------------------------------------------------------------------------
HONOUR_TITLE = "关于表彰2024年度孝老爱亲道德模范的决定"


@pytest.mark.parametrize("body, name", [
    ("现将2024年度道德模范评选结果公布如下：\n房桂珍，城关街道居民，照顾瘫痪婆婆二十余年；\n严守田，东关街道居民，独自抚养两名孤儿。",
     "房桂珍"),
    ("现将评选出的道德模范公布如下：\n房桂珍，城关街道居民；\n严守田，东关街道居民，照顾瘫痪在床的母亲十余年。", "严守田"),
    ("敬业奉献模范：冷秋实（乡村教师）\n孝老爱亲模范：严守田（农民，悉心照顾瘫痪母亲十余年）", "严守田"),
    ("授予以下家庭“五好家庭”称号：房桂珍家庭、严守田家庭。其中，严守田家庭照顾瘫痪老人十二年。", "严守田"),
])
def test_an_honoree_is_named_although_the_sentence_tells_of_an_illness(body, name):
    assert_not_found(body, "person_name", title=HONOUR_TITLE, fragment=name)


@pytest.mark.parametrize("body, name", [
    ("现将评选结果公布如下：\n房桂珍，城关街道居民，几十年如一日照顾瘫痪在床的丈夫严守田。", "严守田"),
    ("一、表彰名单：房桂珍家庭、冷秋实家庭。\n二、春节慰问困难家庭名单：\n严守田（独居，患糖尿病并发症双目失明）", "严守田"),
    ("典型事例：\n严守田，2021年因盗窃罪刑满释放，回到村里后开办养殖场。", "严守田"),
])
def test_the_people_an_honour_notice_tells_of_stay_private(body, name):
    assert_found(body, "person_name", name, title=HONOUR_TITLE)


def test_an_honoree_outside_an_honour_notice_is_decided_as_before():
    body = "现将名单公布如下：\n房桂珍，城关街道居民，患尿毒症长期透析。"
    assert_found(body, "person_name", "房桂珍", title="关于2024年度医疗救助对象的公示")


# ---- official vehicles ---------------------------------------------------------------------------
@pytest.mark.parametrize("title, body, plate", [
    ("某区机关事务服务中心公务用车公开拍卖成交结果", "现将成交结果公布如下：\n1. 陕A·F3821　大众帕萨特　成交价38600元", "陕A·F3821"),
    ("城管执法车辆清单", "本局现有车辆如下：\n贵A·D13375（新能源巡查车）\n贵A·FB6623（渣土监管车）", "贵A·D13375"),
])
def test_plates_in_a_notice_about_official_vehicles_stay(title, body, plate):
    assert_not_found(body, "plate", title=title, fragment=plate)


def test_a_plate_a_private_buyer_now_has_is_still_private():
    body = "其中由自然人竞得的车辆：原号牌辽A·G3725，竞得人邵某某，成交价3.8万元。"
    assert_span(body, "plate", "辽A·G3725", title="某区关于处置报废公务车辆竞买结果的公告")


def test_a_taxi_drivers_plate_stays_private():
    body = "驾驶员丁某某，从业资格证号已注销，原服务车辆宁A·T8312。"
    assert_span(body, "plate", "宁A·T8312", title="关于注销部分出租汽车驾驶员从业资格证的公告")


# ---- vehicles of companies ----------------------------------------------------------------------
@pytest.mark.parametrize("body, plate", [
    ("序号｜号牌号码｜车辆类型｜所有人\n1｜黑A·3K6N2｜小型轿车｜赵*\n2｜黑A·C8172｜重型货车｜哈尔滨某运输有限公司", "黑A·C8172"),
    ("号牌号码      车辆类型    所有人\n蒙B 7X3K6      轻型货车    包头某建材厂  \n蒙B·6Q1M3      小型轿车    钱*", "蒙B 7X3K6"),
    ("车牌号｜所属单位｜违规情形\n沪D·F2871｜上海某运输有限公司｜未密闭运输", "沪D·F2871"),
    ("经营权证号 NCZ-0418，车牌号 赣A·T7261，经营者：南昌某出租汽车有限公司；", "赣A·T7261"),
    ("1. 宏远客运有限公司（91520100214698352F），车辆号牌贵A·B1751等42台；", "贵A·B1751"),
    ("号牌 | 违法行为 | 所有人类别\n皖A·G2815 | 违反规定停放 | 某区市政园林管理所（公务用车）", "皖A·G2815"),
    ("车牌号        欠费次数   欠费金额（元）\n贵A·G3316     22          618.00   （某区环境卫生管理站公务用车）", "贵A·G3316"),
    ("企业名称                  未处理违法数   重点车辆\n某客运有限公司          27          浙D·21760、浙D·21783", "浙D·21783"),
    ("11月9日，某建材运输有限公司所属冀A·C5926重型自卸货车装载砂石超限。", "冀A·C5926"),
    ("某汽车运输有限公司所属号牌为贵A·82517的大型普通客车在执行班线运输时未按规定停车。", "贵A·82517"),
    ("张某驾驶号牌为甘A·K6372的重型自卸货车（甘肃某建材运输有限公司所属）行驶至路口。", "甘A·K6372"),
    ("序号｜姓名｜准驾车型｜校车号牌｜服务学校\n1｜邓伟强｜A1｜粤A·X3217｜某小学", "粤A·X3217"),
    ("部分社会车辆长期停放在急救通道，严重影响院内救护车（赣C·A1207）通行。", "赣C·A1207"),
    ("本院急救车（苏A·J0120、苏A·J0121）专用停放区域请勿占用。", "苏A·J0121"),
])
def test_a_companys_vehicle_on_its_row_or_clause_stays(body, plate):
    assert_not_found(body, "plate", fragment=plate)


@pytest.mark.parametrize("plate", ["皖MD10001", "皖MD49999", "皖MF20001"])
def test_the_bounds_of_a_range_in_a_table_stay(plate):
    body = "号段类别 | 起始号码 | 终止号码 | 数量\n纯电动（D） | 皖MD10001 | 皖MD49999 | 40000\n非纯电动（F） | 皖MF20001 | 皖MF29999 | 10000"
    assert_not_found(body, "plate", fragment=plate)


@pytest.mark.parametrize("body, plate", [
    ("序号｜号牌号码｜车辆类型｜所有人\n1｜黑A·3K6N2｜小型轿车｜赵*\n2｜黑A·C8172｜重型货车｜哈尔滨某运输有限公司", "黑A·3K6N2"),
    ("被投诉经营者：某汽车销售服务有限公司；投诉6件。其中一位消费者所购车辆（号牌湘A·D82K6）有维修记录。", "湘A·D82K6"),
    ("车牌号｜所属单位｜备注\n沪D·F2871｜上海某运输有限公司｜挂靠，实际车主孔某某", "沪D·F2871"),
    # the row above is an office's or a company's car; this row's is a private person's
    ("车牌号        欠费次数   欠费金额（元）\n贵A·G3316     22          618.00   （公务用车）\n贵A·7Y50N     29          574.00", "贵A·7Y50N"),
    ("号牌 | 违法行为 | 所有人类别\n皖A·T7025 | 不按规定车道行驶 | 某出租汽车有限公司\n皖A·8KL93 | 违反禁止标线指示 | 个人", "皖A·8KL93"),
    ("查封该公司法定代表人苏建军个人名下小型轿车一辆（号牌冀A·7M3K6）。", "冀A·7M3K6"),
])
def test_a_private_persons_vehicle_beside_a_company_is_still_private(body, plate):
    assert_span(body, "plate", plate)


# ---- samples of a format -------------------------------------------------------------------------
@pytest.mark.parametrize("body, value", [
    ("港澳通行证签注可在自助机办理，通行证号码形如C12345678。", "C12345678"),
    ("证件样式中的号码为示例：护照E00000000。", "E00000000"),
    ("号牌样式按标准制作，示例：川A·F1234（样例，非实际车辆）。", "川A·F1234"),
])
def test_a_sample_of_a_format_is_nobodys(body, value):
    assert_not_found(body, fragment=value)


def test_a_sample_id_number_that_passes_its_check_is_still_reported():
    assert_span("标准示例11010519491231002X。", "id_card", "11010519491231002X")


# ---- public accounts -----------------------------------------------------------------------------
@pytest.mark.parametrize("body, number", [
    ("收款单位：某区医疗保障局\n开户行：中国农业银行某支行\n账号：30031501040009876", "30031501040009876"),
    ("户名：某区财政局非税收入汇缴结算户\n开户行：中国农业银行某支行\n账号：18050101040012345", "18050101040012345"),
    ("保证金由某区公共资源交易中心保证金专户原路退还，专户账号：51001427008059888666。", "51001427008059888666"),
    ("罚款缴至：县财政局非税收入汇缴专户（开户行：农业银行某县支行，账号：23475101040001234）。", "23475101040001234"),
    ("执行款专用账户：户名某县人民法院执行款专户，账号24082010090012345。", "24082010090012345"),
    ("某县公共资源交易中心在中国建设银行某支行开立的专用账户，账号41050161370800000329。", "41050161370800000329"),
    ("配套费统一缴入“某街道财政分局零余额账户”，开户行：某银行东城支行，账号：4405 0177 0008 0520 0119。",
     "4405 0177 0008 0520 0119"),
    ("资金通过各级财政社会保障基金财政专户拨付，专户账号2002444039112000444。", "2002444039112000444"),
    ("户名：某自治区财政厅非税收入汇缴专户\n开户行：某银行某分行营业部\n账号：22100101040009961", "22100101040009961"),
    ("缴入某省财政厅住房公积金增值收益专户（账号28010301040007852）；", "28010301040007852"),
    ("捐赠资金统一存入接收捐赠专用账户：户名 某市儿童福利院；开户行 某银行南湖支行；账号 1901008709024156318。",
     "1901008709024156318"),
    ("部分缴费人误将款项缴入某区非税收入汇缴结算户（账号27000101040012345）。", "27000101040012345"),
])
def test_a_public_bodys_account_is_published_for_payers(body, number):
    assert_not_found(body, "bank_account", fragment=number)
    assert_not_found(body, "bank_card", fragment=number)


@pytest.mark.parametrize("body, number", [
    ("退款可转入医保基金专户，也可由当事人原渠道退回，当事人原报销银行卡号：{card}", "{card}"),
    ("罚款缴入国库，企业缴款账户：{card}", "{card}"),
])
def test_an_account_after_a_public_fund_in_another_clause_is_not_the_funds(body, number):
    card = make_card("622848", 19)
    body, number = body.format(card=card), number.format(card=card)
    assert any(number in f.text for f in review(body).findings if f.type in ("bank_card", "bank_account"))


def test_a_company_account_in_a_sentence_after_a_public_one_is_still_the_companys():
    body = ("罚款缴至成都市财政局非税收入汇缴专户。当事人提交的说明中另附其公司基本户账号51001870836051509876。")
    assert_found(body, "bank_account", "51001870836051509876")


def test_a_card_a_public_body_pays_into_is_the_payees():
    card = make_card("622848", 19)
    body = (f"该款项已由某区财政局非税收入汇缴结算户（账号28070154740013062）退付至经营者马某福本人银行卡（卡号{card}）。")
    assert_span(body, "bank_card", card)
    assert_not_found(body, "bank_card", fragment="28070154740013062")


def test_a_persons_card_at_the_finance_office_stays_a_card():
    card = make_card("622848", 19)
    body = f"请相关农户尽快到镇财政所更新账户信息。\n户主：罗某英，原补贴卡号：{card}，退回金额：1386.40元。"
    assert_span(body, "bank_card", card)


def test_a_card_number_the_text_calls_wrong_is_nobodys():
    card = make_card("621700", 19)
    wrong = card[:-1] + str((int(card[-1]) + 1) % 10)  # fails the Luhn check
    assert_not_found(f"原登记卡号{wrong}（位数错误），已更正。", "bank_card", fragment=wrong)
    assert_span(f"原登记卡号{wrong}，退回金额100元。", "bank_card", wrong)  # not said to be wrong: still a card


def test_a_valid_card_whose_holders_name_was_mistyped_is_still_a_card():
    card = make_card("622848", 19)
    assert_span(f"刘*英\t3126.40\t{card}\t户名不符", "bank_card", card)


# ---- numbers listed under another label ----------------------------------------------------------
def test_enforcement_certificate_numbers_listed_after_one_label_are_not_mobiles():
    body = "执法人员：邵某、孔某，执法证号15372301002、15372301017\n检查情况：仓库存放规范。"
    assert_not_found(body, "mobile")


# ---- office phones and addresses -----------------------------------------------------------------
@pytest.mark.parametrize("body, number", [
    ("许可机关：某市行政审批局，电话：0513-68315116", "0513-68315116"),
    ("请本人持身份证到县农经站（联系电话 0955-5012367）变更收款账户。", "0955-5012367"),
    ("联系电话：某区财政局农业科 0771-5513062", "0771-5513062"),
    ("被执行人住所地：某区某村东街12号\n联系本院：0351-7036528", "0351-7036528"),
    ("请失主携有效证明到和平派出所认领，电话024-23456110。", "024-23456110"),
    ("竞得人：纳某（自然人，公民身份号码：{id}）\n公示期：2024年6月20日至6月29日\n联系电话：0951-5162078\n银川市自然资源局",
     "0951-5162078"),                                                           # the contact of the body that signs
    ("收款人：覃某亮\n身份证号：{id}\n经办：区文明办 梁桂芳 电话 0771-5530916", "0771-5530916"),  # an official's line
])
def test_an_office_phone_named_by_its_office_stays(body, number):
    body = body.replace("{id}", make_id())
    assert_not_found(body, "landline", fragment=number)


@pytest.mark.parametrize("body, number", [
    ("变更后：单位为某设计研究院，联系电话0431-88921376（住宅），手机号码不变。", "0431-88921376"),
    ("因申请人已搬离原住所，联系电话0873-3126590无法接通。", "0873-3126590"),
    ("取水地点位于某村四社112号院内，联系电话0932-6621843（家）。", "0932-6621843"),
])
def test_a_home_phone_near_an_office_word_stays_private(body, number):
    assert_found(body, "landline", number)


@pytest.mark.parametrize("body, place", [
    ("请失主携带有效证件到武昌区中山路318号认领，逾期将依法处理。", "中山路318号"),
    ("因累积记分达到12分，请于30日内到思明区湖滨北路9号参加学习。", "湖滨北路9号"),
    ("异议书面材料送达地址：某县某镇北坝路88号\n联系方式：0816-5221234", "北坝路88号"),
])
def test_where_the_reader_is_to_go_is_an_office(body, place):
    assert_not_found(body, "address", fragment=place)


def test_a_service_address_still_reports_the_addressees_home():
    body = "本决定书已邮寄至你家（某市某小区3栋2单元401室），请到某路9号窗口领取。"
    f = [x for x in findings(review(body), "address") if "401" in x.text]
    assert f, "收件人的住址应报出"


# ---- homes given as a village group after any address label ------------------------------------
@pytest.mark.parametrize("body, place", [
    ("流出方联系地址：青禾市秀水镇保寿村三社，手机13904316628。", "青禾市秀水镇保寿村三社"),
    ("你提供的家庭住址青禾县土桥镇团结村五社、电话17793012654仅用于本事项联系。", "青禾县土桥镇团结村五社"),
])
def test_a_village_group_after_an_address_label_is_a_home(body, place):
    assert_span(body, "address", place)


def test_an_office_address_label_without_a_village_group_stays():
    assert_not_found("联系地址：某市某区人民路100号政务服务中心", "address")


@pytest.mark.parametrize("body, plate", [
    ("三、云A·B7630，重型自卸货车，暂扣日期2025年2月2日，所有人：昆明某土石方工程有限公司。", "云A·B7630"),
    ("3．宁A·J2094，受让人：宁夏某物流有限公司，需补正：经办人授权委托书。", "宁A·J2094"),
    ("2．驾驶人宋某宇驾驶豫C·T2863号出租车（洛阳某出租汽车有限公司）在中州中路行驶，属饮酒后驾驶。", "豫C·T2863"),
])
def test_a_companys_vehicle_keeps_its_plate_whoever_drives_it(body, plate):
    assert not findings(review(body), "plate")


@pytest.mark.parametrize("body, address", [
    ("协会住所：呼和浩特市新城区中山东路8号新城区文化馆三楼\n登记管理机关：新城区民政局", "中山东路8号"),
    ("答辩人：杭州市西湖区市场监督管理局\n住所地：杭州市西湖区古墩路702号\n法定代表人：沈建国，局长", "古墩路702号"),
    ("统一社会信用代码：91320902MABG8DMA2F\n法定代表人：周建林（公民身份号码：320902197108232320）\n"
     "住所：盐城市亭湖区黄海街道纬三路18号", "纬三路18号"),
])
def test_an_organisations_seat_is_no_home(body, address):
    assert not any(address in f.text for f in findings(review(body), "address"))


# ---- officials at work ---------------------------------------------------------------------------
def test_who_administers_assistance_has_a_post_not_a_status():
    body = ("现将参训人员名单公布如下：\n单位\t姓名\t职务\t身份证号\n都亭街道\t向红梅\t民政专干\t422802198306140085\n"
            "柏杨坝镇\t冉启明\t低保专干\t422802198601178254")
    result = review(body, "2024年社会救助经办人员能力提升培训班参训人员名单")
    assert not findings(result, "social_assistance") and not findings(result, "person_name")
    assert len(findings(result, "id_card")) == 2


@pytest.mark.parametrize("title, body", [
    ("2024年上半年农村留守儿童和困境儿童基本情况统计表",
     "合计\t2849\t664\n填报单位：某市民政局儿童福利股　填报人：黄敏　电话：0730-3728104"),
    ("12345热线典型案例", "低保户周某反映补贴未到账，经核实已补发。\n（区12345热线中心 供稿 / 责任编辑：彭蕾）"),
])
def test_the_filer_of_a_form_or_the_editor_of_an_article_is_at_work(title, body):
    result = review(body, title)
    assert not [f for f in result.findings if f.type in ("person_name", "minor")], [f.text for f in result.findings]


@pytest.mark.parametrize("title, body", [
    ("工伤认定决定书", "你单位职工因工作原因受到事故伤害，认定为工伤。\n认定人员：包海军、赵敏\n劳动保障咨询12333"),
    ("锦江区2024年第一季度人民调解员补贴发放名单",
     "序号｜姓名｜所在调委会｜调解件数｜补贴金额（元）\n1｜王德明｜春熙路街道调委会｜14｜2800\n2｜陈秀英｜书院街街道调委会｜9｜1800"),
    ("关于宗教活动场所负责人备案情况的通报", "经审核，福音堂负责人变更为陈约翰牧师，予以备案。"),
    ("关于社区戒毒社区康复人员帮扶情况的汇报",
     "谷某峰，因吸食毒品被责令接受社区戒毒三年，目前已稳定就业。\n帮扶专干：南关区民康街道 周立平\n南关区民康街道办事处"),
])
def test_people_named_for_their_work_stay(title, body):
    assert not findings(review(body, title), "person_name"), [f.text for f in review(body, title).findings]



def test_a_refused_honour_names_its_applicant_as_a_private_person():
    body = ("申请人：卢建国，男，身份证号码{id}，住太原市小店区坞城街道南内环东街91号1幢3单元502室。\n"
            "经调查，申请人系纠纷一方当事人，其所受伤害（左尺骨骨折）系双方互殴所致，不符合见义勇为确认条件，决定不予确认。")
    result = review(body.replace("{id}", make_id("140105", "19841121")), "某区见义勇为不予确认决定书")
    assert "卢建国" in [f.text for f in findings(result, "person_name")]


def test_a_company_running_on_into_its_officers_title_is_no_name():
    body = ("经投诉核查，第一中标候选人曲靖宏远市政工程有限公司法定代表人朱某刚曾于2021年因犯单位行贿罪被判处有期徒刑，"
            "取消其中标候选资格。")
    assert not findings(review(body, "关于取消投标人中标候选资格的公告"), "person_name")
