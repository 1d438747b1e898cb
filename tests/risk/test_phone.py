"""Mobile and landline recognizers."""

import pytest

from tests.assertions import FULLWIDTH, assert_not_found, assert_span, findings, make_id, review


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


def test_landline_given_with_a_persons_identity_number_is_private():
    number = make_id("430102", "19781120", "046")
    text = f"决定收回下列房屋：产权人邹某某（身份证号码{number}），联系电话0731-84213957，面积80平方米。"
    assert [f.text for f in findings(review(text), "landline")] == ["0731-84213957"]
    # an office's consultation number after the ID sentence stays
    text = f"申请人吕某某，身份证号{number}。请于5日内领取，咨询电话0731-84213957。"
    assert findings(review(text), "landline") == []


def test_identity_word_without_a_number_does_not_make_a_landline_private():
    text = "请本人携带身份证明原件联系出入境窗口0731-84213957。"
    assert findings(review(text), "landline") == []


def test_mobile_written_4_4_3_under_a_phone_column():
    text = "姓名｜联系电话｜事项\n甲某某｜1592 7346 018｜补助\n乙某某｜1372 0581 946｜补助"
    assert [f.text for f in findings(review(text), "mobile")] == ["1592 7346 018", "1372 0581 946"]
    text = "姓名｜登记编号｜事项\n甲某某｜1592 7346 018｜补助"
    assert findings(review(text), "mobile") == []


@pytest.mark.parametrize("text, number", [
    ("4. 收件人姜*，固定电话0535-6623418，地址某区某街道。", "0535-6623418"),          # a masked person's line
    ("某某复〔2024〕43号\n赵某（联系电话：0851-2861 4753；住址：某区）：", "0851-2861 4753"),
    ("桐柏路街道 申请人孙某某 联系电话 0371-68812473 住址 某街道", "0371-68812473"),       # spaces between
])
def test_landline_of_a_masked_person(text, number):
    assert number in [f.text for f in review(text).findings if f.type == "landline"]


@pytest.mark.parametrize("text", [
    "经营者：刘某、周某某。如有疑问，请联系区市场监管局食品经营科，电话0831-8221435。",   # the office's, next sentence
    "承办法官：黄立新  联系电话：0779-7202365",                                           # an official's
])
def test_office_landlines_after_a_person_stay(text):
    assert not [f for f in review(text).findings if f.type == "landline"]


@pytest.mark.parametrize("text, number", [
    ("序号\t姓名\t入学年份\t联系电话\t补贴金额\n1\t谢**\t2016\t0851-33527461\t3000\n", "0851-33527461"),  # a masked cell
    ("现场核查已完成。因你来信所留固定电话 0592-2036417 无人接听，特此书面答复。", "0592-2036417"),
    ("备案地：某市\n联系人家庭电话：(0471)6935-221", "(0471)6935-221"),            # a home label nearest the number
    ("本机关已按您填写的固定电话0571-86937215联系确认收件方式。", "0571-86937215"),    # the number the addressee filled in
    ("二、一位来电市民（固定电话0898-68723516）建议明确病种范围。", "0898-68723516"),  # a role, its number in brackets
])
def test_landline_left_by_a_person(text, number):
    assert number in [f.text for f in review(text).findings if f.type == "landline"]


def test_a_business_row_keeps_its_number():
    text = "序号 | 经营户 | 负责人 | 联系电话 | 问题\n| 3 | 鑫禾生鲜超市 | 赵某 | 0854-8223016 | 农残超标 |\n"
    assert not [f for f in review(text).findings if f.type == "landline"]


@pytest.mark.parametrize("body, number", [
    ("火灾系电动自行车在室内充电时引发。户主武某某（联系电话0351 7623 518）已搬离。", "0351 7623 518"),
    ("投诉人为业主冯晓庆（联系电话029-8826 4417），反映物业收费问题。", "029-8826 4417"),
])
def test_a_landline_right_after_a_private_person_is_theirs(body, number):
    assert [f.text for f in findings(review(body), "landline")] == [number]


def test_a_landline_after_an_official_contact_stays():
    assert not findings(review("经办人：李明，联系电话0851-86715524。"), "landline")


def test_a_spaced_mobile_listed_after_a_labelled_number():
    assert [f.text for f in findings(review("武某某（联系电话0351-7623518、13603 419 825）已搬离。"), "mobile")] == ["13603 419 825"]


def test_a_roles_landline_labelled_home_in_brackets():
    assert [f.text for f in findings(review("业主限期整改，拆除隔断。业主联系电话（住宅）0731-84427316。"), "landline")] == ["0731-84427316"]


