"""密级标志, 商业秘密 claims, 内部资料 and draft-stage markings."""

import pytest

from tests.assertions import assert_found, findings, review


@pytest.mark.parametrize("body, title, part, field", [
    ("秘密★5年\n某委〔2024〕9号\n各单位：", "", "秘密★5年", "body"),         # start of body
    ("机密★长期\n截至6月底……", "", "机密★长期", "body"),
    ("秘密★\n各单位：", "", "秘密★", "body"),                                 # no period
    ("", "某某数据汇总（绝密）", "绝密", "title"),                           # title, bracketed
    ("本件所载事项属国家秘密，须严格按规定保管。", "", "国家秘密", "body"),          # self-declared
])
def test_secrecy_found(body, title, part, field):
    f = assert_found(body, "secrecy_marking", part, title=title, field=field)
    assert f.action == "withhold" and f.ground == "state_secret"
    assert review(body, title).verdict == "withhold"


@pytest.mark.parametrize("text", [
    "组织全县机关干部学习新修订的《保守国家秘密法》，涉密岗位人员参加闭卷考试。",
    "揭开海洋的秘密主题科普展开幕。",
    "其中涉及国家秘密的3件、因属商业秘密未予公开的7件。",
    "★温馨提示：请经营者明码标价。",
    "公开文本已删除含有国家秘密、商业秘密及个人隐私的段落。",
])
def test_secrecy_not_found(text):
    assert not findings(review(text), "secrecy_marking")


@pytest.mark.parametrize("text, part", [
    ("配方比例属该厂商业秘密，请求不予公开。", "商业秘密"),
    ("本部分含商业秘密，请勿公开。\n投标人：某公司。", "商业秘密"),
    ("投标人已书面请求将报价构成表作为商业秘密处理。", "商业秘密"),
    # the text claims secrecy for itself, with the rule language of a third party after it
    ("本工艺说明含有商业秘密，未经申报单位书面许可不得向第三方提供。\n一、配料", "未经申报单位书面许可不得向第三方提供"),
    ("此报价清单涉及商业秘密，禁止向其他投标人披露。", "此报价清单涉及商业秘密"),
    ("投标报价分项（摘自投标文件，投标人声明本部分为商业秘密）：\n软件开发费1,200万元", "商业秘密"),   # claimed by its owner
    ("第三方书面回复：“配方及工艺流程属于本公司商业秘密，不同意公开”。", "商业秘密"),
    ("检验结论：所检项目符合标准要求。\n★商业秘密★ 燃烧器结构参数……", "★商业秘密★"),             # starred
    ("企业提供的核心配方及工艺参数（企业申请保密）经专家组现场核验。", "申请保密"),
    # an enterprise's own marking, quoted or in brackets, written in its own words
    ("经查，你公司提交的配方表页眉注明“企业核心机密·配方·严禁外传”。", "企业核心机密·配方·严禁外传"),
    ("材料中研发项目技术方案一节（页眉标注“公司机密 未经许可不得复制”）。", "公司机密 未经许可不得复制"),
    ("6.供货商审计报告（企业保密材料，申请不予公开）", "企业保密材料"),
    ("协议首页标明“保密文件·企业核心技术资料”。", "保密文件·企业核心技术资料"),
])
def test_trade_secret_marking_found(text, part):
    assert_found(text, "trade_secret_marking", part, ground="trade_secret")


@pytest.mark.parametrize("text", [
    "按照条例规定，凡涉及商业秘密、个人隐私，公开后可能损害第三方合法权益的政府信息，行政机关不予公开。",
    "因属商业秘密不予公开的7件。",
    "本办法所称商业秘密，是指不为公众所知悉、能为权利人带来经济利益的技术信息和经营信息。",
    "涉及商业秘密的，未经第三方同意不得公开。",
    "经审查，本机关认为该部分确属商业秘密，决定不予公开。",                 # the agency's decision, no claim
    "为增强企业商业秘密保护意识，区市场监管局举办商业秘密保护宣讲活动。",
    "健全企业保密制度，加强保密材料管理，严防核心机密泄露。",
])
def test_trade_secret_marking_not_found(text):
    assert not findings(review(text), "trade_secret_marking")


@pytest.mark.parametrize("body, title, part, field", [
    ("内部资料 注意保存\n本季度……", "", "内部资料", "body"),
    ("", "上半年经济运行分析（仅供内部参考）", "仅供内部参考", "title"),
    ("……记录：某某。\n（此件不公开）", "", "此件不公开", "body"),
    ("本稿仅供起草组成员研究，请勿外传。", "", "请勿外传", "body"),
])
def test_internal_marking_found(body, title, part, field):
    assert_found(body, "internal_marking", part, title=title, field=field, ground="internal_affairs")


