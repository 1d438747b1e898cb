"""Health, social assistance, criminal record and religion of an identifiable person."""

import pytest

from tests.assertions import assert_found, assert_not_found, findings, review


@pytest.mark.parametrize("text, part, type_", [
    ("东岗社区患者陈德顺，诊断为精神分裂症，监护人陈小燕。", "精神分裂症", "health"),
    ("残疾人两项补贴新增名单：钱玉珍，视力一级残疾；", "视力一级残疾", "health"),
    ("慰问了特困供养对象周阿福，老人患帕金森病多年。", "帕金森", "health"),             # pronoun 老人
    ("申请人李秀英，城市低保对象，2023年确诊为乳腺癌。", "城市低保对象", "social_assistance"),
    ("慰问组来到低保户吴美兰家中。", "低保户", "social_assistance"),                      # role before the name
    ("拟给予临时救助：蒙建平，因突发重病申请临时救助；", "申请临时救助", "social_assistance"),
    ("社区矫正对象曹文斌（因犯盗窃罪被判处有期徒刑一年、缓刑一年）参加劳动。", "盗窃罪", "criminal_record"),
    ("被征收户林天佑系天主教徒，提出诉求。", "天主教徒", "religion"),
])
def test_found(text, part, type_):
    f = assert_found(text, type_, part)
    assert f.action == "review" and f.ground == "privacy"


@pytest.mark.parametrize("text, type_", [
    ("开展艾滋病感染者随访关怀活动，全区随访98人。", "health"),                 # no person
    ("全区在册社区戒毒人员87名。", "criminal_record"),                          # statistics
    ("当事人陈某某无照经营，违法所得386.50元，处罚款5000元。", "criminal_record"),  # administrative penalty, masked
    ("宗教活动场所设置应当符合规定。", "religion"),
])
def test_not_found(text, type_):
    assert not findings(review(text), type_)


@pytest.mark.parametrize("text, span", [
    ("经审核，同意将申请人龚晓岚纳入分散供养，按月发放供养金。", "纳入分散供养，按月发放供养金"),  # one statement
    ("慰问组看望了特困老人钟桂香，送去棉被。", "特困老人"),           # role right before the name
    ("何桂枝家庭属脱贫不稳定户，纳入动态监测。", "属脱贫不稳定户"),
    ("帅永康因车祸致残，本月获医疗救助（支出型）1.2万元。", "医疗救助（支出型）"),  # subtype after the status
    ("詹春燕因子女突发疾病，获支出型临时救助3000元。", "支出型临时救助"),       # subtype before the status
    ("付长林，鞍山某机械厂，特困职工，肢体二级残疾。", "特困职工"),
    ("经核实，杨秀兰家庭已纳入防止返贫动态监测。", "纳入防止返贫动态监测"),
])
def test_social_assistance_vocabulary_and_subtypes(text, span):
    found = [f.text for f in findings(review(text), "social_assistance")]
    assert span in found, found


@pytest.mark.parametrize("text, span", [
    ("村民樊立群正在服刑，家中由其母照料。", "正在服刑"),
    ("经核查，柏宏伟系暂予监外执行人员，现居住在本村。", "暂予监外执行"),
    ("村民冉志浩2022年因寻衅滋事被治安拘留十日。", "治安拘留"),
    ("经查，蒙志勇系戒毒康复人员，戒断三年未复吸。", "复吸"),
    ("谭建国曾于2015年入狱，2019年获释后在本村务农。", "入狱"),
    ("邱文斌因醉驾被吊销机动车驾驶证。", "醉驾"),
])
def test_criminal_record_vocabulary(text, span):
    found = [f.text for f in findings(review(text), "criminal_record")]
    assert any(span in f for f in found), found


def test_subtype_without_a_person_is_not_a_status():
    assert findings(review("全县本月发放临时救助（急难型）资金共计52万元。"), "social_assistance") == []


