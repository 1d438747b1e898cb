"""Clean published prose (policy language, regulations, work reports) must not be flagged; a named
private person in the same kind of sentence still is. All sentences are invented for these tests."""

import pytest

from classifier.risk.names import NameReader
from classifier.risk.words import common_words, inside_longer_word
from tests.assertions import assert_found, assert_not_found, make_card, review

# ---- words that begin with a surname are not names ------------------------------------------------
POLICY_NOT_NAMES = [
    # (text, type that must not be reported)
    ("全面开展重点群体帮扶，低保对象动态调整，加大对困难地区支持力度。", "person_name"),       # 支持
    ("要把群众反映强烈的问题解决好，切实维护职工合法权益。", "person_name"),                  # 解决, 权益
    ("医务人员应当遵守诊疗护理规范、常规，不得涂改、伪造病历资料。", "person_name"),          # 常规, 涂改
    ("任何人不得威胁、利诱鉴定专家；发现问题应当及时向患者解释。", "person_name"),            # 利诱, 解释
    ("患者对处理结果有异议的，依照第五条、第五十条和第五章的规定办理。", "person_name"),      # 第五 + numeral
    ("依照本办法第五十二条第三款的规定，患者家属可以申请复核。", "person_name"),
    ("各社区要关心孤寡老人和困难群众，让他们都能得到及时救助：", "person_name"),            # 都能得
    ("强化妇女儿童发展规划实施，做好妇女儿童工作，保障妇女儿童合法权益。", None),          # 儿童|发展, 儿童|工作
    ("深化医疗保障改革，开展儿童重大疾病保障，将白血病等纳入大病救助范围。", None),          # 儿童 + 白血病 (policy)
    ("切实保障妇女、儿童、残疾人权益，关心支持残疾人事业发展。", None),                   # 残疾人权益
    ("全面贯彻党的宗教工作基本方针，发挥宗教界人士和信教群众的积极作用。", None),            # 信教群众
    ("让所有孩子都能上得起学、都有平等接受教育的机会，学生都应该德智体美劳全面发展。", None),  # 都能上, 都应
    ("吸引更多海外留学生来华接受学历教育，欢迎外国学生来京接受短期培训。", None),            # 来华接受
    ("扩大中小学危房改造资金规模，改善农村学校班级配备和师资条件。", None),                  # 中小学, 班级, 师资
    ("从办好幼儿师范抓起，加强幼儿园教师队伍建设。", None),                              # 幼儿|师范抓起
    ("多少年来我们一直希望解决群众的温饱问题。", None),                                  # 多少|年来
    ("加强和改进社会治理，积极预防和妥善处置群体性事件，维护社会稳定。", None),              # policy phrase
]


@pytest.mark.parametrize("text, type_", POLICY_NOT_NAMES)
def test_policy_language_not_flagged(text, type_):
    assert_not_found(text, type_)


@pytest.mark.parametrize("title, type_", [
    ("2030年度某市青少年宫部门预算公开", "minor"),       # 少年 inside 青少年宫
    ("某区少年宫部门决算说明", "minor"),
])
def test_word_inside_longer_word_in_title(title, type_):
    result = review("", title)
    assert not [f for f in result.findings if f.type == type_], result.findings


# ---- a named private person in the same kind of sentence is still flagged --------------------------
@pytest.mark.parametrize("text, type_, expected", [
    ("困难群众救助名单：王建国（城市低保，保障人数3人）、于海燕（特困供养）。", "person_name", "王建国"),
    ("困难群众救助名单：王建国（城市低保，保障人数3人）、于海燕（特困供养）。", "person_name", "于海燕"),
    ("低保对象：吴国华", "person_name", "吴国华"),                          # 吴国 is a word, 华 ends the name
    ("患者柏国庆，男，56岁，诊断为慢性粒细胞白血病。", "health", "诊断为慢性粒细胞白血病"),
    ("四年级学生高金花（10岁）因患白血病住院治疗。", "minor", "高金花（10岁）"),
    ("申请人段立新，女，47岁，系农村低保对象，常年患尿毒症。", "health", "常年患尿毒症"),
    ("职工钱明在事故中受伤，经诊断为腰椎骨折。", "health", "诊断为腰椎骨折"),      # 工钱 is a word too
    ("该户户主向德英，信仰基督教，家庭人口4人。", "religion", "信仰基督教"),
])
def test_named_private_person_still_flagged(text, type_, expected):
    assert_found(text, type_, expected)


@pytest.mark.parametrize("text, name", [
    ("拟纳入临时救助对象：和小燕（因病致困）、都兰英（因灾致困）。", "和小燕"),   # weak surnames before （
    ("拟纳入临时救助对象：和小燕（因病致困）、都兰英（因灾致困）。", "都兰英"),
])
def test_function_word_surname_with_punctuation(text, name):
    assert_found(text, "person_name", name)


