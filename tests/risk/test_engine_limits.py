"""No coverage caps; a bound on total work turns hostile input into ``review`` with a reason.

Also the registry: recognizers can be added and removed, and the scanners follow.
"""

from classifier.risk import RiskReviewer
from classifier.risk.budget import allowed
from classifier.risk.lexicon import load_lexicon
from classifier.risk.plate import PlateRecognizer
from classifier.risk.registry import RecognizerRegistry
from classifier.risk.settings import RiskSettings
from tests.assertions import findings, make_id, review


def test_no_cap_per_word():
    # far more than the former 400 occurrences per word: every row's statement is reported
    rows = [f"{i + 1}. 患者张{'一二三四五六七八九'[i % 9]}{'甲乙丙丁戊己庚辛壬癸'[i // 9 % 10]}，诊断为糖尿病。" for i in range(1200)]
    result = review("\n".join(rows))
    assert len(findings(result, "health")) == 1200
    assert not findings(result, "unreviewed")


def test_hostile_density_becomes_review_with_a_reason():
    body = "申请人身份证号" + make_id() + "。\n" + "学生" * 200_000
    result = review(body)
    cut = findings(result, "unreviewed")
    assert len(cut) == 1 and result.verdict == "review"
    f = cut[0]
    assert f.action == "review" and f.end == len(body) and "未逐一审查" in f.reason and "需人工审核" in f.reason
    assert body[f.start:f.end] == f.text
    assert findings(result, "id_card")  # what comes before the cut is reviewed as usual
    assert result.redacted["body"].endswith("学生")  # nothing is dropped from the text


def test_budget_grows_with_the_text():
    assert allowed(1_000_000) > 10 * allowed(10_000) / 2


def test_registry_add_and_remove():
    lexicon = load_lexicon()
    settings = RiskSettings()
    registry = RecognizerRegistry.default(lexicon, settings)
    assert registry.get("plate") is not None
    assert registry.remove("plate") == 1 and registry.get("plate") is None
    reviewer = RiskReviewer()
    reviewer.registry = registry
    assert not findings(reviewer.review("", "车主驾驶京A·12345号车辆违停。"), "plate")
    registry.add(PlateRecognizer(lexicon, settings))
    assert findings(reviewer.review("", "车主驾驶京A·12345号车辆违停。"), "plate")
    assert registry.remove(PlateRecognizer) == 1