@pytest.mark.parametrize("text, span", [
    ("申请人车德华因股骨头坏死长期卧床，申请医疗救助。", "股骨头坏死"),
    ("救助对象伍桂珍患重症肌无力多年。", "肌无力"),
    # conditions named by what they do to the body (THUOCL words ending in 缺损, 内障, 光眼, 脱位…)
    ("1. 孙浩然，男，3岁，诊断：室间隔缺损，家庭类别：城市低保。", "室间隔缺损"),
    ("申请人葛秀珍，双眼老年性白内障，视力仅0.1，申请临时救助。", "白内障"),
    ("低保户喻德全，2023年因先天性髋关节脱位手术，现行走不便。", "髋关节脱位"),
])
def test_health_vocabulary(text, span):
    assert any(span in f.text for f in findings(review(text), "health"))


@pytest.mark.parametrize("text, span", [
    ("检查中发现，马德仁（伊斯兰教信众，常年在寺内义务管理）私设厨房。", "伊斯兰教信众"),   # 信众 after the religion
    ("例如马福全，系清真寺阿訇，年满60周岁，已开始领取养老金。", "系清真寺阿訇"),          # a cleric's calling
    ("经审核，包文德（天主教神父）拟在本区某堂点主持宗教活动。", "神父"),
])
def test_religion_said_of_a_person(text, span):
    found = [f.text for f in findings(review(text), "religion")]
    assert any(span in t or t in span for t in found), found


@pytest.mark.parametrize("text", [
    "帮教对象韩某某已回村务农，由其所在清真寺阿訇参与帮教。",   # the cleric helps: nobody's faith is stated
    "关于阿依某某申请宗教教职人员认定的复函",                       # the matter applied for
    "该儿童无法准确说出家庭住址，目前已送至救助站。",               # 出家 inside 说出家庭
])
def test_religion_not_said(text):
    assert not findings(review(text), "religion")


@pytest.mark.parametrize("text", [
    "一、罗某福，某村，家庭人口3人，因病致贫，拟纳入农村最低生活保障。",   # a cause of poverty, no condition named
    "经联合走访，协助将其送往市第二人民医院住院治疗，目前情况稳定。",       # care given, no condition named
    "医院于到院后86分钟为患者郑某实施介入手术。",                           # a procedure, no condition named
])
def test_care_and_causes_of_poverty_are_no_health_statement(text):
    assert not findings(review(text), "health")


@pytest.mark.parametrize("text", [
    "韦某某：\n你于2024年5月提出的重度残疾人护理补贴申请已收悉，现答复如下。",
    "牛某某：\n你于2024年8月提交的特困人员救助供养申请收悉。",
])
def test_the_matter_applied_for_is_no_status(text):
    assert not findings(review(text), "social_assistance")


def test_a_status_granted_after_an_application_is_one():
    text = "牛建民：\n你于2024年8月提交的申请收悉。经入户调查，决定将你纳入特困人员救助供养。"
    assert findings(review(text), "social_assistance")


@pytest.mark.parametrize("text, part", [
    ("王德海家庭房屋倒塌，给予临时救助金5000元，已发放到位。", "临时救助金"),     # an assistance payment named
    ("3. 左建明，房屋倒塌，发放过渡期生活救助3,600元。", "生活救助"),
    ("夏春燕患尿毒症长期透析，今年已累计获得门诊救助1.1万元。", "门诊救助"),
])
def test_assistance_payments_to_a_person(text, part):
    found = [f.text for f in findings(review(text), "social_assistance")]
    assert any(part in f for f in found), found


def test_an_amount_column_word_is_no_status():
    text = "1. 彭某香，乳腺癌化疗，救助金额8600元；\n2. 朱某亮，尿毒症血液透析，救助金额12000元。"
    assert not findings(review(text), "social_assistance")


@pytest.mark.parametrize("condition", ["脊柱侧弯筛查阳性", "双眼高度近视", "长期失眠", "高危妊娠", "肝囊型包虫病"])
def test_symptoms_and_screening_results_of_a_named_resident(condition):
    result = review(f"居民王建国，{condition}，已纳入帮扶。")
    assert findings(result, "health") and [f.text for f in findings(result, "person_name")] == ["王建国"]


