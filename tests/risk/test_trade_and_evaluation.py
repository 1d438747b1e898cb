"""报价明细/成本构成 and 个人考核评价 recognizers."""

import pytest

from tests.assertions import assert_found, findings, review


@pytest.mark.parametrize("title, body, part", [
    ("评标情况报告", "其报价明细为：人工费100.50万元、材料费800.20万元、机械使用费90.00万元、管理费及利润60.30万元。",
     "材料费800.20万元"),
    ("成交结果", "附单价分析：设备单价9,800元，其中采购成本7,000元、安装费500元、运维费1,300元、利润1,000元。", "安装费500元"),
    ("某公司供水定价成本监审报告", "核定总成本2.1亿元。其中，原水费0.5亿元，电费0.4亿元，职工薪酬0.6亿元，折旧0.3亿元。",
     "电费0.4亿元"),
    # announced by any price or cost word with a breakdown word ("价格组成", "成本分析", "报价清单")
    ("成交公告", "中标人投标文件中的价格组成：大米4.10元/斤、菜籽油9.80元/斤、鸡蛋5.60元/斤", "菜籽油9.80元/斤"),
    ("成交公告", "五、供应商报价成本分析（供应商提交）：钢材成本占比54%，单组货架人工费386元，管理费率6.5%\n",
     "人工费386元"),
    ("中标公告", "中标价：8652.37万元，其中设计费186.40万元、设备购置费2315.62万元、建安工程费6150.35万元\n",
     "设备购置费2315.62万元"),                                                        # the parts of an award price
])
def test_breakdown_found(title, body, part):
    assert_found(body, "bid_price_breakdown", part, title=title, ground="trade_secret")


@pytest.mark.parametrize("title, body", [
    ("部门预算说明", "收入预算918.64万元，其中基本支出651.20万元，项目支出267.44万元。"),
    ("中标结果公告", "中标金额：人民币145.8万元。"),
    ("部门决算说明", "费用明细见附件。全年支出1200万元，其中基本支出900万元、项目支出300万元。"),
])
def test_breakdown_not_found(title, body):
    assert not findings(review(body, title), "bid_price_breakdown")


@pytest.mark.parametrize("text, part", [
    ("考核等次如下：赵某同志，民主测评称职票率58%，考核等次为基本称职；", "民主测评"),
    ("副书记某某对照检查指出，其本人存在问题，群众满意度测评得分70分，在班子中排名末位。", "排名末位"),
])
def test_evaluation_found(text, part):
    assert_found(text, "personal_evaluation", part, ground="internal_affairs")


def test_evaluation_statistics_not_found():
    assert not findings(review("全局共有42人参加年度考核，其中优秀等次6人。"), "personal_evaluation")


@pytest.mark.parametrize("text, part", [
    ("科室考核情况如下。\n莫晓川：工作不主动，对群众诉求推诿，需加强教育。", "工作不主动，对群众诉求推诿，需加强教育"),
    ("副科长柴文斌：责任心不强，业务能力偏弱。", "责任心不强，业务能力偏弱"),
])
def test_criticism_of_a_named_official(text, part):
    assert part in [f.text for f in findings(review(text), "personal_evaluation")]


@pytest.mark.parametrize("text", [
    "全局干部作风建设要防止推诿扯皮。",
    "各单位要提升服务能力，能力欠缺的要加强培训。",
])
def test_criticism_in_general_is_not_an_evaluation(text):
    assert findings(review(text), "personal_evaluation") == []


@pytest.mark.parametrize("text, part", [
    ("考察组认为：该同志政治立场坚定，但开拓创新意识不足，在推进改革中存在畏难情绪。", "开拓创新意识不足"),
    ("附：基本合格人员考核情况：孙丽华同志业务不熟练，全年出现差错3次，服务态度较差。", "业务不熟练"),
    ("一、基本情况。该同志1978年出生，现任某局副局长。\n四、存在的不足。理论学习系统性不够，抓队伍建设办法不多。\n五、考察结论。", "办法不多"),
    ("主管领导评语：该同志工作责任心有待加强，全年考勤存在多次迟到现象。", "责任心有待加强"),
])
def test_shortcomings_of_a_person_by_meaning(text, part):
    found = [f.text for f in findings(review(text), "personal_evaluation")]
    assert any(part in f for f in found), found


@pytest.mark.parametrize("text", [
    "受资金不足影响，部分项目推进较慢，村民防火意识不强的问题仍然存在。",   # no one person: funds, villagers
    "全区共有基层网格员312名，业务培训覆盖率不高。",
    "由于有些同志对于调整产品结构的必要性认识不足，行动迟缓，这种倾向正在纠正。",   # a group's shortcoming
    "部分乡镇食品安全监管能力有待加强，基层执法力量有待增强。",   # bodies, not a person
])
def test_shortcomings_not_of_one_person(text):
    assert not findings(review(text), "personal_evaluation")


