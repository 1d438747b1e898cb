"""密级标志, 商业秘密 claims, 内部资料 and draft-stage markings."""

import pytest

from tests.assertions import assert_found, findings, review


@pytest.mark.parametrize("body, title, part, field", [
    ("秘密★5年\n某委〔2024〕9号\n各单位：", "", "秘密★5年", "body"),         # start of body
    ("机密★长期\n截至6月底……", "", "机密★长期", "body"),
    ("秘密★\n各单位：", "", "秘密★", "body"),                                 # no period
    ("", "某某数据汇总（绝密）", "绝密", "title"),                           # title, bracketed
    ("本件内容属于国家秘密，请按规定管理。", "", "国家秘密", "body"),          # self-declared
])
def test_secrecy_found(body, title, part, field):
    f = assert_found(body, "secrecy_marking", part, title=title, field=field)
    assert f.action == "withhold" and f.ground == "state_secret"
    assert review(body, title).verdict == "withhold"


@pytest.mark.parametrize("text", [
    "深入学习《中华人民共和国保守国家秘密法》，全区涉密人员参加测试。",
    "揭开海洋的秘密主题科普展开幕。",
    "其中属于国家秘密2件、因涉及商业秘密不予公开9件。",
    "★温馨提示：请经营者明码标价。",
    "已删除涉及国家秘密、商业秘密和个人隐私的内容。",
])
def test_secrecy_not_found(text):
    assert not findings(review(text), "secrecy_marking")


@pytest.mark.parametrize("text, part", [
    ("工艺参数属企业商业秘密，申请不予公开。", "商业秘密"),
    ("本部分含商业秘密，请勿公开。\n投标人：某公司。", "商业秘密"),
    ("企业已书面申请对上述成本明细按商业秘密处理。", "商业秘密"),
])
def test_trade_secret_marking_found(text, part):
    assert_found(text, "trade_secret_marking", part, ground="trade_secret")


@pytest.mark.parametrize("text", [
    "依法确定为国家秘密的政府信息，涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，不予公开。",
    "因涉及商业秘密不予公开9件。",
])
def test_trade_secret_marking_not_found(text):
    assert not findings(review(text), "trade_secret_marking")


@pytest.mark.parametrize("body, title, part, field", [
    ("内部资料 注意保存\n本季度……", "", "内部资料", "body"),
    ("", "上半年经济运行分析（仅供内部参考）", "仅供内部参考", "title"),
    ("……记录：某某。\n（此件不公开）", "", "此件不公开", "body"),
    ("本稿仅在系统内部征求意见，请勿外传。", "", "请勿外传", "body"),
])
def test_internal_marking_found(body, title, part, field):
    assert_found(body, "internal_marking", part, title=title, field=field, ground="internal_affairs")


@pytest.mark.parametrize("text", [
    "各单位对照内部控制制度，结合内设机构职责分工，健全内部审计。",
])
def test_internal_marking_not_found(text):
    assert not findings(review(text), "internal_marking")


@pytest.mark.parametrize("title, body, part, field", [
    ("某某规划实施评估报告（讨论稿）", "", "讨论稿", "title"),
    ("某市供水价格调整方案（送审稿）", "", "送审稿", "title"),
    ("某某发展规划（初稿）", "", "初稿", "title"),
    ("《某某管理办法》（征求意见稿（内部））", "", "征求意见稿（内部）", "title"),
    ("某报告", "本报告为讨论稿，仅供研究使用。", "讨论稿", "body"),
])
def test_draft_found(title, body, part, field):
    assert_found(body, "draft_marking", part, title=title, field=field, ground="process_info")


@pytest.mark.parametrize("title, body", [
    ("关于公开征求《某某规定（征求意见稿）》意见的公告", "现将征求意见稿全文公布。"),
    ("规划编制工作取得进展", "通报规划初稿已编制完成，尽快形成征求意见稿。"),
])
def test_draft_not_found(title, body):
    assert not findings(review(body, title), "draft_marking")