def test_a_status_said_of_the_household_named_before():
    body = "经审核，同意对覃秀兰给予重特大疾病医疗救助。该户系农村低保户，患者因急性白血病住院治疗。"
    assert any("低保户" in f.text for f in findings(review(body), "social_assistance"))


def test_a_status_of_no_household_named_before_is_not_reported():
    assert not findings(review("该户系农村低保户的，可按规定申请临时救助。"), "social_assistance")


@pytest.mark.parametrize("body", [
    "学生王某某盗窃电动车电瓶，因未满十六周岁，依法不予行政拘留，责令其监护人严加管教。",
    "因其系未成年人，依法从轻处罚，并责令其监护人严加管教。",
])
def test_an_order_to_a_guardian_is_the_decision_not_a_record(body):
    assert not any("严加管教" in f.text for f in findings(review(body), "criminal_record"))


def test_a_places_scheme_is_no_ones_status():
    body = "刘淑芬同志：\n你反映“本村低保评定不公”的来信收悉。经核查，评定程序符合规定。"
    assert not findings(review(body), "social_assistance")


@pytest.mark.parametrize("body, part", [
    ("患者佟秀梅于2025年2月在县人民医院行腹腔镜胆囊切除术，术后出现胆漏。", "胆囊切除术"),     # an operation
    ("申请人柯永亮，肝移植术后需长期服用抗排异药物，家庭负担较重。", "肝移植"),               # a transplant
    ("学生冉子墨（8岁）3月4日在校呕吐、腹泻，已由家长接回。", "呕吐"),                        # symptoms, no diagnosis
    ("鲍天佑在体育课中左膝半月板撕裂，已住院治疗。", "半月板撕裂"),                            # an injury
])
def test_operations_symptoms_and_injuries_of_a_named_person(body, part):
    assert any(part in f.text for f in findings(review(body), "health"))


def test_a_symptom_beside_the_diagnosis_is_the_diagnosis_history():
    body = "患者吴海涛，男，43岁，7月1日出现发热、寒战等症状后就诊，经市疾控中心复核确诊为恶性疟。"
    found = findings(review(body), "health")
    assert any("恶性疟" in f.text for f in found)
    assert not any("发热" in f.text for f in found)


def test_symptoms_in_policy_text_state_nothing():
    assert not findings(review("对出现发热、咳嗽等症状的人员，应及时到发热门诊就诊。"), "health")


def test_a_disabled_servicemans_grade_in_a_table_column():
    body = ("序号｜姓名｜所属街道｜伤残性质等级｜季度金额（元）\n1｜万华晨｜中和街道｜因病九级｜3480\n"
            "2｜熊林涛｜中和街道｜因战五级｜4120")
    found = {f.text for f in findings(review(body, "残疾军人伤残抚恤金发放花名册"), "health")}
    assert {"因病九级", "因战五级"} <= found


def test_a_workers_diagnosis_in_a_table_names_the_worker():
    body = ("用人单位｜劳动者｜诊断结论｜诊断日期\n安平县某石材加工厂｜孟庆山｜职业性矽肺壹期｜2024-06-03\n"
            "衡水某丝网制品有限公司｜韩立伟｜职业性噪声聋（轻度）｜2024-06-11")
    result = review(body, "关于2024年第二批职业病诊断结论的公示")
    assert {"孟庆山", "韩立伟"} <= {f.text for f in findings(result, "person_name")}
    assert any("矽肺" in f.text for f in findings(result, "health"))


def test_a_complication_after_an_operation_stated_of_the_party():
    body = ("被答辩人（原告）：贾春梅，女，1971年出生，住武汉市武昌区。\n"
            "一、原告于2023年8月在某民营医院行右膝关节置换术，术后出现右下肢深静脉血栓。")
    result = review(body)
    assert any(f.text == "贾春梅" for f in findings(result, "person_name"))
    assert any("深静脉血栓" in f.text for f in findings(result, "health"))


