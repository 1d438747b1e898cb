"""请示, 会议纪要 (process_info) and 执法案卷 (enforcement_file) recognizers."""

import pytest

from tests.assertions import assert_found, findings, review


@pytest.mark.parametrize("title, body, part, field", [
    ("关于申请追加专项经费的请示", "县人民政府：……", "请示", "title"),                 # title ends with 请示
    ("某事项", "特申请追加经费185万元。\n妥否，请批示。\n某局", "妥否，请批示", "body"),  # closing formula
    ("党组会议纪要", "会议研究向市政府报送《关于某地块调规事项的请示》。", "请示", "body"),  # to be submitted
    # closings by meaning: asking whether the proposal is right, then for an instruction
    ("某情况的报告", "拟移送公安机关。\n以上报告妥否，请指示。\n某局", "以上报告妥否，请指示", "body"),
    ("某事项", "拟重新测量。\n以上意见如无不妥，请批转各有关单位执行。\n某局", "以上意见如无不妥，请批转各有关单位执行", "body"),
    ("某事项", "本次不作为人选。\n以上意见当否，请审示。", "以上意见当否，请审示", "body"),
    ("某事项", "经费由县财政承担。\n以上请示当否，请予批复。\n附件：某某", "以上请示当否，请予批复", "body"),
])
def test_request_found(title, body, part, field):
    assert_found(body, "request_report", part, title=title, field=field, ground="process_info")


@pytest.mark.parametrize("title, body", [
    ("常务会议召开", "会议同意县交通运输局按规定请示省级主管部门后开工建设。"),
    ("政策解读", "闲置车辆需先向财政部门请示后方可调配使用。"),
    ("关于某事项请示的批复", "你局《关于某事项的请示》收悉。"),
    ("公文写作要点", "请示的结尾一般使用“妥否，请批示”“当否，请批复”等用语。"),     # a formula quoted
    ("某事项", "各单位妥否请示领导后再定，不得擅自行动。"),                       # no instruction asked for
    ("某事项", "方案妥否，请批示，请各单位研究后于本周内反馈意见，逾期视为同意"),  # not the paragraph's end
])
def test_request_not_found(title, body):
    assert not findings(review(body, title), "request_report")


def test_minutes_in_title():
    assert_found("会议认为……", "meeting_minutes", "会议纪要", title="上半年经济运行分析会会议纪要", field="title")


def test_minutes_cited_not_found():
    result = review("会议要求各单位对照《县政府第23次常务会议纪要》明确的任务逐项推进。", "县政府召开常务会议")
    assert not findings(result, "meeting_minutes")


@pytest.mark.parametrize("title, body, part, field", [
    ("询问笔录", "询问时间：2024年7月16日；问：……答：……", "询问笔录", "title"),
    ("某局行政处罚立案审批表", "案由：涉嫌经营假劣农药案。", "立案审批表", "title"),
    ("案件处理情况", "以下为调查笔录节选：问：……答：……", "调查笔录", "body"),
])
def test_enforcement_found(title, body, part, field):
    assert_found(body, "enforcement_record", part, title=title, field=field, ground="enforcement_file")


def test_evidence_names_not_found():
    result = review("上述违法行为，有《询问笔录》《现场检查笔录》、抽样检验报告等证据在案佐证。", "行政处罚决定书")
    assert not findings(result, "enforcement_record")


@pytest.mark.parametrize("text, name", [
    ("今年3月，我局接到闵素芬举报，反映某小区违规搭建。", "闵素芬"),
    ("收到王国华来信举报，反映夜间施工噪声扰民。", "王国华"),
])
def test_person_who_reported_is_a_whistleblower(text, name):
    assert [f.text for f in findings(review(text), "whistleblower")] == [name]


@pytest.mark.parametrize("text", [
    "经群众举报，执法人员现场检查。",
    "对万余人举报的问题逐一核实。",
    "接到市民举报后，我局立即核查。",
])
def test_reports_without_a_named_reporter(text):
    assert findings(review(text), "whistleblower") == []


@pytest.mark.parametrize("title, body, part", [
    ("关于某企业违规排污问题的调查情况报告", "执法人员于3月14日进行现场检查，并对企业负责人制作询问笔录，企业负责人承认未申报。", "询问笔录"),
    ("关于某经销商补贴问题的核查报告", "我局已暂停其补贴资格，并将案件调查终结报告及相关材料移送县公安局。", "案件调查终结报告"),
    ("", "举报受理登记表\n举报人：（略）\n举报内容：某砂石场非法采砂。", "举报受理登记表"),
])
def test_records_made_or_passed_on_in_a_report(title, body, part):
    assert_found(body, "enforcement_record", part, title=title, ground="enforcement_file")


def test_records_cited_as_evidence_in_a_penalty_decision_stay():
    body = "经查，当事人未取得许可擅自施工。执法人员现场勘验并制作勘验笔录。依据有关规定，作出如下行政处罚决定：罚款人民币5000元。"
    assert not findings(review(body, "行政处罚决定书"), "enforcement_record")


def test_a_record_named_in_the_title_and_again_in_the_body_is_marked_in_both():
    """The title says what the document is (where a reviewer looks first); the body's own naming says it again."""
    body = "检查时间：2024年3月5日\n检查情况：货架上有过期食品3袋。\n（本现场检查笔录共2页，经当事人核对无误）"
    got = findings(review(body, "某县市场监管局关于某超市销售过期食品的现场检查笔录"), "enforcement_record")
    assert [(f.field, f.text) for f in got] == [("title", "现场检查笔录"), ("body", "现场检查笔录")]


def test_a_record_named_only_in_the_title_is_marked_there():
    got = findings(review("检查时间：2024年3月5日\n检查情况：货架上有过期食品3袋。", "某超市现场检查笔录"), "enforcement_record")
    assert [(f.field, f.text) for f in got] == [("title", "现场检查笔录")]


@pytest.mark.parametrize("body, record", [
    ("执法人员对该汽修厂进行了现场检查，并制作了现场检查（勘察）笔录。", "现场检查（勘察）笔录"),
    ("现场检查(勘验)笔录\n检查时间：2024年5月8日\n检查地点：某副食店", "现场检查(勘验)笔录"),
])
def test_the_inspection_record_forms_with_their_bracketed_kind(body, record):
    assert [f.text for f in findings(review(body), "enforcement_record")] == [record]


def test_the_second_reading_reads_a_record_name_once_as_the_rules_do():
    from classifier.risk import RiskReviewer
    from classifier.risk.document import FieldText

    registry = RiskReviewer().registry
    rec = registry.get("enforcement_record")
    fld = FieldText("body", "该违法行为另有《现场检查笔录》和《询问笔录》为证。")
    registry.scan(fld)
    read = [h.term for h in fld.tagged("trigger:enforcement_record") if rec.rereads(fld, h)]
    assert read == ["现场检查笔录", "询问笔录"]