@pytest.mark.parametrize("text", [
    "各单位对照内部控制制度，结合内设机构职责分工，健全内部审计。",
    "某市应急管理局\n2024年5月10日\n（此件不得翻印）",                 # a rule for handling a carrier, no marking
    "各单位要严格控制知悉范围，本方案严禁复制、摘抄。",
    "健全内部控制制度，加强内部审计监督。\n内部管理",                 # the word in prose and headings
])
def test_internal_marking_not_found(text):
    assert not findings(review(text), "internal_marking")


@pytest.mark.parametrize("title, body, part, field", [
    ("某某规划实施评估报告（讨论稿）", "", "讨论稿", "title"),
    ("某市供水价格调整方案（送审稿）", "", "送审稿", "title"),
    ("某某发展规划（初稿）", "", "初稿", "title"),
    ("《某某实施细则》（征求意见稿（内部））", "", "征求意见稿（内部）", "title"),
    ("某报告", "本报告为讨论稿，仅供研究使用。", "讨论稿", "body"),
    # a draft for comment that nobody puts out to the public is a draft under internal review
    ("某区2025年重点民生实事项目安排（征求意见稿）", "一、教育类项目……", "征求意见稿", "title"),
    ("秀水区关于殡葬领域专项整治工作的意见", "（征求意见稿）\n为规范殡葬服务收费行为……", "征求意见稿", "body"),
])
def test_draft_found(title, body, part, field):
    assert_found(body, "draft_marking", part, title=title, field=field, ground="process_info")


@pytest.mark.parametrize("title, body", [
    ("关于公开征求《某某规定（征求意见稿）》意见的公告", "现将征求意见稿全文公布。"),
    ("规划编制工作取得进展", "通报规划初稿已编制完成，尽快形成征求意见稿。"),
    ("某市养犬管理办法（征求意见稿）", "现向社会公开征求意见，欢迎社会各界提出意见和建议。"),   # put out to the public
])
def test_draft_not_found(title, body):
    assert not findings(review(body, title), "draft_marking")


# ---- markings by meaning (invented wording) --------------------------------------------------------
@pytest.mark.parametrize("body, part", [
    ("（暂不对外公开）\n关于某项目的情况汇报", "暂不对外公开"),
    ("请勿转发\n某某工作进展", "请勿转发"),
    ("以上情况不对外透露，请各单位注意。", "不对外透露"),
])
def test_internal_markings_by_meaning(body, part):
    assert_found(body, "internal_marking", part)


def test_a_restriction_naming_the_drafting_is_one_draft_marking():
    # "仅供起草组内部讨论": a draft under discussion (过程性信息), reported once, not also as internal
    result = review("本稿仅供起草组内部讨论，不作为正式意见。")
    assert [(f.type, f.text) for f in result.findings] == [("draft_marking", "仅供起草组内部讨论")]


@pytest.mark.parametrize("body", [
    "涉及国家秘密的政府信息不得公开。",            # a rule stated in prose, not a marking
    "数据仅供参考，以正式发布为准。",
])
def test_restrictions_in_prose_are_not_markings(body):
    assert not findings(review(body), "internal_marking")


@pytest.mark.parametrize("body, part", [
    ("密级：秘密\n关于某事项的报告", "密级：秘密"),
    ("秘密级\n某某数据汇总", "秘密级"),
])
def test_classification_levels(body, part):
    f = assert_found(body, "secrecy_marking", part)
    assert f.action == "withhold"


@pytest.mark.parametrize("body, part", [
    ("本项目人月单价2.8万元，项目内部收益率9.6%。", "人月单价2.8万元"),
    ("投标文件载明：综合单价415元/m³。", "综合单价415元/m³"),
])
def test_unit_figures_of_a_bid(body, part):
    assert_found(body, "bid_price_breakdown", part)


def test_unit_price_in_an_award_notice_stays():
    assert not findings(review("中标单价：415元/台。", "某某设备采购项目中标结果公告"), "bid_price_breakdown")


def test_company_account_with_its_bank_below():
    body = "收款单位：某某科技有限公司\n账号：6222 0202 0000 1234 567\n开户行：中国银行某某支行"
    assert [f.type for f in review(body).findings] == ["bank_account"]