def test_a_numbered_item_is_about_the_person_who_heads_it():
    body = ("下列机动车驾驶人因醉酒驾驶机动车，吊销其机动车驾驶证：\n"
            "1. 马卫东，驾驶证号1201**********2218，因犯危险驾驶罪被判处拘役二个月；\n"
            "2. 邱志刚，身份证号4403**********1517，有交通肇事犯罪记录。")
    result = review(body)
    assert {"马卫东", "邱志刚"} <= {f.text for f in findings(result, "person_name")}
    assert any("犯罪记录" in f.text for f in findings(result, "criminal_record"))


def test_a_monitored_household_is_a_status():
    body = "序号 学生姓名 就读学校 家庭类型 补助金额\n2 庞晓琳 玉林市农业学校 防返贫监测家庭 1500元"
    assert any("监测家庭" in f.text for f in findings(review(body, "雨露计划职业教育补助名单公示"), "social_assistance"))


@pytest.mark.parametrize("body", [
    "张德明系烈士遗属，现居住在县城，区退役军人事务局春节前走访慰问。",
    "经审核，将李国富纳入重点优抚对象，按月发放定期抚恤补助。",
])
def test_a_veterans_or_martyrs_familys_status_is_no_social_assistance(body):
    # (an honour and a state's care for service, named in 褒扬 and 优抚 notices; the labelled sets never count it)
    assert not findings(review(body), "social_assistance"), [(f.type, f.text) for f in review(body).findings]


LEAD = ("经本人申请、入户调查、民主评议和镇人民政府审核，以下家庭拟纳入农村最低生活保障，现予公示：\n"
        "序号｜户主姓名｜家庭人口｜所在村\n1｜邬德昌｜3｜石桥村\n2｜樊秀梅｜2｜柳湾村\n公示期7天。")


def test_a_list_lead_states_the_status_of_everyone_listed():
    """The rows say nothing of assistance: the sentence that introduces them says it of every household listed."""
    (f,) = findings(review(LEAD), "social_assistance")
    assert f.text == "纳入农村最低生活保障" and "下列名单" in f.reason
    names = {x.text for x in findings(review(LEAD), "person_name")}
    assert names == {"邬德昌", "樊秀梅"}


def test_a_list_lead_on_the_same_line_as_its_names():
    (f,) = findings(review("拟对下列困难家庭给予临时救助：蒙建平，因房屋受灾；"), "social_assistance")
    assert f.text == "给予临时救助"


def test_a_list_lead_is_one_statement_and_a_cited_rule_is_none():
    body = LEAD.replace("经本人申请", "根据《某省最低生活保障审核确认办法》，经本人申请")
    (f,) = findings(review(body), "social_assistance")
    assert f.text == "纳入农村最低生活保障"


def test_rows_that_state_their_own_status_leave_the_lead_alone():
    body = ("经审核审批，本季度临时救助情况公示如下：\n"
            "1. 邬德昌，因房屋失火，给予临时救助3000元；\n2. 樊秀梅，因子女重病，给予临时救助5000元。")
    assert {f.text for f in findings(review(body), "social_assistance")} == {"给予临时救助"}
    assert all(f.start > body.index("\n") for f in findings(review(body), "social_assistance"))


def test_only_the_rows_own_words_keep_the_lead_from_stating_it():
    """A header's "救助金额", a row's scheme standard ("超过当地低保标准") and a later sentence about other households
    state no listed person's own status: the lead states it of everyone listed."""
    body = ("经复核，下列原纳入低保的家庭已不再符合保障条件，拟停发保障金：\n"
            "姓名｜所在村｜救助金额（元）｜停保原因\n邬德昌｜石桥村｜600｜人均收入超过当地低保标准\n"
            "樊秀梅｜柳湾村｜450｜家庭成员新购轿车一辆\n"
            "另：以下家庭经复核拟停止享受低保：石桥村王某某户。")
    assert [f.text for f in findings(review(body), "social_assistance")] == ["纳入低保"]


