"""One decision for every person: private in a protected context, or official/company/honoree.

The name model is optional: a protocol-conforming fake stands in for it here (the real one is
``classifier.risk.name_tagger.NameTagger``), to prove that the engine asks it about the right
windows only, uses its spans, and decides them like every other mention.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from classifier.risk import RiskReviewer
from classifier.risk.persons import NameTaggerLike
from tests.assertions import findings, make_id, review


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    score: float


class FakeTagger:
    """Reports the given names wherever they occur inside the windows it is asked about."""

    def __init__(self, names, score: float = 0.9):
        self.names = names
        self.score = score
        self.calls: list[tuple[str, list[tuple[int, int]] | None]] = []

    def spans(self, text, windows=None):
        self.calls.append((text, None if windows is None else list(windows)))
        out = []
        for a, b in windows or [(0, len(text))]:
            for name in self.names:
                k = text.find(name, a, b)
                while k >= 0 and k + len(name) <= b:
                    out.append(Span(k, k + len(name), self.score))
                    k = text.find(name, k + 1, b)
        return out


def test_fake_tagger_conforms_to_the_protocol():
    assert isinstance(FakeTagger([]), NameTaggerLike)


# ---- names without a role word, read by the rules -------------------------------------------------
@pytest.mark.parametrize("body, name, detail", [
    ("经审核，同意给予陈美华临时救助金3000元。", "陈美华", "社会救助"),
    ("何志远因患尿毒症长期透析，家庭生活困难。", "何志远", "健康信息"),
    ("经核实，郑文华信仰天主教。", "郑文华", "宗教信仰"),
    # 同志 between the name and its own statement: a courtesy, not an official's title in role
    ("区审计局：\n葛振之同志因患胰腺癌需长期住院治疗，本人书面提出辞去职务。", "葛振之", "健康信息"),
    ("经核实，鲍国庆同志患肝癌，长期住院治疗。", "鲍国庆", "健康信息"),
])
def test_name_next_to_a_private_statement(body, name, detail):
    f = next(f for f in findings(review(body), "person_name") if f.text == name)
    assert detail in f.reason and f.action == "review" and f.replacement == name[0] + "**"


def test_names_enumerated_after_a_private_name_are_read_the_same_way():
    # the statement is of both names the enumeration gives (the rules read the first before it)
    body = "参与者主要为留守老年妇女，其中李桂芝、赵春梅二人于2021年在外地接受洗礼。"
    assert [f.text for f in findings(review(body), "person_name")] == ["李桂芝", "赵春梅"]
    # a count of households or persons closes the enumeration too
    body = "1. 马福德、韩秀英两户信仰伊斯兰教，已单独设置清真灶。"
    assert [f.text for f in findings(review(body), "person_name")] == ["马福德", "韩秀英"]
    # a word after the 、 ends the enumeration
    assert [f.text for f in findings(review("经审核，同意给予陈美华、民政办临时救助金3000元。"), "person_name")] == ["陈美华"]


@pytest.mark.parametrize("body, name", [
    ("经审核，情况如下：\n1．次仁多吉，男，1999年出生，原户籍日喀则市，患肺结核正在治疗。", "次仁多吉"),  # heads its item
    ("逝者索南多吉，藏族，生前信仰藏传佛教，由其女办理。", "索南多吉"),  # after a kind of person
])
def test_names_without_a_surname_read_by_their_opening_syllable(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


def test_a_household_listed_by_its_heads_name_is_private():
    body = ("现将地质灾害避险搬迁对象审核情况公示如下：\n1. 马占福户（六组）：家庭5口，房屋后方边坡出现裂缝，纳入集中安置。\n"
            "2. 杨桂兰户（华屋村岭背组，2人）：户主年老独居，安排就近分散安置。\n各申请户：如有异议请于5日内反映。")
    got = findings(review(body), "person_name")
    assert [f.text for f in got] == ["马占福", "杨桂兰"] and "按户列出的住户" in got[0].reason
    # an honour notice's families are named because the notice must name them
    honour = "经评选，拟表彰以下家庭：\n1. 王建华户（某某街道）：孝老爱亲。"
    assert not findings(review(honour, "关于拟表彰最美家庭的公示"), "person_name")


def test_names_listed_with_spaces_after_a_role():
    got = [f.text for f in findings(review("本月新增低保对象：张秀英 李国强 马桂兰"), "person_name")]
    assert got == ["张秀英", "李国强", "马桂兰"]


@pytest.mark.parametrize("body", [
    "局长王建国介绍了全县传染病防治情况。",               # official in role (an official's own illness is
                                                        # private: test_an_officials_own_private_statement…)
    "张三丰农业专业合作社因患病牲畜处置不当被通报。",        # a company, not a person
    "尚不够刑事处罚的，依法给予行政处分。",                  # a word, not a name
    "加强对常见病、传染病的防治。",                          # policy language
    "王建国同志因工作调动，不再担任局长职务。",              # 同志 and no private statement of theirs
])
def test_not_a_private_person(body):
    assert not findings(review(body), "person_name")


def test_honour_notice_names_are_not_private():
    body = "经评选，拟表彰以下同志：\n1. 王建华（某某街道）\n2. 李秀兰（某某镇）"
    assert not findings(review(body, "关于拟表彰优秀社区工作者的公示"), "person_name")


def test_reason_says_which_context():
    result = review("社区矫正对象刘明、陈大海到司法所报到。")
    f = findings(result, "person_name")
    assert [x.text for x in f] == ["刘明", "陈大海"]
    # the role is itself a record (reported as one): each name's reason names the role or the record beside it
    assert [x.text for x in findings(result, "criminal_record")] == ["社区矫正对象"]
    assert all("社区矫正对象" in x.reason or "违法犯罪记录" in x.reason for x in f)
    assert "社区矫正对象" in findings(review("社区矫正对象陈大海到司法所报到，其母陪同。"), "criminal_record")[0].text


# ---- the name model ---------------------------------------------------------------------------------
def test_tagger_is_asked_only_about_windows_where_a_name_matters():
    prose = "为进一步做好城乡环境整治工作，区政府召开专题会议，研究部署下一阶段重点任务。" * 20
    private = "古丽娜尔因病长期住院治疗，家庭生活困难。"
    body = prose + private + prose
    tagger = FakeTagger(["古丽娜尔"])
    result = RiskReviewer(name_tagger=tagger).review("", body)
    assert tagger.calls, "the tagger was not called"
    windows = [w for text, ws in tagger.calls if text == body for w in ws]
    start = body.index(private)
    assert any(a <= start and start + 4 <= b for a, b in windows)
    assert sum(b - a for a, b in windows) < len(body) / 4  # never the whole document
    got = findings(result, "person_name")
    assert [f.text for f in got] == ["古丽娜尔"] and "健康信息" in got[0].reason
    # without the model the rules cannot read this name (no surname): the model adds it
    assert not findings(RiskReviewer().review("", body), "person_name")


def test_in_a_sentence_about_a_person_the_model_reads_a_subject_further_back():
    # "…四级主任科员葛文涛本人提出辞去公职申请，称其患中度抑郁症": the subject stands well before the statement; the
    # sentence is about a person (本人), so the model is asked about the whole stretch before it
    body = "根据有关规定，区财政局四级主任科员葛文涛本人提出辞去公职申请，称其患中度抑郁症，难以继续胜任岗位工作。"
    got = findings(RiskReviewer(name_tagger=FakeTagger(["葛文涛"])).review("", body), "person_name")
    assert [f.text for f in got] == ["葛文涛"] and "健康信息" in got[0].reason
    # policy language, no person: only the few characters before the statement are asked about
    prose = "各地要按照省委省政府统一部署扎实做好民生保障各项工作并切实加强对因病致贫家庭的帮扶。"
    tagger = FakeTagger(["民生保障"])
    RiskReviewer(name_tagger=tagger).review("", prose)
    asked = [w for _, ws in tagger.calls for w in ws]
    assert asked and all(a >= prose.index("因病") - 12 for a, _ in asked)


def test_a_roles_window_stops_at_another_persons_label():
    # "儿童福利股　报送人：黄某": the name is the 报送人's, not a child's the word 儿童 would label
    body = "合计\t2849\t664\n填报单位：某市民政局儿童福利股　报送人：曾敏　电话：0730-3728104"
    result = RiskReviewer(name_tagger=FakeTagger(["曾敏"])).review("农村留守儿童和困境儿童基本情况统计表", body)
    assert not [f for f in result.findings if f.type in ("person_name", "minor")], [f.text for f in result.findings]


def test_an_official_after_their_title_and_street_office_is_in_role(analyzer):
    # the shipped name model reads the official's name in a list-topic report; the street office between the title
    # and the name is the official's department
    body = ("今年以来，我街道对辖区社区戒毒社区康复人员开展帮扶。典型帮扶案例如下：\n"
            "谷某峰，2022年因吸食毒品被责令接受社区戒毒三年，目前已稳定就业；\n"
            "白某燕，曾因贩卖毒品罪被判处有期徒刑三年，现处于社区康复期。\n帮扶专干：南关区民康街道 周立平\n"
            "长春市南关区民康街道办事处\n2024年7月3日")
    result = analyzer.analyze({"title": "关于社区戒毒社区康复人员帮扶情况的汇报", "body": body})
    assert not [f for f in result["findings"] if f["type"] == "person_name" and f["text"].startswith("周立")]


def test_whom_an_official_acts_on_is_no_official():
    body = "经调查，楼下住户反映噪声问题属实。社区网格员已与蒋国栋沟通，蒋国栋因患抑郁症长期服药，夜间难以入睡。"
    got = findings(RiskReviewer(name_tagger=FakeTagger(["蒋国栋"])).review("邻里噪声纠纷调处情况", body), "person_name")
    assert [f.text for f in got][:1] == ["蒋国栋"] and got[0].start == body.index("蒋国栋")


def test_tagger_spans_go_through_the_same_decision():
    body = "副县长买买提江主持会议。居民买买提江因病住院。"
    tagger = FakeTagger(["买买提江"])
    got = findings(RiskReviewer(name_tagger=tagger).review("", body), "person_name")
    # the official in role stays; the resident with a health statement is private — and since it is
    # the same name, its other occurrence is reported too except where the title of office stands
    assert [f.start for f in got] == [body.index("买买提江", 10)]


def test_tagger_is_not_called_on_a_draft_with_nothing_private():
    tagger = FakeTagger(["张三"])
    RiskReviewer(name_tagger=tagger).review("通知", "请各单位于8月31日前报送材料。")
    assert tagger.calls == []


def test_low_scores_are_not_names():
    body = "努尔兰别克因病长期住院治疗。"
    assert findings(RiskReviewer(name_tagger=FakeTagger(["努尔兰别克"])).review("", body), "person_name")
    assert not findings(RiskReviewer(name_tagger=FakeTagger(["努尔兰别克"], score=0.2)).review("", body), "person_name")


@pytest.mark.parametrize("body, name", [("申请人王　芳，患有糖尿病。", "王　芳"), ("患者李 强因病住院。", "李 强")])
def test_name_padded_with_a_space_after_a_role(body, name):
    result = review(body)
    assert [f.text for f in findings(result, "person_name")] == [name]
    assert name not in result.redacted["body"] and name[0] + "*" in result.redacted["body"]


def test_model_names_at_the_head_of_a_private_list_item_are_list_items():
    # (names whose characters are not all of the transliteration syllabary: the rules leave them to the model)
    body = "本月新增低保对象：\n1. 茹仙古丽（城关镇）\n2. 祖丽菲亚（城关镇）"
    tagger = FakeTagger(["茹仙古丽", "祖丽菲亚"])
    result = RiskReviewer(name_tagger=tagger).review("关于最低生活保障新增对象的公示", body)
    got = findings(result, "person_name")
    assert [f.text for f in got] == ["茹仙古丽", "祖丽菲亚"]
    assert all("名单" in f.reason or "低保对象" in f.reason for f in got)
    # the model was asked about a few characters after the role and at the heads of the items only
    windows = [w for text, ws in tagger.calls if text == body for w in ws]
    assert windows and sum(b - a for a, b in windows) <= 3 * 10


def test_model_name_after_a_sensitive_role_takes_the_role():
    body = "患者塔拉到县医院复诊。"  # a Mongolian name without a surname: only the model reads it
    got = findings(RiskReviewer(name_tagger=FakeTagger(["塔拉"])).review("", body), "person_name")
    assert [f.text for f in got] == ["塔拉"] and "患者" in got[0].reason


def test_a_sure_model_name_whose_given_part_is_also_a_word():
    # "大明" is a common word; the model is sure of the whole name, which opens with a surname
    body = "经核查，谷大明本人患有精神分裂症，长期服药。"
    got = findings(RiskReviewer(name_tagger=FakeTagger(["谷大明"], score=0.99)).review("", body), "person_name")
    assert [f.text for f in got] == ["谷大明"] and "健康信息" in got[0].reason
    # a less sure reading of the same characters stays a word
    assert not findings(RiskReviewer(name_tagger=FakeTagger(["谷大明"], score=0.85)).review("", body), "person_name")


@pytest.mark.parametrize("body, span", [
    ("来电人：陶女士反映其母亲患有糖尿病，生活困难。", "陶女士"),  # a surname and a form of address
    ("患者名单已推送至信息公布与查询平台，供核对。", "查询平"),  # the span ends inside 平台
])
def test_model_spans_that_are_no_names(body, span):
    got = findings(RiskReviewer(name_tagger=FakeTagger([span], score=0.99)).review("", body), "person_name")
    assert span not in [f.text for f in got]


# ---- parties of an inspection record, a non-prosecution decision, a court's judgment debtor -------
@pytest.mark.parametrize("body, name", [
    ("现场检查笔录\n当事人：某县某餐饮有限公司，现场负责人孔繁星（店长）\n检查情况：后厨未设防蝇设施。", "孔繁星"),
    ("现场检查笔录\n被检查单位负责人：邝德宽\n检查情况：仓库消防通道堆放杂物。", "邝德宽"),
    ("勘验笔录\n勘验情况：门锁有撬压痕迹，提取指纹两枚。\n见证人：甘立平（物业保安）", "甘立平"),
    ("不起诉决定书\n被不起诉人聂远航，男，2001年3月出生。本院决定对聂远航不起诉。", "聂远航"),
    ("另查明，被执行人牟志成患有尿毒症，长期透析，无履行能力。", "牟志成"),
])
def test_parties_of_case_files_are_private(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


@pytest.mark.parametrize("body", [
    "经一审判决，被执行人应偿还借款本金30万元及利息。",  # 应偿还 is a verb phrase, not the name 应偿
    "本院在执行申请人某农资公司与被执行人扎某、次仁卓*买卖合同纠纷一案中，依法查封其车辆。",  # masked
    "被执行人：宗建栋，男，1976年5月21日出生。现向社会征集其财产线索。",  # a court names its judgment debtor
])
def test_no_private_name_in_court_enforcement_wording(body):
    assert not findings(review(body), "person_name")


@pytest.mark.parametrize("role", ["审判员", "书记员", "调解员", "帮扶责任人", "执行法官"])
def test_court_and_mediation_officers_in_role_are_not_private(role):
    # the same name elsewhere is a private person's; after the officer's title it is the officer's
    body = f"经查，被告人祁永胜因肺癌晚期已保外就医。\n{role}：祁永胜"
    got = [f.start for f in findings(review(body), "person_name")]
    assert got == [body.index("祁永胜")]


@pytest.mark.parametrize("title, private", [
    ("关于龚秀琳同志申请临时救助的审批意见", True),
    ("关于邵立群信访事项的复查意见", True),
    ("关于钱明远同志任职的通知", False),  # an appointment: the official is named as the law requires
])
def test_a_title_about_a_persons_own_matter_names_a_private_person(title, private):
    name = title[2:5]
    got = [f.text for f in findings(review("经研究，意见如下。", title), "person_name")]
    assert (name in got) is private


@pytest.mark.parametrize("body, span, score", [
    ("1. 王某某｜因艾滋病机会性感染住院｜救助9,800元", "艾滋", 0.99),  # the start of a condition
    ("附：寄宿生名单\n1. 盛乐中学｜高某某｜初二", "盛乐", 0.99),  # a school's name
    ("1. 根据武卫健〔2024〕22号文，给予临时救助", "武卫健", 0.99),  # a document number
    ("1. 大坪，周某某，临时救助3000元", "大坪", 0.87),  # two characters with no surname, not sure
    ("散居孤儿由祖母抚养，基本生活费按月足额发放。", "费按月", 0.95),  # a clause ends after the role
])
def test_model_spans_in_private_lists_that_are_no_names(body, span, score):
    tagger = FakeTagger([span], score=score)
    got = findings(RiskReviewer(name_tagger=tagger).review("临时救助对象名单公示", body), "person_name")
    assert span not in [f.text for f in got]


def test_a_street_column_heads_the_rows_of_a_private_list():
    body = ("现将新增残疾人两项补贴对象公示如下：\n  街道        姓名      联系电话\n"
            "  曾家岩     张*华    由社区代为联系\n  石门坎     何*      由社区代为联系")
    assert not findings(review(body, "残疾人两项补贴新增对象公示"), "person_name")


@pytest.mark.parametrize("body, name", [
    ("某公司拖欠工资一案，职工代表孟庆生、关淑兰参加了协商。", "孟庆生"),  # a labour dispute's parties (in its sentence)
    ("事故造成1人死亡。死者付长海，54岁，系某劳务公司工人。", "付长海"),    # the dead of an accident
    ("您来信反映，您的邻居鲁长青在楼道内堆放杂物。", "鲁长青"),             # a neighbour named in a complaint
])
def test_more_roles_of_private_persons(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


def test_before_a_statement_among_words_only_a_sure_model_name_counts():
    # the words before the statement could be policy language: the model is asked, but must be sure
    body = "经社区民警核查，实际使用人为钱国栋，系刑满释放人员，已纳入安置帮教。"
    sure = findings(RiskReviewer(name_tagger=FakeTagger(["钱国栋"], score=0.99)).review("", body), "person_name")
    unsure = findings(RiskReviewer(name_tagger=FakeTagger(["钱国栋"], score=0.9)).review("", body), "person_name")
    assert [f.text for f in sure] == ["钱国栋"] and "违法犯罪记录" in sure[0].reason
    assert not unsure


def test_a_report_that_mentions_wage_arrears_somewhere_names_no_party_elsewhere():
    body = ("根治欠薪工作取得新进展。\n加快构建房地产发展新模式，适应人民群众高品质居住需要；"
            "对困难群众中的残疾人做好兜底保障。")
    assert not findings(review(body), "person_name")


# ---- a name beside its holder's identifier -----------------------------------------------------------
def _pay_list(rows: str) -> str:
    return "经查，某劳务公司拖欠农民工工资共计38.6万元，现已督促支付完毕。领取人员明细：\n" + rows


def test_a_name_beside_its_id_in_a_private_matter_is_private():
    first, second = make_id("610113", "19760405", "219"), make_id("610526", "19831130", "057")
    body = _pay_list(f"· 马振华 {first} 24,300元\n· 杨小军 {second} 19,800元")
    got = findings(review(body, "关于一起欠薪案件的处理情况"), "person_name")
    assert [f.text for f in got] == ["马振华", "杨小军"]
    assert all("与本人身份证号码同列" in f.reason for f in got)


def test_a_party_named_before_a_passport_in_a_penalty():
    body = "行政处罚决定书\n当事人：孙立新；护照号码：E86302174。\n经查，当事人在某小区楼顶违法搭建。依法决定罚款。"
    got = findings(review(body), "person_name")
    assert [f.text for f in got] == ["孙立新"]


@pytest.mark.parametrize("title, body", [
    # recruits, licensees, honorees: their ID numbers are private, their names are published
    ("2024年中小学教师资格认定合格人员名单公示", "序号  姓名  公民身份号码\n1  杨雪梅  {id}  初级中学"),
    ("关于拟表彰优秀志愿者的公示", "1. 王建华，身份证号{id}，某某街道"),
    # nothing private in the document: an ID beside a name says nothing about the person
    ("关于开展文明城市创建工作的通知", "联系人：王明，身份证号{id}。"),
])
def test_an_id_beside_a_published_name_leaves_the_name(title, body):
    result = review(body.format(id=make_id()), title)
    assert findings(result, "id_card") and not findings(result, "person_name")


def test_a_masked_minority_name_stays_masked():
    # "阿某某·买某某" is already de-identified: neither a mention to report nor one to hold an ID
    body = "以下被征收户请于10日内领取补偿款（临时救助一并发放）：\n1. 阿某某·买某某 {id} 86,420.00元".format(id=make_id("652801"))
    assert not findings(review(body, "关于领取征收补偿款的通知"), "person_name")


@pytest.mark.parametrize("title, body, name", [
    ("关于对刘建国申请临时救助的审批意见", "你乡上报的刘建国（三合村人）临时救助申请材料收悉。", "刘建国"),
    ("", "你乡上报的刘建国因突发脑溢血住院治疗，家庭生活困难。", "刘建国"),    # after 的
    ("", "特殊群体登记：5号楼邹德贵，糖尿病足，行动不便。", "邹德贵"),          # after a building
])
def test_names_read_after_de_a_building_or_guanyu_dui(title, body, name):
    assert name in [f.text for f in findings(review(body, title), "person_name")]


@pytest.mark.parametrize("body, name", [
    ("举报人欧阳慧敏要求对其身份保密。", "欧阳慧敏"),                                     # a compound surname run on
    ("2024年3月11日，消费者廖春燕通过12315平台投诉举报，称饼干已过保质期。", "廖春燕"),  # a role opens the clause
])
def test_whistleblowers_read_in_more_shapes(body, name):
    assert [f.text for f in findings(review(body), "whistleblower")] == [name]


def test_a_smear_result_is_no_name():
    body = "经筛查，同班学生韩子健确诊为肺结核（涂阴），另一名学生确诊为继发性肺结核（涂阳）。"
    assert "涂阴" not in [f.text for f in findings(review(body), "person_name")]
    assert "涂阳" not in [f.text for f in findings(review(body), "person_name")]


@pytest.mark.parametrize("body, span", [
    ("余小敏，单亲母亲，女儿6岁，无固定收入。", "女儿6岁"),
    ("户主患慢性阻塞性肺病，丧失劳动能力；长子在读小学三年级。", "长子在读小学三年级"),
    ("其妻患尿毒症需每周透析三次，儿子在读初中。", "儿子在读初中"),
    ("投诉人称其正在读初三的女儿无法休息。", "正在读初三的女儿"),
    ("申请人年仅6岁的孙子受到影响。", "年仅6岁的孙子"),
])
def test_a_familys_unnamed_child_stated_a_minor(body, span):
    assert [f.text for f in findings(review(body), "minor")] == [span]


@pytest.mark.parametrize("body", ["子女6岁以下的家庭可申请补贴。", "子女在读小学的，可申请补贴。", "年满18岁的子女不再发放。"])
def test_a_rule_about_children_states_no_ones_age(body):
    assert not findings(review(body), "minor")


@pytest.mark.parametrize("body", [
    "在生态保护方面，全面落实河长制、林长制，镇村两级河长巡河1200余次。",     # a policy, not 林某
    "现将聘用人员公示如下：\n（一）保洁员：由社区推荐产生。",                  # a post, not 保某
    "王建军代表：\n您提出的关于加强农村道路建设的建议收悉，现答复如下。",      # a deputy answered in role
])
def test_words_for_policies_posts_and_deputies_are_no_private_names(body):
    assert not findings(review(body), "person_name")


@pytest.mark.parametrize("body, name", [
    ("走访中了解到，年仅九岁的胡小军父母离异，随奶奶生活。", "胡小军"),                          # an age in words
    ("社区走访发现，两岁的王小宝，长期无人照料。", "王小宝"),
    ("本院受理的附带民事诉讼原告人宋佳怡（系未成年人，案发时12周岁）的法定代理人提出申请。", "宋佳怡"),  # closing the
    ("根据贵院委托，区司法局对周俊宇（案发时15周岁）开展社会调查。", "周俊宇"),                    # bracket after the name
])
def test_a_child_named_with_an_age_in_words_or_in_the_bracket_after_the_name(body, name):
    result = review(body)
    assert name in [f.text for f in findings(result, "person_name")] and findings(result, "minor")


def test_an_age_in_a_bracket_after_a_place_is_no_ones():
    assert not findings(review("某镇（人口约3万，60岁以上老人占20%）开展活动。"), "minor")


def test_every_name_listed_after_an_officials_word_is_an_official():
    body = "以下社区矫正对象名单公示：\n1. 张某某\n司法所工作人员：孙洁、冯国强\n兰州市城关区司法局"
    got = [f.text for f in findings(review(body, "社区矫正对象名单"), "person_name")]
    assert "孙洁" not in got and "冯国强" not in got


def test_a_header_cells_official_word_does_not_reach_the_first_rows_name():
    body = ("序号\t儿童姓名\t年龄\t就读学校\t结对帮扶干部\n1\t杨思雨\t9岁\t龙塘镇中心小学\t王晓燕\n"
            "2\t周子豪\t12岁\t龙塘镇中学\t黎明")
    got = [f.text for f in findings(review(body, "农村留守儿童关爱帮扶对象名单"), "person_name")]
    assert "杨思雨" in got and "周子豪" in got


def test_a_courtesy_word_between_a_name_and_its_private_bracket():
    body = "在区人民医院，看望了于洪波同志（因尿毒症每周透析三次），为其送去慰问金。"
    result = review(body)
    assert [f.text for f in findings(result, "person_name")] == ["于洪波"] and findings(result, "health")


@pytest.mark.parametrize("body, name", [
    ("经调查，彭俊锋于2024年5月实名举报某民营医院挂床住院。", "彭俊锋"),
    ("案件来源：龚晓敏于2024年9月12日通过12315平台举报。", "龚晓敏"),
    ("近期，群众彭晓辉（实名举报）反映某小区顶层住户违规搭建。", "彭晓辉"),
    ("曾志强（该公司前驾驶员）向我局举报该公司超时用工。", "曾志强"),
])
def test_a_reporter_named_before_when_and_how_the_report_was_made(body, name):
    f = [x for x in findings(review(body), "whistleblower") if x.text == name]
    assert f, [(x.type, x.text) for x in review(body).findings]


@pytest.mark.parametrize("body, names", [
    ("经查，某公司涉嫌非法吸收公众资金。举报人为该公司投资人骆建华、汤美芹。", ["骆建华", "汤美芹"]),
    ("经查，食堂供应商以次充好。举报人系该校教职工钟文萱，其提交了采购单据复印件。", ["钟文萱"]),
    ("反映物业违规收取运费等问题。举报人为该小区业主邝伟民，联系电话13926158801。", ["邝伟民"]),
    ("经查，举报人为晋源区姚村镇北大寺村村民祁玉山。举报反映，该村违规发包土地。", ["祁玉山"]),  # a place opens it
    ("市医保局接到实名举报，举报人为该诊所原工作人员邝晓雯，反映该诊所虚记理疗项目。", ["邝晓雯"]),  # staff, yet the reporter
])
def test_a_reporter_named_after_who_they_are(body, names):
    assert [f.text for f in findings(review(body), "whistleblower")] == names


@pytest.mark.parametrize("body", ["举报人为实名举报，已答复。", "举报人为本公司员工，已对其信息保密。"])
def test_a_reporters_description_without_a_name_names_nobody(body):
    assert not findings(review(body), "whistleblower") and not findings(review(body), "person_name")


@pytest.mark.parametrize("title, body, names", [
    ("税收违法行为检举奖金领取通知", "检举人：宫晓雯（身份证号码：350203198701151968）", ["宫晓雯"]),
    ("", "检举人芮晓峰于2024年3月向我局检举某公司虚开发票。", ["芮晓峰"]),
    ("", "2024年5月，群众郜建平实名检举某公司偷逃税款。", ["郜建平"]),
    ("安全生产举报奖励审批表", "举报人姓名｜冉光宗\n身份证号｜500103197906146693\n举报事项｜某公司违规储存危化品",
     ["冉光宗"]),                                                             # a row's label, the value's cell after it
    ("", "序号｜检举人｜检举事项｜奖励金额\n1｜芮光荣｜偷排废水｜2000元\n2｜谢美琪｜夜间直排｜1500元", ["芮光荣", "谢美琪"]),
])
def test_a_reporter_by_another_word_or_in_a_tables_row_or_column(title, body, names):
    assert [f.text for f in findings(review(body, title), "whistleblower")] == names


def test_a_role_inside_a_tables_row_labels_no_value_in_the_next_cell():
    # "特困人员 | 阿尔茨海默病": the next cell is another column (a disease), not the role's name
    body = ("| 姓名 | 性别 | 年龄 | 类别 | 情况 |\n| 李桂英 | 女 | 82 | 集中供养特困人员 | 阿尔茨海默病，生活不能自理 |")
    assert not any(f.text.startswith("阿尔") for f in review(body).findings if f.type == "person_name")

def test_a_list_of_a_benefit_paid_to_persons_names_private_recipients():
    title = "鼓楼区2024年第三季度新增高龄津贴发放对象公示"
    body = ("经街道审核，以下老人符合高龄津贴发放条件，现予公示：\n序号｜姓名｜年龄｜所在街道\n1｜陶秀英｜93｜宁海路街道\n"
            "2｜钱福生｜91｜华侨路街道\n公示期7天，电话025-83235612。")
    names = {f.text for f in findings(review(body, title), "person_name")}
    assert {"陶秀英", "钱福生"} <= names
    assert not any(f.text in ("姓名", "年龄") for f in findings(review(body, title), "person_name"))


def test_a_notice_that_stops_a_benefit_names_its_recipients():
    title = "某区关于停发部分人员高龄津贴的公告"
    body = ("经数据比对，以下人员不再符合高龄津贴发放条件，自2024年7月起停发：\n1. 赵玉川（新阳路街道），已于2024年5月去世；\n"
            "2. 钱桂芝（安静街道），户籍已迁出本区。")
    assert [f.text for f in findings(review(body, title), "person_name")] == ["赵玉川", "钱桂芝"]


def test_a_list_whose_intro_names_no_topic_word_is_read_from_the_title():
    title = "渭源县2024年退耕还林补助资金兑付名单"
    body = "会川镇补助资金兑付名单如下：\n1. 赵永红，本庄村，退耕面积4.2亩，补助金额1260元\n2. 马宗礼，卓坪村，补助金额1050元，享受农村低保"
    names = {f.text for f in findings(review(body, title), "person_name")}
    assert {"赵永红", "马宗礼"} <= names


@pytest.mark.parametrize("title", ["某县2024年第二批惠农资金一卡通发放清册", "某镇2024年度遗属抚恤金发放汇总表",
                                   "某街道2024年冬季困难群众救济款发放登记表",
                                   "某区2024年度企业职工遗属生活困难补助人员名单公示"])  # 企业 says whose workers
def test_more_benefits_paid_to_persons_and_their_registers(title):
    body = "现将发放情况公示如下：\n姓名｜所在村｜金额（元）\n柏永成｜东湾村｜1,260\n滕秀芝｜西岭村｜980"
    assert {"柏永成", "滕秀芝"} <= {f.text for f in findings(review(body, title), "person_name")}


@pytest.mark.parametrize("title", ["伍家岗区2024年10月政府采购评审专家劳务补贴发放明细",
                                   "荆州市退役军人金牌讲师授课补贴发放名单",
                                   "关于拨付2024年度民办养老机构运营补贴资金的通知"])
def test_fees_for_work_and_money_for_bodies_are_no_private_benefit(title):
    body = "现将发放情况公示如下：\n姓名｜金额（元）\n秦文斌｜800\n严慧敏｜700"
    assert not findings(review(body, title), "person_name")


@pytest.mark.parametrize("title", ["某镇2024年耕地地力保护资金发放情况", "某乡2024年度惠农直补资金花名册"])
def test_a_table_that_pays_each_row_a_benefit_lists_recipients_whatever_the_title(title):
    body = ("现将发放情况公示如下：\n户主姓名｜所在村组｜面积（亩）｜补贴金额（元）\n柏永成｜东湾村三组｜6.2｜596.44\n"
            "滕秀芝｜西岭村一组｜4.8｜461.76")
    found = findings(review(body, title), "person_name")
    assert {f.text for f in found} == {"柏永成", "滕秀芝"}
    assert all("名单" in f.reason for f in found)


@pytest.mark.parametrize("title, body", [
    ("2024年度民兵集训发放表", "分队｜姓名｜集训天数｜误工补贴（元）\n一排｜柏永成｜15｜2,250\n二排｜滕秀芝｜15｜2,250"),
    ("某区2024年金牌讲师名单", "姓名｜授课方向｜补贴金额（元）\n柏永成｜红色教育｜800\n滕秀芝｜应急救护｜700"),
    ("关于2024年第三季度新引进人才租房拟发放名单的公示", "姓名｜工作单位｜补贴金额（元）\n柏永成｜某科技有限公司｜9000\n滕秀芝｜某实验室｜15000"),
    ("某区2024年一次性吸纳就业资金拨付公示",
     "单位名称｜法定代表人｜吸纳人数｜补贴金额（元）\n某某物流有限公司｜柏永成｜6｜9,000\n某某食品加工有限公司｜滕秀芝｜4｜6,000"),
])
def test_a_table_that_pays_for_work_or_under_a_title_that_says_so_lists_no_recipients(title, body):
    assert not findings(review(body, title), "person_name")


def test_a_name_column_cell_reads_a_whole_name_that_is_also_a_word():
    # "黄金妹" opens with the word 黄金; the column says the cell holds a name, also when the list is private
    body = "姓名\t乡镇\t残疾类别等级\t补贴标准（元）\n黄金妹\t新州镇\t视力残疾一级\t90\n杨正武\t桠杈镇\t肢体残疾二级\t90"
    for title in ("隆林县2024年困难残疾人生活补贴发放名单", "隆林县2024年第三季度发放名单"):
        assert {"黄金妹", "杨正武"} <= {f.text for f in findings(review(body, title), "person_name")}


def test_a_vessel_number_before_an_owners_card_is_no_name():
    title = "铁山港区2023年度渔业发展补助资金发放公示"
    body = ("| 船名号 | 船东 | 补助金额(元) | 收款账号 |\n"
            "| 桂北渔62158 | 黄*强 | 14,860 | 6217996638998007451 |")
    assert not any("桂北渔" in f.text for f in findings(review(body, title), "person_name"))


def test_a_role_word_heading_a_private_item_is_no_name_and_an_investigator_is_an_official():
    title = "12345热线诉求答复：咨询低保待遇调整"
    body = "来电人：吴翠兰　　联系电话：18585017163\n来电内容：来电人称其家庭享受城市最低生活保障。"
    names = {f.text for f in findings(review(body, title), "person_name")}
    assert "吴翠兰" in names and "来电人" not in names
    record = "调查笔录\n调查人：张卫东（执法证号42100123）\n被调查人：李桂香，女，住沙市区崇文街道。"
    names = {f.text for f in findings(review(record, "关于冒领低保金案的调查笔录"), "person_name")}
    assert "李桂香" in names and "张卫东" not in names


def test_a_household_named_by_its_head_in_a_private_list():
    body = ("以下家庭不再符合农村低保条件，现予公示：\n1. 程宝林户（3人）：家庭成员务工收入增加，停发低保金。\n"
            "2. 汪翠兰户（1人）：本人死亡，停发低保金。")
    names = {f.text for f in findings(review(body, "三河尖镇2024年第二季度农村低保退出对象公示"), "person_name")}
    assert {"程宝林", "汪翠兰"} <= names


@pytest.mark.parametrize("body, name", [
    ("网民孙磊萱多次在留言板反映，其母患尿毒症长期透析，家庭生活困难。", "孙磊萱"),
    ("从业人员韦秀梅健康证明已过期，经复检诊断患活动性肺结核，已调离接触直接入口食品岗位。", "韦秀梅"),
])
def test_people_named_by_what_they_do_in_a_private_statement(body, name):
    assert any(f.text == name for f in findings(review(body), "person_name"))


def test_a_body_after_the_counterpart_of_a_role_is_no_name():
    body = "申请人：阿不都热依木·买买提，男，1958年出生。\n被申请人：乌鲁木齐市天山区民政局\n申请人系低保对象。"
    assert not any(f.text.startswith("乌鲁木") for f in findings(review(body), "person_name"))


def test_two_words_cut_apart_are_no_name_and_a_notary_is_an_official():
    body = "你提交的政府信息公开申请收悉（申请人身份证件：大韩民国护照，号码M72065561）。经查，你患有糖尿病。"
    assert not any("护照" in f.text for f in findings(review(body), "person_name"))
    body = "被投诉人：上海市某公证处，公证员陆思远。投诉人反映，其母顾秀芬患阿尔茨海默病，办理公证时已无行为能力。"
    names = {f.text for f in findings(review(body), "person_name")}
    assert "陆思远" not in names and "顾秀芬" in names


def test_in_laws_and_former_spouses_are_kin():
    body = "2009年起，婆婆李桂兰患阿尔茨海默病卧床，张秀梅每日照料。"
    assert any(f.text == "李桂兰" for f in findings(review(body), "person_name"))


@pytest.mark.parametrize("header, row, name", [
    ("序号  受害人    事故类型    伤情                    垫付金额（元）", "1     孔祥和    肇事逃逸    多发肋骨骨折、失血性休克    48,620.00",
     "孔祥和"),
    ("序号｜经营者｜残疾类别及等级｜减免项目", "1｜孟建新｜视力残疾一级｜刻章费", "孟建新"),
])
def test_a_column_of_victims_or_shopkeepers_names_persons(header, row, name):
    assert [f.text for f in findings(review(f"{header}\n{row}"), "person_name")] == [name]


@pytest.mark.parametrize("body, name", [
    ("2025年2月14日，在某镇村道旁发现一名被遗弃女婴，现已由市儿童福利院收留抚养，取名国安平。", "国安平"),
    ("该女婴取名为福春明，估计出生日期2024年7月中旬，被捡拾时身穿粉色连体衣。", "福春明"),
    ("民警将一名走失男童护送至我站。该男童自述名叫杨天明，约7岁，说话带安徽口音。", "杨天明"),
])
def test_the_name_given_to_a_foundling_or_told_by_a_rescued_person(body, name):
    assert name in [f.text for f in findings(review(body, "寻亲公告"), "person_name")]


def test_a_name_column_spaced_out_in_the_header():
    body = ("姓    名    性别    出生年月      月补贴（元）    村（居）委会\n"
            "符英华    女      1944.11      100            沙坡村\n"
            "王秀芝    女      1924.12      1000           城西居")
    names = [f.text for f in findings(review(body, "城西镇2024年第四季度新增高龄长寿老人生活补贴名单"), "person_name")]
    assert names == ["符英华", "王秀芝"]


def test_a_minority_name_and_a_tenants_column():
    body = ("承租人　　　小区及房号　　　　　减免类型\n白文生　　　　如意和园8-2-301　　城市低保家庭\n"
            "乌云其木格　　如意和园11-1-502　 城市低保家庭、重度残疾")
    names = {f.text for f in findings(review(body, "新城区2025年上半年公共租赁住房租金减免名单"), "person_name")}
    assert {"白文生", "乌云其木格"} <= names


@pytest.mark.parametrize("body, name", [
    ("其长子在外务工，三子卞建功在县城经商，均未尽赡养义务。", "卞建功"),
    ("经党委研究，对杭正光同志之子杭天佑（年仅8岁）予以慰问。", "杭天佑"),
    ("当事人在为就诊者庞建国进行术前检查时，发现其乙肝表面抗原阳性。", "庞建国"),
    # a resident and a buyers' representative in a dispute
    ("邻里纠纷调处情况：因楼上住户阮志勇家水管老化长期渗漏，调解委员会组织双方调解。", "阮志勇"),
    ("关于逾期交房纠纷的信访事项：会议听取了购房户代表祁美玲反映的情况。", "祁美玲"),
])
def test_more_kin_and_private_roles(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


@pytest.mark.parametrize("body", [
    "广大患者朋友：\n春节期间由以下专家坐诊：\n心血管内科：闵国平 主任医师（1月29日）\n儿科：訾晓燕 副主任医师（1月30日）",
    "基本合格：某某区爱心天使幼儿园（责令整改：消防通道堵塞）\n园长：童乐幼儿园闵晓红",
])
def test_officials_named_with_a_spaced_title_or_their_school_between(body):
    assert not findings(review(body), "person_name")


@pytest.mark.parametrize("text, kept", [
    ("该校初二学生杨某某、李某（均为14岁）因琐事打架。", []),
    ("将嫌疑人吴某某（男，15岁，系某中学学生）抓获。", ["15岁"]),  # read by its age: the age is the finding
    ("执法人员发现该会所接纳未成年人孙某某上网。", []),
    ("关于给予学生沙某某警告处分的决定", []),
])
def test_a_masked_childs_placeholder_is_never_the_finding(text, kept):
    minors = findings(review(text), "minor")
    assert not any("某" in f.text and "岁" not in f.text and "出生" not in f.text for f in minors)
    assert all(any(k in f.text for f in minors) for k in kept)


@pytest.mark.parametrize("text, name", [
    ("您孩子王某拟于2025年秋季入读某小学，年仅6岁。", "王某"),
    ("初三（4）班学生汪某确诊肺结核，年仅15岁。", "汪某"),
    ("学生王某明（14岁）在校受伤。", "王某明"),  # one given character left visible after one mask
])
def test_a_masked_name_ends_where_a_word_begins(text, name):
    from classifier.risk.names import NameReader
    from classifier.risk.lexicon import load_lexicon

    reader = NameReader.from_lexicon(load_lexicon())
    k = text.index(name)
    assert text[k:reader.read(text, k, allow_masked=True)[0]] == name


@pytest.mark.parametrize("text, name", [
    ("3. 赵春和（肢体二级残疾），扶持金额5000元。", "赵春和"),  # 和 ends the name where punctuation closes it
    ("王明和李四因患病住院。", "王明"),                          # 和 joins two names
])
def test_a_name_may_end_in_he_where_punctuation_closes_it(text, name):
    from classifier.risk.names import NameReader
    from classifier.risk.lexicon import load_lexicon

    reader = NameReader.from_lexicon(load_lexicon())
    k = text.index(name)
    assert text[k:reader.read(text, k, allow_masked=False)[0]] == name


@pytest.mark.parametrize("body", [
    "评审发现：产科值班医师李峰未能及时识别凝血功能障碍，输血启动延迟。",  # a doctor in role
    "特派员柴宏亮（区农技中心）帮扶香泉镇中川村纳入低保的种植户，亩产提高。",  # a commissioner in role
    "监督员刘秀兰（社区医生）对社区康复人员定期检测提出改进意见4条。",
])
def test_people_at_work_are_not_private(body):
    assert not findings(review(body), "person_name")


def test_an_appointment_notice_names_its_appointees():
    body = "决定聘任以下2名同志为安置帮教工作社会监督员：\n1. 郭振华，男，某科技公司职工\n2. 白晓燕，女，退休社区干部"
    assert not findings(review(body, "关于聘任安置帮教工作社会监督员的公告"), "person_name")


@pytest.mark.parametrize("title, body, names", [
    ("家事审判工作白皮书（节选）", "（二）关于离婚案件中重病一方的生活保障\n原告吴振东与被告郑秀芝结婚二十余年。", ["吴振东", "郑秀芝"]),
    ("出生医学证明补发公示", "2024年10月公示。新生儿性别：女；母亲姓名：黄秋莹；父亲姓名：韦海；原证遗失。", ["黄秋莹", "韦海"]),
    ("孕产妇死亡评审通报", "产妇孔维娜，28岁，孕39周入院待产。", ["孔维娜"]),
    ("人道救助金发放公示", "序号　户主　　乡镇　　　　救助金额（元）\n1　　　刘长根　小沙江镇　　5000\n2　　　罗翠英　虎形山乡　　5000",
     ["刘长根", "罗翠英"]),
    ("人体器官捐献困难家庭人道救助金发放情况公示", "捐献者（已故）｜受助家属｜与捐献者关系｜救助金额（元）\n段某某｜刘秀芳｜妻子｜20000",
     ["刘秀芳"]),
    ("计划生育家庭奖励扶助对象资格确认结果公示", "现将2024年新增对象公示如下：\n符离街道：于德福（1964年1月出生，只生育一个女孩）；"
     "望留街道：张玉芹（1964年5月出生，无子女）。", ["于德福", "张玉芹"]),
    ("包虫病防治工作进展", "其中：\n　　色须镇牧民泽仁多吉患肝包虫病已行手术治疗；", ["泽仁多吉"]),
    ("2023年度专利资助拟资助对象公示（个人部分）", "序号｜专利权人｜专利号｜资助金额\n1｜楼建伟｜ZL202310604218.7｜10000元",
     ["楼建伟"]),
    ("2024年农村妇女两癌筛查阳性病例随访名单", "编号  姓名    年龄  所属单位        初筛结果\n01   江秀珍   46   岑河镇卫生院      HPV16阳性",
     ["江秀珍"]),
])
def test_parties_relatives_patients_and_recipients(title, body, names):
    assert [f.text for f in findings(review(body, title), "person_name")] == names


@pytest.mark.parametrize("body, name", [
    ("申请人：Pavel Ignatov（俄罗斯籍，护照号码72 4810395），申请人曾因盗窃罪被判处有期徒刑二年。", "Pavel Ignatov"),
    ("被询问人：Oliver GRANT，男，英国籍。问：你是否办理了工作许可？答：没有。", "Oliver GRANT"),
    ("韩国籍游客PARK Min-jun（男，61岁）在景区突发脑溢血，经抢救无效死亡。", "PARK Min-jun"),
    ("Fatima Al-Sayed女士：\n你提交的申请收悉。你作为外籍商人，信仰伊斯兰教，申请设立临时礼拜场所。", "Fatima Al-Sayed"),
])
def test_a_name_written_in_latin_letters_is_read_where_a_chinese_one_would_be(body, name):
    assert name in [f.text for f in findings(review(body), "person_name")]


@pytest.mark.parametrize("body", [
    "申请人：Shenzhen Huaxin Trading Co Ltd（统一社会信用代码略）提交的申请收悉，经审查予以受理。",
    "申请人：Green Valley Foods，联系人王某某，因拖欠货款申请调解。",
    "来访人员：Dr. Martin HALE，国籍英国；随行人员 Anna KOVAC，国籍克罗地亚。",
])
def test_no_latin_name_in_a_company_name_or_without_a_private_matter(body):
    assert not findings(review(body), "person_name")


def test_the_parties_of_a_revoked_foreign_marriage_registration_are_private():
    body = ("决定撤销以下涉外结婚登记：\n当事人：林晓雯，女，公民身份号码" + make_id("330381", "19930117") +
            "\n当事人：TRAN Van Minh，男，越南籍，护照号码C7261094\n经查，男方持用的婚姻状况证明系伪造。")
    names = [f.text for f in findings(review(body), "person_name")]
    assert "林晓雯" in names and "TRAN Van Minh" in names


def test_a_latin_name_before_its_age_and_a_private_statement():
    body = "Tanaka Hiroshi（男，45岁）入院后确诊为肺癌晚期，现已转回日本治疗。"
    assert [f.text for f in findings(review(body), "person_name")] == ["Tanaka Hiroshi"]


def test_the_reporter_of_an_officials_misconduct_to_a_discipline_body_is_a_whistleblower():
    body = "经镇纪委调查，群众反映的村支书优亲厚友问题部分属实。\n反映人：石秋明（本村村民）。"
    assert [f.text for f in findings(review(body), "whistleblower")] == ["石秋明"]
    body = "欠薪线索转办单\n反映人：冉德发　　联系电话：18970297739\n反映内容：17名农民工工资未发放。"
    assert [f.text for f in findings(review(body), "person_name")] == ["冉德发"]


def test_a_migrant_worker_in_a_wage_arrears_case_is_a_party():
    body = "我市务工人员李宏亮（护照号E23200654）等6人赴境外务工，因外方雇主拖欠工资，回国后向市人社局求助。"
    assert "李宏亮" in [f.text for f in findings(review(body), "person_name")]


@pytest.mark.parametrize("body", [
    "患者被咬伤左小腿，伤口约3厘米，已完成清创。",
    "其所受伤害（左尺骨骨折）系双方互殴所致。",
    "学生在上学途中被一条未拴绳的金毛犬咬伤。",
    "社区｜患者｜诊断｜监护人\n枫溪社区｜谭某某｜癫痫｜谭父\n建设社区｜邓某某｜精神分裂症｜邓母",
])
def test_a_body_part_a_dog_or_a_relative_by_the_surname_is_no_name(body):
    assert not findings(review(body), "person_name")


def test_a_pedestrian_hit_in_an_accident_is_a_named_party():
    body = "你驾驶小型轿车行至七一路交口时，与横过道路的行人邢秀芬相撞，致邢秀芬受伤，经医院诊断为颅骨骨折。"
    assert "邢秀芬" in [f.text for f in findings(review(body), "person_name")]


def test_a_rare_surname_that_ends_a_word_does_not_take_the_masked_name_after_it():
    from classifier.risk.names import NameReader
    from classifier.risk.lexicon import load_lexicon

    reader = NameReader.from_lexicon(load_lexicon())
    text = "巡特警到达现场，将肇事者李某（男，41岁）当场控制。"
    k = text.index("者李某")
    assert reader.read(text, k, allow_masked=True, after_word=True) is None  # 者 is a rare surname, here a word's end
    assert text[k + 1:reader.read(text, k + 1, allow_masked=True)[0]] == "李某"