def test_private_landline_with_its_extension():
    f = assert_found("申请人住宅电话：0571-87001234转8021。", "landline", "0571-87001234转8021")
    assert f.replacement.endswith("21") and "8700" not in f.replacement


def test_restriction_naming_the_drafting_marks_a_draft():
    result = review("第五条 奖励标准【待议】\n（仅供起草小组内部讨论，请勿引用）\n某某局")
    assert [(f.type, f.ground, f.text) for f in result.findings] == [
        ("draft_marking", "process_info", "仅供起草小组内部讨论，请勿引用")]
    # without the drafting it stays an internal marking, with its second restriction joined
    result = review("（仅供内部参考，请勿转发）")
    assert [(f.type, f.text) for f in result.findings] == [("internal_marking", "仅供内部参考，请勿转发")]


@pytest.mark.parametrize("title, body, part", [
    ("", "〔内部〕\n上半年，全县共受理投诉……", "内部"),                                    # the bare word bracketed
    ("某事项的调查报告（内部）", "一、基本情况……", "内部"),
    ("", "内部\n根据年度考核安排，现将结果通报如下。", "内部"),                           # alone on its line
    ("", "下一步将实行专班推进机制。\n内部参阅\n某委员会", "内部参阅"),
    ("", "会议决定对其进行诫勉谈话。\n（本纪要仅限局班子成员阅存）", "仅限局班子成员阅存"),
    ("", "（此件发至委机关各科室，不公开发布）\n某委员会", "不公开发布"),
])
def test_internal_markings_written_bare_or_by_meaning(title, body, part):
    field = "title" if part in title and part not in body else "body"
    assert_found(body, "internal_marking", part, title=title, field=field, ground="internal_affairs")


@pytest.mark.parametrize("title, body, marks", [
    ("秘 密 关于专项行动的工作方案", "★ 6个月\n为有效防范化解矛盾纠纷，决定开展专项行动。", ["秘 密", "★ 6个月"]),
    ("防汛物资储备情况", "密级：秘 密  保密期限：长期\n现将物资储备情况报告如下。", ["密级：秘 密  保密期限：长期"]),
    ("关于某粮库问题的调查报告", "秘  密\n根据部署，对某粮库库存情况进行了核查。", ["秘  密"]),
])
def test_levels_spaced_as_page_headings_print_them(title, body, marks):
    result = review(body, title)
    assert sorted(f.text for f in findings(result, "secrecy_marking")) == sorted(marks)
    assert result.verdict == "withhold"


def test_a_star_in_prose_is_no_term_of_secrecy():
    assert not findings(review("本次评选共产生★级服务窗口6个，其中五★级窗口2个。"), "secrecy_marking")


@pytest.mark.parametrize("body, part", [
    ("根据承接方提供的《成本核算表》（商业秘密，仅供绩效评价使用），人工成本占68%。", "商业秘密，仅供绩效评价使用"),
    ("现公开投标文件摘要：\n（以下内容涉及投标人商业秘密，仅供评标使用）\n甲公司报价如下。", "商业秘密"),
    ("二、物业公司成本说明：本页内容为企业保密信息。", "企业保密信息"),
])
def test_trade_secret_claims_in_notes_and_self_descriptions(body, part):
    assert any(part in f.text for f in findings(review(body), "trade_secret_marking"))


def test_a_term_alone_on_the_line_after_a_level():
    got = findings(review("秘  密\n★ 6个月\n根据部署，对某粮库库存情况进行了核查。", "关于某粮库问题的调查报告"), "secrecy_marking")
    assert sorted(f.text for f in got) == ["★ 6个月", "秘  密"]


def test_an_internal_edition_in_a_title_marks_the_document():
    result = review("一、总则\n为做好疫情应急处置工作，制定本方案。", "某区突发传染病疫情应急处置工作方案（内部版）")
    assert [f.text for f in result.findings if f.type == "internal_marking"] == ["内部版"]
    assert not review("内部版面设计由宣传科负责。").findings  # a word in prose, not a marking


@pytest.mark.parametrize("body", [
    "五、工作要求。本通知及附件不得复印、转发，不得在非涉密计算机和即时通讯工具中传输。",
    "本方案所列目标位置不得对外提供，本方案只能在涉密计算机上处理。",
    "本报告的附表只能通过涉密网络报送。",
])
def test_the_computers_a_handling_instruction_names_are_no_marking(body):
    assert not findings(review(body), "secrecy_marking")


def test_a_document_that_says_it_is_a_classified_carrier_is_still_marked():
    assert findings(review("本文件属于涉密载体，请妥善保管。"), "secrecy_marking")