@pytest.mark.parametrize("lead, expected", [
    ("现将本月纳入临时救助的家庭公示如下：", ["纳入临时救助"]),   # an act that grants it
    ("现将本月临时救助对象公示如下：", []),                     # only the list's name, as a heading
])
def test_a_lead_that_names_its_list_states_no_status(lead, expected):
    body = lead + "\n1. 邬德昌，石桥村，因房屋失火\n2. 樊秀梅，柳湾村，因子女重病"
    assert [f.text for f in findings(review(body), "social_assistance")] == expected
    assert {f.text for f in findings(review(body), "person_name")} == {"邬德昌", "樊秀梅"}


def test_under_a_lead_that_grants_nothing_a_class_of_persons_in_a_cell_is_the_rows_own():
    body = ("现将2024年9月医疗救助对象公示如下：\n姓名｜救助类别｜救助金额（元）\n"
            "邬德昌｜低保对象｜8600\n樊秀梅｜特困人员｜3200")
    assert [f.text for f in findings(review(body), "social_assistance")] == ["低保对象", "特困人员"]
    # under a lead that grants the status, the column names its kinds ("分散供养"): the lead states it
    granted = ("经审核，以下人员认定为特困人员，按月发放基本生活费：\n姓名｜性别｜供养方式\n邬德昌｜男｜分散供养\n樊秀梅｜女｜集中供养")
    assert [f.text for f in findings(review(granted), "social_assistance")] == ["认定为特困人员"]


@pytest.mark.parametrize("body", [
    "某某镇2024年第二批最低生活保障对象名单\n邬德昌｜石桥村\n樊秀梅｜柳湾村",   # a heading names the matter
    "以下家庭拟纳入农村最低生活保障，现予公示：\n石桥村3户，柳湾村2户。",           # a count, no one named
])
def test_no_list_of_names_no_lead_statement(body):
    assert not findings(review(body), "social_assistance")


def test_hardened_roads_are_no_illness():
    """"硬化" alone is a road's surface ("道路硬化"); 肝硬化, 动脉硬化 are the conditions."""
    assert not findings(review("村民常德顺反映其门前村级道路硬化工程质量差。"), "health")
    assert [f.text for f in findings(review("村民常德顺患肝硬化多年，生活困难。"), "health")] == ["患肝硬化多年"]


def test_a_status_column_under_a_lead_is_the_leads_statement():
    body = ("经入户调查、民主评议，下列家庭拟纳入城乡最低生活保障，现予公示：\n"
            "户主姓名｜家庭人口｜保障类别｜所在社区\n邬德昌｜3｜城市低保｜府后社区\n樊秀梅｜2｜农村低保｜柳湾村\n"
            "社区评议小组：柴晓燕（社区书记）、魏长海\n公示期7天。")
    result = review(body)
    assert [f.text for f in findings(result, "social_assistance")] == ["纳入城乡最低生活保障"]
    assert [f.text for f in findings(result, "person_name")] == ["邬德昌", "樊秀梅"]  # not the panel under the table


def test_a_status_column_without_a_lead_states_each_rows_status():
    body = "户主姓名｜家庭人口｜保障类别｜所在社区\n邬德昌｜3｜城市低保｜府后社区\n樊秀梅｜2｜农村低保｜柳湾村"
    assert [f.text for f in findings(review(body, "2024年第三季度保障对象名单"), "social_assistance")] == ["城市低保", "农村低保"]


@pytest.mark.parametrize("text, names", [
    ("将信仰伊斯兰教的马秀兰、韩永福2户纳入慰问范围。", ["马秀兰", "韩永福"]),
    ("邀请同为基督徒的彭兰芝、向冬梅等人在家中聚会。", ["彭兰芝", "向冬梅"]),
    ("享受低保的李四家中无劳动力。", ["李四"]),
    ("患尿毒症的张三长期透析。", ["张三"]),
])
def test_the_names_a_statement_describes_after_its_de(text, names):
    assert [f.text for f in findings(review(text), "person_name")] == names