# ---- markings only where they mark this document ---------------------------------------------------
@pytest.mark.parametrize("title, body, type_", [
    ("关于某项工作的情况说明", "经多轮征求意见，形成了《某某实施意见（讨论稿）》，并提交联席会议审议。", "draft_marking"),
    ("某某条例", "第十条 申请设立的，由县级主管部门报请审批，需由市级主管部门提交以下材料：", "request_report"),
    ("某某办法", "第八条 报请审批的事项，应当在二十日内办结。", "request_report"),
])
def test_marking_mentioned_in_prose_not_flagged(title, body, type_):
    result = review(body, title)
    assert not [f for f in result.findings if f.type == type_], result.findings


@pytest.mark.parametrize("title, body, type_, expected", [
    ("某某实施意见（讨论稿）", "一、总体要求\n……", "draft_marking", "讨论稿"),
    ("", "附件：《某市某某管理办法（送审稿）》", "draft_marking", "送审稿"),
    ("关于追加某项经费的请示", "……特申请追加经费。\n妥否，请批示。\n", "request_report", "妥否，请批示"),
    ("关于某事项的报告", "以上事项，请审批。", "request_report", "请审批"),
])
def test_marking_of_this_document_still_flagged(title, body, type_, expected):
    field = "title" if expected in title and expected not in body else "body"
    assert_found(body, type_, expected, title=title, field=field)


# ---- numbers: two landlines side by side are not one card -------------------------------------------
@pytest.mark.parametrize("text", [
    "咨询电话：62345678 68765432",
    "联系电话：62345678 68765432 87654321 81234567",
    "受理电话：62345678-68765432",
])
def test_two_numbers_not_one_card(text):
    assert_not_found(text, "bank_card")


def test_card_in_groups_of_four_still_flagged():
    card = make_card("622848", 19)
    spaced = " ".join(card[i:i + 4] for i in range(0, 19, 4))
    assert_found(f"补贴发放至户主本人银行卡{spaced}。", "bank_card", spaced)


# ---- the security lexicon flags details, not the policy phrase -------------------------------------
def test_security_lexicon_detail_still_flagged():
    assert_found("附件：某镇群体性事件处置情况及参与人员名单", "security_lexicon", "群体性事件处置情况")


# ---- the data file and the helpers ---------------------------------------------------------------------
def test_common_words_loaded():
    words = common_words()
    assert len(words) > 20_000
    for w in ("支持", "权益", "常规", "解决", "少年宫", "留学生"):
        assert w in words, w


@pytest.mark.parametrize("text, start, end, expected", [
    ("青少年宫部门", 1, 3, True),    # 少年 in 少年宫
    ("多少年来", 1, 3, True),        # 少年 after 多
    ("留学生来华", 1, 3, True),      # 学生 in 留学生
    ("四年级学生张三", 3, 5, False),
    ("职工钱明受伤", 0, 2, False),   # 工钱 starts inside the role word: not counted
])
def test_inside_longer_word(text, start, end, expected):
    assert (inside_longer_word(text, start, end) is not None) is expected


@pytest.mark.parametrize("text, pos, expected", [
    ("支持，", 0, None),
    ("权益保障", 0, None),
    ("相互尊重", 0, None),
    ("第五条", 0, None),
    ("王建国，", 0, 3),
    ("吴国华。", 0, 3),
    ("张三，", 0, 2),
    ("都应该", 0, None),
    ("和小燕（", 0, 3),
    ("满意率91%", 0, None),   # 满意 is a very frequent word
    ("费用由财政承担", 0, None),
    ("王国强，", 0, 3),        # 王国 less so: a name
    ("应偿还借款", 0, None),   # a function-word surname before a word
])
def test_name_reader(text, pos, expected):
    reader = NameReader(frozenset("支权相第王吴张都和满费黄应"), frozenset(), frozenset("和都应"), function=frozenset("和都"))
    got = reader.read(text, pos)
    assert (got[0] if got else None) == expected


def test_the_quick_check_never_skips_a_word_the_segmentation_would_find():
    # inside_longer_word segments only where a listed word could cross the role word's edges; elsewhere the
    # segmentation cannot cut the word out of a longer one. Checked on random neighbourhoods of real words.
    import random

    from classifier.risk.words import _could_cross, _segment

    words = common_words()
    pieces = ["少年", "青少年宫", "多少", "年来", "学生", "留学生", "妇女", "儿童", "举报人", "马丽", "职工", "工钱", "王", "的", "了"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(5))
        start = rng.randrange(0, len(text) - 1)
        end = min(len(text), start + rng.choice((2, 3)))
        cuts = sorted(_segment(text, 0, len(text), words))
        prev, crossing = 0, False
        for k in cuts:
            if prev < start < k or (prev == start and k > end):
                crossing = True
            prev = k
        assert not crossing or _could_cross(text, start, end, words), (text, start, end)