@pytest.mark.parametrize("body, number", [
    ("经核实，申请人住浏阳市集里街道金峰村9组7号，联系电话0731-88620145。", "0731-88620145"),
    ("来信人居住于某小区3号楼1单元802室，固定电话(0471)4956213，要求答复。", "(0471)4956213"),
    ("申请人身份证号" + make_id() + "，电话0351-7623518。", "0351-7623518"),
])
def test_a_landline_labelled_after_a_private_address_or_id_in_its_sentence_is_theirs(body, number):
    assert [f.text for f in findings(review(body), "landline")] == [number]


@pytest.mark.parametrize("body", [
    # an invitation to call is an office's number, whatever private number the sentence gave before
    "原登记联系电话139 4315 2287已停机，如有疑问请拨打0431-88791256。",
    # an office named between the home and the number
    "申请人住金峰村9组7号，镇政府联系电话0731-88620145。",
])
def test_an_office_number_after_a_private_value_stays(body):
    assert not findings(review(body), "landline")


def test_the_phone_column_of_a_list_of_recipients():
    body = ("下列家庭拟纳入城市最低生活保障，现予公示。\n户主姓名　家庭人口　月保障金（元）　联系电话\n"
            "马秀芝　　3　　　　 1460　　　　　 0931-8456 7213\n李广才　　1　　　　 760　　　　　　8461 9035\n"
            "公示期7天。街道社会事务办公室电话：0931-8826 1135")
    assert [f.text for f in findings(review(body), "landline")] == ["0931-8456 7213", "8461 9035"]


def test_a_home_phone_column_of_officials_and_their_office_column():
    body = "职务｜姓名｜办公电话｜宅电\n区长｜赵国兴｜0452-2415 101｜0452-2738 516\n副区长｜孙立为｜0452-2415 102｜2785 033"
    assert [f.text for f in findings(review(body), "landline")] == ["0452-2738 516", "2785 033"]


def test_a_phone_column_of_offices_stays():
    body = "单位｜联系人｜联系电话\n县民政局｜王科长｜0452-2415 101\n县财政局｜李科长｜2415 102"
    assert not findings(review(body), "landline")


def test_an_offices_phone_column_named_by_its_abbreviation_stays():
    # "河长办": the river chiefs' office; a chief's row names an official, the number is the office's
    body = ("河湖名称｜河长职务｜河长姓名｜河长办联系电话\n西河｜区委副书记、区长｜蒲凯｜0817-2234127\n"
            "青山湖｜副区长｜何雨桐｜0817-2222917")
    assert not findings(review(body, "某区区级河湖长名单公告"), "landline")


def test_the_phone_a_numbered_item_of_a_person_labels():
    body = ("现公示如下：\n1. 杨永禄，关上社区居民，因突发脑溢血住院，给予临时救助4,800元。联系电话：0871－6543 2198。\n"
            "2. 段春莉，云秀社区居民，家中房屋失火，给予临时救助3,000元。联系电话：6718 2045。\n"
            "公示期为5个工作日。联系电话：0871-6717 3609（街道民政办）")
    assert [f.text for f in findings(review(body), "landline")] == ["0871－6543 2198", "6718 2045"]


def test_a_consultants_or_a_fees_word_is_no_office_label():
    body = "聘请以下同志为志愿讲师：\n谷春艳　心理咨询师　手机：13665471309"
    assert any(f.text == "13665471309" for f in review(body).findings if f.type == "mobile")
    body = "专家咨询费、课题咨询费：钱某某，联系电话025-84396721（住宅）；"
    assert any(f.text == "025-84396721" for f in review(body).findings if f.type == "landline")
    assert not any(f.type == "landline" for f in review("如有疑问请咨询：025-84396721").findings)


@pytest.mark.parametrize("body, phone", [
    ("网格员每月入户走访一次（家庭电话：0535 - 662 8190）。", "0535 - 662 8190"),   # a hyphen set off by spaces
    ("晚上老人孩子出行很危险。我家电话0563-3025718。", "0563-3025718"),
])
def test_a_home_phone_written_more_ways(body, phone):
    assert [f.text for f in findings(review(body), "landline")] == [phone]


def test_a_range_of_years_with_a_spaced_hyphen_is_no_phone():
    assert not review("2019 - 2023年累计投入12,345万元，2023 - 2024学年。").findings


@pytest.mark.parametrize("body", ["受理电话：0744-12380\n短信举报：13574412380（限发短信）",
                                  "受理电话：0716-8466380　12380短信平台：13872263380"])
def test_a_reporting_platforms_sms_number_is_an_offices(body):
    assert not review(body).findings


def test_a_village_committees_phone_column_is_an_offices():
    body = ("乡镇｜村（居）｜儿童主任｜村（居）委会电话\n梅江镇｜西门社区｜温某兰｜0797-6832107\n"
            "石上镇｜莲湖村｜廖某华｜0797-6751243")
    assert not findings(review(body, "儿童主任名单"), "landline")
    body = "姓名｜住所电话\n廖某华｜0797-6751243"
    assert [f.text for f in findings(review(body), "landline")] == ["0797-6751243"]