@pytest.mark.parametrize("text", ["加强对享受低保的困难群众的帮扶。", "享受低保的家庭共有120户。", "对患精神障碍的人员加强管理。",
                                  "夏季高温，谨防中暑。", "发生晕厥时应立即拨打120。"])
def test_a_statement_before_a_group_or_in_advice_describes_no_one(text):
    assert not review(text).findings


@pytest.mark.parametrize("text, name, part", [
    ("乡干部家属张红梅中暑晕厥，已送医。", "张红梅", "中暑晕厥"),
    ("走访慰问綦福田（脑梗后遗症），慰问金1500元。", "綦福田", "脑梗后遗症"),
    ("蒋若曦（苏州市平江中学）：低视力，提供大字号试卷。", "蒋若曦", "低视力"),
    ("产妇孔维娜入院后经评审认定为羊水栓塞。", "孔维娜", "羊水栓塞"),
])
def test_acute_conditions_conditions_of_mothers_and_children_and_rare_surnames(text, name, part):
    result = review(text)
    assert name in [f.text for f in findings(result, "person_name")]
    assert any(part in f.text for f in findings(result, "health"))


def test_a_status_describes_the_kind_of_person_named_after_its_de():
    result = review("帮扶香泉镇中川村纳入低保的种植户冯有福，引进马铃薯脱毒原种。")
    assert [f.text for f in findings(result, "person_name")] == ["冯有福"]
    assert [f.text for f in findings(result, "social_assistance")] == ["纳入低保"]


@pytest.mark.parametrize("text", [
    "3月12日凌晨，城关镇向阳村发生一起民房火灾，造成1人重伤。",  # 民房: no 村民 before 房
    "王村镇 马家庄  护路员一名，脱贫户。",  # 马家庄 is a village
])
def test_a_word_or_a_village_is_no_subject(text):
    assert not findings(review(text), "person_name")


def test_a_name_before_a_bracket_does_not_open_inside_a_word():
    result = review("患者刘某（双相情感障碍），补助金额1200元。")
    assert "者刘某" not in [f.text for f in findings(result, "person_name")]
    assert [f.text for f in findings(review("走访职工钱伟（患尿毒症）家庭。"), "person_name")] == ["钱伟"]
    # a name without a surname opens with its syllable
    assert "扎西平措" in [f.text for f in findings(review("扎西平措（某寺院僧人）在僧舍使用电热毯。"), "person_name")]


def test_a_supervisory_transfer_in_a_discipline_notice_is_no_private_record(analyzer):
    # the shipped review (rules, name model and second reading): neither reads the transfer as a record
    body = ("经查，栾志刚利用职务便利，采取少发、缓发等方式截留特困供养人员生活补助共计3.4万元，用于个人开支。\n"
            "栾志刚受到开除党籍、开除公职处分，涉嫌犯罪问题移送检察机关；被截留资金已全部退还当事人。")
    result = analyzer.reviewer.review("某县纪委监委通报一起侵害特困群众利益问题", body)
    assert not [f for f in result.findings if f.type == "criminal_record"]
    # a private person's conviction is still one, and so is a police notice's suspect sent to the prosecutors
    private = "砂石场老板甄天佑此前曾因非法采矿罪被判处有期徒刑一年六个月。"
    assert findings(review(private), "criminal_record")
    suspect = "犯罪嫌疑人栾志刚涉嫌诈骗罪，已被依法移送检察院审查起诉。"
    assert findings(review(suspect, "某公安分局警情通报"), "criminal_record")


@pytest.mark.parametrize("text", [
    "被害人韩德明因案致重伤，经审查符合条件，决定给予司法救助金3万元。",
    "申请人邵国强向本院申请司法救助，本院依法受理。",
])
def test_a_courts_judicial_aid_is_no_social_assistance(text):
    assert not findings(review(text), "social_assistance")