@pytest.mark.parametrize("text, part", [
    ("个别区县检查走过场，乙区民政局分管副局长何明责任意识淡薄，对督办事项不闻不问。", "责任意识淡薄"),
    ("区文旅公司总经理刘伟决策随意，对重大投资项目论证不充分。", "决策随意"),
    ("热线联络员张伟工单办理敷衍应付，多次被群众投诉。", "敷衍应付"),
])
def test_shortcoming_of_an_official_named_after_the_post(text, part):
    got = findings(review(text), "personal_evaluation")
    assert got and any(part in f.text for f in got)


@pytest.mark.parametrize("text", [
    "全局参加考核公务员32人，确定优秀等次6人，称职等次25人，基本称职等次1人。",
    "民主测评中，优秀票24票，称职票7票，基本称职2票。",
    "对评定为基本称职的同志，由分管领导跟踪考察。",
])
def test_a_tally_or_a_rule_is_no_ones_appraisal(text):
    assert not findings(review(text), "personal_evaluation")


def test_a_rule_against_a_fault_is_no_appraisal():
    assert not findings(review("各单位要加强协调配合，杜绝推诿扯皮现象，防止作风漂浮。"), "personal_evaluation")


@pytest.mark.parametrize("body, run", [
    ("清单单价分析：人工费 32.10元　材料费 58.64元　机械费 1.20元　管理费 7.35元　利润 4.90元",
     "人工费 32.10元　材料费 58.64元　机械费 1.20元　管理费 7.35元　利润 4.90元"),
    ("每份学生餐按食材7.20、人工2.60、燃料水电0.90、管理及利润1.10测算。", "食材7.20、人工2.60、燃料水电0.90、管理及利润1.10"),
    ("该批产品出厂成本3.19/配送费0.47/毛利1.57，经营者未如实申报。", "出厂成本3.19/配送费0.47/毛利1.57"),
])
def test_a_profit_among_cost_items_makes_them_a_price_build_up(body, run):
    """No heading announces it: a profit (利润, 毛利) as one item among costs with amounts is a price's build-up."""
    (f,) = findings(review(body), "bid_price_breakdown")
    assert run in f.text and f.text.endswith(run[-4:])  # (from the words that name its first item)


@pytest.mark.parametrize("body", [
    "全市规模以上工业企业实现营业收入1,234亿元、利润总额98亿元、税金56亿元。",          # statistics: totals
    "工业企业利润由上年下降2.3%转为增长8.5%，单位国内生产总值能耗下降5%。",              # a trend
    "居民用水价格由基本水价2.10元、污水处理费0.95元、水资源费0.20元组成。",            # a public tariff: no profit
    "企业应当依法纳税，不得以利润为由拖欠职工工资。",                                  # a profit with no amount
])
def test_statistics_trends_and_public_tariffs_are_no_price_build_up(body):
    assert not findings(review(body), "bid_price_breakdown")


@pytest.mark.parametrize("body, title, appraisal", [
    ("1.闫某伟，副镇长，考核等次：优秀。\n　　主管领导评语：该同志大局意识强，群众满意度高；但对风险隐患预判不足。\n2.周某晨", "科级干部考核结果通报",
     "该同志大局意识强，群众满意度高；但对风险隐患预判不足。"),
    ("姓名：潘某琴\n个人总结：略\n所在单位考核鉴定意见：业务熟练，全年办理登记业务3100余件，无差错。", "工作人员考核登记表",
     "业务熟练，全年办理登记业务3100余件，无差错。"),
    ("一、主要表现\n该同志政治立场坚定，工作思路清晰，敢于担当。\n二、主要不足\n该同志性格较急躁。", "考察材料",
     "该同志政治立场坚定，工作思路清晰，敢于担当。"),
])
def test_an_appraisal_labels_value_is_the_appraisal_praise_as_well(body, title, appraisal):
    assert appraisal in [f.text for f in findings(review(body, title), "personal_evaluation")]


@pytest.mark.parametrize("body", [
    "2024年主要表现为经济运行稳中向好，主要不足是投资增长乏力。",          # prose, no label opening a line
    "二、主要不足\n投资增长乏力，消费恢复偏慢。",                           # a report's heading, about no one person
    "主管领导评语：略",
])
def test_a_reports_headings_and_empty_labels_are_no_appraisal(body):
    assert not findings(review(body, "工作总结"), "personal_evaluation")


def test_each_row_under_an_appraisal_column_of_a_table_of_persons_is_that_persons_appraisal():
    body = ("姓名｜现任职务｜推荐得票率｜考察组综合评价\n艾尔肯｜副市长｜81.2%｜政治坚定，群众工作能力强，熟悉农村工作\n"
            "王志伟｜副局长｜77.5%｜业务精通，作风严谨，但缺乏基层主官经历")
    got = [f.text for f in review(body, "拟任人选考察情况").findings if f.type == "personal_evaluation"]
    assert got == ["政治坚定，群众工作能力强，熟悉农村工作", "业务精通，作风严谨，但缺乏基层主官经历"]
    # a table of units, not persons: its 评价 column appraises no one
    units = "单位｜得分｜综合评价\n市场监管局｜92｜制度健全，台账规范，整改及时到位\n交通运输局｜88｜资料基本齐全，个别台账更新不及时"
    assert not [f for f in review(units, "年度考核结果").findings if f.type == "personal_evaluation"]