@pytest.mark.parametrize("body, phone", [
    ("你在境外的联系电话+852 6137 2408因长期无法接通，特此公告。", "+852 6137 2408"),
    ("申请人：何某恩，手机：00853 6628 1234", "00853 6628 1234"),
    ("联系人手机+85291234567", "+85291234567"),
])
def test_a_hong_kong_or_macao_mobile_with_its_country_code(body, phone):
    assert [f.text for f in findings(review(body), "mobile")] == [phone]


@pytest.mark.parametrize("body", [
    "香港办事处电话+852 2827 1234",       # a Hong Kong landline (2/3…)
    "项目编号85261372408",                 # no country code written: no foreign mobile
])
def test_no_hong_kong_mobile_without_its_shape(body):
    assert not findings(review(body), "mobile")


@pytest.mark.parametrize("body, phone", [
    ("报名表仅填写境外手机+39 347 612 8054，未填写国内联系人。", "+39 347 612 8054"),
    ("申请人在日本的联系电话+81 90-4127-3386。", "+81 90-4127-3386"),
    ("实习生吴某某，联系方式0918-274-365", "0918-274-365"),      # a Taiwan mobile, 4-3-3
    ("实习生吴某某，手机0918274365", "0918274365"),              # labelled
])
def test_a_phone_abroad(body, phone):
    assert [f.text for f in findings(review(body), "mobile")] == [phone]


@pytest.mark.parametrize("body", [
    "项目编号0918274365，请核对。",                 # no 4-3-3 shape, no phone word: no Taiwan mobile
    "用户号：+44 2079 460 958",                     # labelled as another kind of number
])
def test_no_phone_abroad_without_its_shape(body):
    assert not findings(review(body), "mobile")


@pytest.mark.parametrize("body, phone", [
    ("不满意户：\n● 文艺路某小区 徐某，座机024-23280629：反映毒饵站离儿童活动区过近。", "024-23280629"),
    ("基本满意户中，太原街街道 付某（座机024-83562918）建议增加宣传。", "024-83562918"),
    ("2. 孙某某，用电地址：某镇后楼村三组27号，绕越电能表用电，已追补电费。联系电话：0394-4821576。", "0394-4821576"),
])
def test_a_landline_labelled_after_a_masked_person_is_theirs(body, phone):
    assert [f.text for f in findings(review(body), "landline")] == [phone]


def test_an_office_contact_in_brackets_stays():
    assert not findings(review("联系人：刘某（电话0871-63188542）"), "landline")


@pytest.mark.parametrize("body", [
    # the record's later line names the office that receives objections: the number is the office's
    "申请人：韩志成，身份证号：130102198504123418，联系电话：13131472286\n不动产坐落：新华区和平路88号3号楼1单元502室\n"
    "异议受理机构：石家庄市不动产登记中心新华分中心\n地址：新华区中华北大街56号　联系电话：0311-87725314\n",
    # the office and its number on one line, spaced apart
    "申请人：邵立华、莫晓红\n不动产坐落：铁西区建设路21栋3单元5层2号\n"
    "异议受理地址：铁西区兴工街9号不动产登记中心　电话：0412-6637105\n",
])
def test_an_offices_number_at_the_end_of_an_applicants_record_stays(body):
    assert not findings(review(body), "landline")


def test_an_applicants_own_landline_in_the_record_is_still_theirs():
    body = "申请人：韩志成\n联系地址：新华区和平路88号3号楼1单元502室\n联系电话：0311-86632517\n"
    assert [f.text for f in findings(review(body), "landline")] == ["0311-86632517"]


def test_a_companys_phone_in_its_registration_record_stays():
    body = ("企业名称：深圳市澜汐电子科技有限公司\n统一社会信用代码：91440305MA5FQ2L81X\n"
            "住所：深圳市南山区粤海街道科技南路16号某科技大厦1203室\n企业联系电话：0755-26617734\n")
    assert not findings(review(body), "landline")


@pytest.mark.parametrize("body", [
    # the number's own line says where objections go, after a right holder's record
    "权利人：黄某某\n身份证件号码：35012419650707218X\n不动产坐落：闽清县溪源乡前洋村下厝里21号\n"
    "异议受理单位：某县不动产登记中心，地址：某县梅城镇台山路36号，电话0591-22336417。\n",
    # a duty phone column of registered teams
    "序号\t队伍名称\t负责人\t负责人身份证号\t值守电话\t队员人数\n1\t某市山地救援志愿队\t潘**\t522601********1514\t0855-8223410\t36\n",
    # a list's phone column whose cell says it is the community's
    "序号  姓名        身份证号              类别        联系电话\n1     次仁央金    540102********0024    低保对象    0891-6323102（社区）\n",
])
def test_an_offices_number_in_a_private_record_or_list_stays(body):
    assert not findings(review(body), "landline")
