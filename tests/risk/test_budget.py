"""The work budget (budget.py) with a name model: the characters the model may read are counted, so
repeated cue words stop at the budget, while realistic dense lists are reviewed whole.

The model here is a stand-in that finds nobody: the budget counts the windows it may be asked about
(known from the scan), not what it answers, so the real model is not needed.
"""

from __future__ import annotations

import random

import pytest

from classifier.risk import RiskReviewer, budget
from classifier.risk.document import FieldText
from classifier.risk.persons import tagger as name_windows
from tests.assertions import findings, make_id


class SilentTagger:
    """A name model that reads every window it is given and finds no name."""

    def __init__(self):
        self.asked: list[tuple[int, int]] = []

    def spans(self, text, windows=None):
        self.asked.extend(windows or [(0, len(text))])
        return []


WITH_MODEL = RiskReviewer(name_tagger=SilentTagger())
RULES_ONLY = RiskReviewer()


def fill(unit: str, n: int = 60_000) -> str:
    return (unit * (n // len(unit) + 1))[:n]


@pytest.mark.parametrize("unit", ["学生", "姓名：", "患者张三，", "低保对象张三、", "9岁", "患尿毒症", "诊断为", "低保",
                                  "行政拘留", "信仰佛教", "申请人张三"])
def test_repeated_cue_words_stop_at_the_budget(unit):
    text = "申请人身份证号" + make_id() + "。\n" + fill(unit)
    result = WITH_MODEL.review("", text)
    cut = findings(result, "unreviewed")
    assert len(cut) == 1 and result.verdict == "review"
    f = cut[0]
    assert 0 < f.start < len(text) and f.end == len(text) and text[f.start:] == f.text
    assert "需人工审核" in f.reason and "单位" in f.reason
    assert findings(result, "id_card")  # the head is reviewed as usual
    assert result.redacted["body"].endswith(text[-5:])  # nothing of the text is dropped


def test_the_name_models_windows_are_counted():
    # a statement every 6 characters: the rules' work just fits their allowance, but the model would read
    # nearly every character, more than a model's allowance
    text = fill("，乙丙尿毒症")
    registry = WITH_MODEL.registry
    fld = FieldText("body", text)
    registry.scan(fld)
    assert registry.work_per_char == budget.MODEL_UNITS_PER_CHAR and RULES_ONLY.registry.work_per_char == 0
    assert sum(w for _, w in budget.spending(fld, registry.weight)) <= budget.allowed(len(text))
    assert not findings(RULES_ONLY.review("", text), "unreviewed")
    assert findings(WITH_MODEL.review("", text), "unreviewed")


def test_a_word_inside_a_longer_one_is_read_once():
    reviewer = RULES_ONLY
    fld = FieldText("body", "张三因患乳腺癌住院。")
    reviewer.registry.scan(fld)
    units = dict(budget.spending(fld, reviewer.registry.weight))
    start = fld.text.index("乳腺癌")
    assert units[start] == budget.PERSON_CUE_WEIGHT  # 乳腺癌: the name around it is read
    assert units[start + 1] == units[start + 2] == budget.TRIGGER_WEIGHT  # 腺癌, 癌 inside it


def test_the_model_is_asked_only_inside_the_counted_reach():
    model = SilentTagger()
    reviewer = RiskReviewer(name_tagger=model)
    title = "2024年临时救助对象名单公示"
    body = ("经审核，以下人员符合临时救助条件：\n" + relief_rows(40) + "\n经查，某某因病致贫，患尿毒症多年。\n"
            "序号｜姓名｜病种\n1｜某某｜肺癌\n2｜某甲｜白血病\n申请人王五提出申请。")
    reviewer.review(title, body)
    assert model.asked
    t, b = FieldText("title", title), FieldText("body", body)
    reviewer.registry.scan(t)
    reviewer.registry.scan(b)
    cues = reviewer.registry.get("person_name").cues
    reach = name_windows.reach(cues, t) + name_windows.reach(cues, b, t)
    for a, z in model.asked:
        assert any(ra <= a and z <= rz for ra, rz in reach), (a, z, body[a:z])


def relief_rows(n: int, seed: int = 5) -> str:
    """Invented 救助 rows: name, sex, age, village, illness, amount (about 50 characters each)."""
    rng = random.Random(seed)
    illnesses = ["尿毒症", "肺癌", "白血病", "精神分裂症", "肢体二级残疾", "糖尿病并发症", "脑梗塞后遗症", "乳腺癌"]
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "建国秀英志强丽娟海燕文华明亮春梅桂兰永红"
    rows = []
    for i in range(1, n + 1):
        name = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if i % 3 else "")
        rows.append(f"{i}. {name}，{'男' if i % 2 else '女'}，{rng.randint(20, 90)}岁，某某镇{rng.choice('东西南北')}村村民，"
                    f"因患{rng.choice(illnesses)}，家庭生活困难，给予临时救助{rng.randint(5, 50) * 100}元；")
    return "\n".join(rows)


@pytest.mark.parametrize("reviewer", [WITH_MODEL, RULES_ONLY], ids=["model", "rules"])
def test_a_long_relief_list_is_reviewed_whole(reviewer):
    # 2,000 recipients with their illnesses under a list title: the densest real list we know of
    title, intro = "2024年临时救助对象名单公示", "经审核，以下人员符合临时救助条件：\n"
    rows = relief_rows(2000).split("\n")
    result = reviewer.review(title, intro + "\n".join(rows))
    assert not findings(result, "unreviewed")
    # the same findings as 20 lists of 100 rows, each far below the budget
    parts = [reviewer.review(title, intro + "\n".join(rows[k:k + 100])) for k in range(0, 2000, 100)]
    for kind in ("health", "social_assistance"):
        assert len(findings(result, kind)) == sum(len(findings(r, kind)) for r in parts) > 1900
    # a name repeated in another part of the whole list is one more mention, never one less
    assert len(findings(result, "person_name")) >= sum(len(findings(r, "person_name")) for r in parts) > 1900


@pytest.mark.parametrize("reviewer", [WITH_MODEL, RULES_ONLY], ids=["model", "rules"])
def test_a_relief_list_of_any_length_fits_the_allowance_per_character(reviewer):
    # the fixed 20,000 units carry a short list; a list of any length must fit by its cost per character,
    # untitled (the title that names the list lets the rules tie statements to names more cheaply)
    title, body = FieldText("title", ""), FieldText("body", relief_rows(2000, seed=11))
    registry = reviewer.registry
    registry.scan(title)
    registry.scan(body)
    n = len(body.text)
    rules = sum(w for _, w in budget.spending(body, registry.weight, candidate_weight=registry.candidate_weight))
    work = sum(w for _, w in registry.work(body, title)) if registry.work_per_char else 0
    assert rules / n <= 0.9 * budget.UNITS_PER_CHAR
    assert (rules + work) / n <= 0.92 * (budget.UNITS_PER_CHAR + registry.work_per_char)


@pytest.mark.parametrize("reviewer", [WITH_MODEL, RULES_ONLY], ids=["model", "rules"])
def test_a_long_list_of_identifiers_is_reviewed_whole(reviewer):
    row = "{i}、张{c}明，身份证号{id}，手机1381234{i:04d}，住址某某区幸福路{i}号3栋2单元301室；"
    body = "\n".join(row.format(i=i, c="一二三四五六七八九"[i % 9], id=make_id(seq=f"{i % 1000:03d}"))
                     for i in range(10_000))
    result = reviewer.review("", body)
    assert not findings(result, "unreviewed")
    assert len(findings(result, "id_card")) == 10_000


def test_an_empty_item_is_not_asked_about():
    # "；" at the end of a row, then a new line: one item, one window (after its numbering)
    model = SilentTagger()
    body = "经审核，以下人员符合临时救助条件：\n1. 某某，因病致贫；\n2. 某乙，因残致贫；"
    RiskReviewer(name_tagger=model).review("2024年临时救助对象名单公示", body)
    for a, _ in model.asked:
        assert body[a] != "\n"


def test_the_models_allowance_is_not_spent_on_rules():
    # "学生" without end: the rules' work runs out of its own allowance; the name model's allowance
    # does not let the rules go further
    text = fill("学生")
    with_model = findings(WITH_MODEL.review("", text), "unreviewed")[0].start
    rules_only = findings(RULES_ONLY.review("", text), "unreviewed")[0].start
    assert 0 < with_model <= rules_only < len(text)
