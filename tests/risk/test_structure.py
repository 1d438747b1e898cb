"""Tables and lists: a column header gives context to every row, however long the table; no caps."""

import pytest

from tests.assertions import findings, make_id, review

ADDRESSES = [f"某某区幸福路{n}号" for n in range(11, 17)]  # no unit or room: only a cue makes them private


def _table(sep: str, rows: int = 6) -> str:
    lines = [sep.join(["序号", "姓名", "家庭住址", "备注"])]
    for i in range(rows):
        lines.append(sep.join([str(i + 1), f"张{'一二三四五六七八九'[i % 9]}明", ADDRESSES[i % len(ADDRESSES)], "无"]))
    return "\n".join(lines)


@pytest.mark.parametrize("sep", ["|", "｜", "\t", "　", "    "], ids=["pipe", "fullwidth-bar", "tab", "ideographic", "aligned"])
def test_header_gives_context_to_every_row(sep):
    body = "住户信息如下：\n" + _table(sep)
    got = [f.text for f in findings(review(body), "address")]
    assert got == ADDRESSES, got


def test_without_the_header_the_same_addresses_are_not_private():
    body = "\n".join(f"{i + 1}. 项目地点：{a}" for i, a in enumerate(ADDRESSES))
    assert not findings(review(body), "address")


def test_ten_thousand_row_list_is_masked_in_every_row():
    ids = [make_id("330106", f"19{50 + i % 40:02d}0{1 + i % 9}1{i % 9}", f"{i % 1000:03d}") for i in range(10_000)]
    rows = [f"{i + 1}、身份证号{ids[i]}，住址：某某区幸福路{i % 500 + 1}号{i % 30 + 1}栋{i % 6 + 1}单元{i % 40 + 101}室"
            for i in range(10_000)]
    result = review("\n".join(rows), "关于2025年度住房补贴发放对象的公示")
    assert len(findings(result, "id_card")) == 10_000
    assert len(findings(result, "address")) == 10_000
    assert not findings(result, "unreviewed")
    red = result.redacted["body"]
    assert not any(n in red for n in ids[::997])  # every row masked, the last ones too
    assert red.rstrip().endswith("***")


def test_plate_number_ranges_stay():
    body = "本次投放号段为宁A·D00001至宁A·D99999、宁B·F00001-宁B·F50000，请车主按规定办理。"
    assert not findings(review(body, "关于新能源号牌号段投放的公告"), "plate")
    assert findings(review("车主驾驶宁A·D12345号车辆违停。"), "plate")


def test_property_address_in_a_registration_notice_stays():
    body = ("经初步审定，下列不动产拟办理首次登记，现予公告：\n"
            "不动产坐落：某某县城关镇和平路18号3栋2单元501室，权利人：某某房地产开发有限公司，面积：96.5平方米。")
    result = review(body, "不动产首次登记公告")
    assert not findings(result, "address")
    # a home address stated as such is still private in the same notice
    assert findings(review(body + "\n异议人家庭住址：某某县城关镇和平路20号1栋1单元101室。", "不动产首次登记公告"), "address")


def test_a_table_whose_first_line_holds_numbers_has_no_header_row():
    title = "银坑镇2024年洪灾受灾农户临时救助发放名单"
    body = ("经镇民政所入户核查，给予急难型临时救助，现将发放名单公示：\n"
            "管福生　窑前村　水稻绝收8亩　救助3000元\n肖春梅　平安村　大棚损毁3个　救助2000元\n"
            "谢长发　银坑村　房屋部分倒塌　救助5000元")
    names = {f.text for f in review(body, title).findings if f.type == "person_name"}
    assert {"管福生", "肖春梅", "谢长发"} <= names


def test_a_single_space_parting_two_columns_of_an_aligned_row_keeps_the_columns_in_place():
    # the first row parts 乡镇 and 村 by one space: read as one cell, its name would fall under 村
    title = "某县2024年农村计划生育家庭特别扶助对象确认名单公示"
    body = ("乡镇    村       姓名     扶助类别      年扶助金额（元）\n"
            "春申街道 苏湾村   柏永成   奖励扶助      960\n"
            "仁和镇   郑湾村   滕秀芝   特别扶助      7,920")
    assert {"柏永成", "滕秀芝"} <= {f.text for f in findings(review(body, title), "person_name")}


def test_a_cell_with_a_space_of_its_own_is_not_split_when_the_columns_do_not_come_out_even():
    from classifier.risk.document import _split_at_single_spaces

    text = "王 芳    城关镇 东街    92"
    cells = [(0, 3), (7, 14), (18, 20)]
    assert _split_at_single_spaces(text, cells, 4) == cells  # 5 pieces for 4 columns: left as they were
    assert _split_at_single_spaces(text, cells, 5) == [(0, 1), (2, 3), (7, 10), (11, 14), (18, 20)]


def test_a_class_before_a_name_in_an_ideographic_space_table_is_not_read_as_a_surname():
    title = "2024年秋季学期义务教育家庭经济困难学生生活补助名单公示"
    body = ("班级　　　姓名　　家庭经济困难类型　　　　补助标准\n"
            "七(3)班　玉罕　　　脱贫家庭　　　　625元\n"
            "八(1)班　刀建国　　城乡低保家庭　　625元")
    names = [f.text for f in findings(review(body, title), "person_name")]
    assert sorted(names) == ["刀建国", "玉罕"]  # not "班　玉罕": 班 ends the class, 刀 is a (Dai) surname


def test_sentence_and_clause_boundaries_by_position():
    from classifier.risk.text import Segments

    text = "甲\U0001F600，乙\ud800。丙；丁\n姓名：张三\n病种：尿毒症\n张三；男；低保；300元"
    seg = Segments(text)
    assert seg._clause == [i for i, ch in enumerate(text) if ch in "，。；\n："]  # an emoji or a lone surrogate is one
    # a sentence ends at 。；\n — not at a record's line break, nor at the ； between a table row's cells
    row = text.index("张三；男")
    assert seg._sent == [text.index("。"), text.index("；"), text.index("\n"), text.index("\n张三")]
    assert all(i < row or text[i] != "；" for i in seg._sent)
    assert seg.sentence(text.index("尿毒症")) == (text.index("\n") + 1, text.index("\n张三"))
