"""Minors the person rules leave, read by the second reading: which words are read, where the finding lies,
its own feature space, and nothing without a model."""

from __future__ import annotations

import pytest

from classifier.analyzer import load_reviewer
from classifier.risk import RiskReviewer
from classifier.risk.document import Document, FieldText, Hit
from classifier.risk.persons.minors import MinorRecognizer
from classifier.risk.second_reading import OWN_FEATURES, SecondReading, title_features

from tests.assertions import Spy, always

# a table cell: no finder reads the name before the grade, so the rules say nothing of the child
CELL = "| 序号 | 姓名 | 学校 | 就读情况 | 类别 |\n| 2 | 龙浩然 | 州民族中等专业学校 | 中职二年级（17岁） | 低保户 |"


def hit_of(text: str, term: str, nth: int = 0) -> Hit:
    at = -1
    for _ in range(nth + 1):
        at = text.index(term, at + 1)
    return Hit(at, at + len(term), term, frozenset({"trigger:minor"}))


def recognizer() -> MinorRecognizer:
    return RiskReviewer(second_reading=always()).registry.get("minor")


@pytest.mark.parametrize("text, term, read", [
    ("龙浩然，14岁，初二", "岁", True),
    ("未满十四周岁的学生", "岁", True),
    ("张三，男，45岁，务工", "岁", False),  # an adult
    ("0-6岁儿童健康管理率", "岁", False),  # a range of ages
    ("14岁以下儿童", "岁", False),  # a bracket
    ("年满岁数", "岁", False),  # no number
    ("初二（3）班学生", "初二", True),
    ("进一步提高一个台阶", "高一", False),
    ("正月初三走访", "初三", False),
    ("七（2）班\t马雨萱", "班", True),
    ("初二（3）班学生", "班", False),  # the grade before it is read already
    ("领导班子成员", "班", False),
    ("杨若曦2024年6月出生于家中", "出生", True),
    ("出生后在新生儿科住院", "出生", False),
    ("2024年新增：张玉芹（1964年5月出生，无子女）", "出生", False),  # an adult's birth date in a 2024 list
    ("2024年新增：刘某（2010年5月出生）", "出生", True),
    ("张玉芹（2016年5月出生）", "出生", True),  # no year of the document to compare with: the model decides
    ("张玉芹（1964年5月出生）", "出生", False),  # …but a document is of 2008 or later: a 1964 birth is an adult's
])
def test_only_words_that_can_state_a_childs_age_or_grade_are_read(text, term, read):
    assert recognizer().rereads(FieldText("body", text), hit_of(text, term)) is read


@pytest.mark.parametrize("text, term, span", [
    ("未满十四周岁的学生", "岁", "十四周岁"),
    ("七（2）班\t马雨萱", "班", "七（2）班"),
    ("就读三年级", "年级", "三年级"),
    ("杨若曦2024年6月出生于家中", "出生", "2024年6月出生"),
])
def test_the_finding_covers_the_number_with_its_word(text, term, span):
    fld = FieldText("body", text)
    doc = Document(FieldText("title", ""), fld)
    start, end = recognizer().second_reading_span(doc, fld, hit_of(text, term))
    assert text[start:end] == span


def test_the_finding_starts_at_the_childs_name_read_before_it():
    text = "低保户龙浩然，中职二年级，17岁，患白血病。"
    found = [f for f in RiskReviewer(second_reading=always()).review("", text).findings if f.type == "minor"]
    assert len(found) == 1 and found[0].text == "龙浩然，中职二年级，17岁"
    assert "龙浩然" not in found[0].reason  # the reason quotes the age or grade, not the child's name


def test_the_age_band_is_a_feature():
    rec = recognizer()
    text = "龙浩然，14岁，初二"
    assert rec.reading_features(FieldText("body", text), hit_of(text, "岁")) == ["minor.age=13-17"]
    assert rec.reading_features(FieldText("body", text), hit_of(text, "初二")) == []


def test_without_a_model_nothing_is_reported():
    reviewer = RiskReviewer()
    assert reviewer.registry.get("minor") is None  # no rules of its own: not in a registry without a model
    assert not [f for f in reviewer.review("", CELL).findings if f.type == "minor"]


def test_a_child_in_a_table_cell_is_reported_through_the_model():
    found = [f for f in RiskReviewer(second_reading=always()).review("", CELL).findings if f.type == "minor"]
    # "二年级" and "17岁" are one statement in one cell
    assert len(found) == 1
    f = found[0]
    assert CELL[f.start:f.end] == "二年级（17岁" and f.action == "review" and f.replacement is None
    assert "模型判断为年龄或年级" in f.reason and "请核实" in f.reason


def test_the_shipped_model_reads_a_child_and_leaves_policy_prose():
    reviewer = load_reviewer()
    found = [f for f in reviewer.review("资助对象公示", CELL).findings if f.type == "minor"]
    assert found and all("17岁" in CELL[f.start:f.end] or "年级" in CELL[f.start:f.end] for f in found)
    policy = "全区0-6岁儿童健康管理率达到92%，适龄儿童免疫规划疫苗接种率保持在95%以上，14岁以下儿童近视率下降。"
    assert not [f for f in reviewer.review("2024年卫生健康工作总结", policy).findings if f.type == "minor"]


def test_a_minor_is_not_asked_again_where_no_word_can_state_it():
    spy = Spy()
    RiskReviewer(second_reading=spy).review("", "张三，男，45岁，务工；0-6岁儿童；领导班子。")
    assert not [a for a in spy.asked if a[0] == "minor"]


def test_minor_features_are_their_own():
    assert "minor" in OWN_FEATURES
    spy = Spy()
    RiskReviewer(second_reading=spy).review("关于资助学生的公示", "龙浩然，14岁，初二")
    kinds = {a[0] for a in spy.asked}
    assert "minor" in kinds
    for kind, _, extra, feats in spy.asked:
        if kind == "minor":
            assert feats[0] == "ty=minor" and all(f.startswith("minor:") for f in feats[1:])
    assert all(f.startswith("minor:T2=") for f in title_features("关于资助", "minor"))
    assert all(f.startswith("T2=") for f in title_features("关于资助", "health"))


def test_the_title_weight_is_kept_per_feature_space():
    model = SecondReading({"T2=关于": 1.0, "minor:T2=关于": -2.0}, 0.0, 0.8)
    assert model._title_weight("关于", "health") == 1.0
    assert model._title_weight("关于", "minor") == -2.0
    assert model._title_weight("关于", "health") == 1.0  # the other space's cache is not taken


def test_a_model_reading_merged_with_the_rules_keeps_the_rules_reason():
    # "9岁的毛宇航": the rules read the child by the age before the name; the model reads "9岁" too
    text = "在某县某镇某村，9岁的毛宇航父母常年在外务工，由奶奶照顾。"
    found = [f for f in RiskReviewer(second_reading=always()).review("", text).findings if f.type == "minor"]
    assert len(found) == 1 and "9岁" in found[0].text and "毛宇航" in found[0].text
    assert "模型判断" not in found[0].reason and "未成年人" in found[0].reason