@pytest.mark.parametrize("text, part", [
    ("肿瘤内科：主任医师张某某坐诊周一至周五。", "肿瘤"),
    ("专业：肿瘤内科，邀请机构：某某医院。", "肿瘤"),
])
def test_a_department_named_after_a_condition_states_no_ones_condition(text, part):
    assert not [f for f in findings(review(text), "health") if part in f.text]


@pytest.mark.parametrize("text, part", [
    ("患儿吕某某确诊脊髓性肌萎缩症，申请医疗救助。", "脊髓性肌萎缩症"),
    ("居民韩某某因阿尔茨海默病入住护理院。", "阿尔茨海默病"),
    ("职工贺某某经诊断患职业性噪声聋。", "噪声聋"),
])
def test_more_conditions_by_name(text, part):
    assert any(part in f.text for f in findings(review(text), "health"))


@pytest.mark.parametrize("text, status", [
    ("3. 曹一诺，女，1岁，家庭类别：支出型困难家庭，定点医院：某儿童医院。", "支出型困难家庭"),
    ("计划村：石光明（监测帮扶对象）", "监测帮扶对象"),
    ("邬德昌，返贫致贫人口，资助190元。", "返贫致贫人口"),
    ("樊秀梅，女，9岁，父母重残，纳入困境儿童保障。", "困境儿童"),
])
def test_kinds_of_hardship_and_care_are_statuses_of_the_person_named(text, status):
    assert any(status in f.text for f in findings(review(text), "social_assistance"))
    assert not review("全县返贫致贫人口共计120人，困境儿童386名。").findings  # counts name no one


def test_a_role_that_is_a_record_is_reported_where_its_sentence_states_no_record():
    body = "二是向社区矫正对象武晓军发放生活补助3000元，缺少街道审核意见。"
    assert [f.text for f in findings(review(body), "criminal_record")] == ["社区矫正对象"]
    # the sentence states the record itself: that is reported, not the role again
    body = "社区矫正对象赵明（因危险驾驶罪被判处拘役二个月）按时报到。"
    assert [f.text for f in findings(review(body), "criminal_record")] == ["因危险驾驶罪被判处拘役二个月"]
    # a masked person under the role, another person named in the sentence, or a count: nobody's record
    body = "对社区矫正对象马某某的矫正小组成员作如下调整：原志愿者吴春燕因工作调动退出。"
    assert not findings(review(body), "criminal_record")
    assert not review("全区在册社区矫正对象18人，均按时报到。").findings


@pytest.mark.parametrize("text, part", [
    ("罗安平（72岁）在家中突发意识不清、口角歪斜，家属拨打120。", "意识不清"),
    ("李春生，县专业扑火队员，吸入烟雾导致呼吸道灼伤，慰问金3,000元。", "灼伤"),
    ("社区戒毒人员潘秀芬，女，营盘坡社区，甲基苯丙胺成瘾。", "成瘾"),
    ("申请人柯文静于2023年9月在某医院完成性别重置手术。", "性别重置"),
])
def test_more_conditions_of_a_named_person(text, part):
    assert any(part in f.text for f in findings(review(text), "health"))


@pytest.mark.parametrize("body", [
    "任命陈建华为区残联康复部部长。\n某市某区残疾人联合会\n2024年4月8日",
    "拟聘任以下同志为社区残疾人专职委员，现予公示：\n马文杰，男，拟聘为南河社区残疾人专职委员。",
])
def test_a_body_or_post_named_after_a_condition_states_no_ones_condition(body):
    r = review(body, "关于陈建华等同志职务任免的通知")
    assert not findings(r, "health") and not findings(r, "person_name")


def test_a_programme_for_a_class_of_persons_is_no_ones_status():
    body = "二、个人捐赠\n1. 陈海林　捐赠资金10000.00元　非定向\n2. 周丽芳　捐赠资金5000.00元　定向用于孤儿助学\n"
    r = review(body, "某区慈善总会2024年第三季度接受捐赠情况公示")
    assert not findings(r, "social_assistance") and not findings(r, "person_name")
