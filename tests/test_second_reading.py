"""The second reading: a learned model reads again what the rules leave, and withdraws some of what they report.

Listed and hash-checked in the bundle, wired into the registry, asked about reported triggers only where it
may withdraw them, its findings say a model judged them, counted in the budget, bounded on hostile input,
reproducible build."""

from __future__ import annotations

import json
import time

import pytest

from classifier import Analyzer
from classifier.analyzer import load_reviewer
from classifier.bundle import SECOND_READING, sha256_file, verify_bundle
from classifier.errors import ModelError
from classifier.risk import RiskReviewer
from classifier.risk.second_reading import FORMAT, SecondReading
from service.cli import main
from tests.assertions import Spy, always, manifest_of, write_manifest

# no name anywhere: the rules cannot tie the illness to a person
UNTIED = "经入户核查，该村一组村民，因患尿毒症长期透析，家庭生活困难。"


def test_shipped_bundle_lists_the_second_reading(default_bundle_dir):
    manifest = verify_bundle(default_bundle_dir)
    section = manifest[SECOND_READING]
    path = default_bundle_dir / section["file"]
    assert manifest["files"][section["file"]]["sha256"] == sha256_file(path)
    assert 0 < section["threshold"] < 1 and section["features"] > 1000
    held = section["metrics"]["heldout"]
    assert held["added"] > 0 and held["added_gold"] <= held["added"]


def test_analyzer_passes_the_second_reading_to_the_registry(analyzer):
    model = analyzer.reviewer.second_reading
    assert isinstance(model, SecondReading)
    registry = analyzer.reviewer.registry
    assert registry.second_reading is model and registry.get("address").second_reading is model
    modes = {r.TYPE: r.SECOND_READING for r in registry.recognizers if r.SECOND_READING}
    assert {t for t, m in modes.items() if m == "add"} == {"health", "social_assistance", "criminal_record", "religion",
                                                           "secrecy_marking", "minor"}
    assert {"internal_marking", "draft_marking", "personal_evaluation", "trade_secret_marking"} <= {
        t for t, m in modes.items() if m == "both"}
    assert "id_card" not in modes and "person_name" not in modes


def test_tampered_second_reading_is_refused(bundle_copy):
    name = manifest_of(bundle_copy)[SECOND_READING]["file"]
    with open(bundle_copy / name, "a", encoding="utf-8") as fh:
        fh.write(" ")
    with pytest.raises(ModelError) as exc:
        Analyzer.load(bundle_copy)
    assert exc.value.code == "model_tampered"


def test_second_reading_not_listed_in_files_is_refused(bundle_copy):
    manifest = manifest_of(bundle_copy)
    del manifest["files"][manifest[SECOND_READING]["file"]]
    write_manifest(bundle_copy, manifest)
    with pytest.raises(ModelError) as exc:
        load_reviewer(bundle_copy)
    assert exc.value.code == "manifest_invalid" and "二次判读模型" in exc.value.message


def test_bundle_without_second_reading_loads_rules_only(bundle_copy):
    manifest = manifest_of(bundle_copy)
    name = manifest.pop(SECOND_READING)["file"]
    del manifest["files"][name]
    write_manifest(bundle_copy, manifest)
    (bundle_copy / name).unlink()
    reviewer = load_reviewer(bundle_copy)
    assert reviewer.second_reading is None and reviewer.registry.second_reading is None
    assert reviewer.registry.get("address").second_reading is None


GOOD = {"format": FORMAT, "bias": 0, "threshold": 0.8, "drop_below": 0.1, "weights": {}}


@pytest.mark.parametrize("data", [[], {**GOOD, "weights": []}, {**GOOD, "format": "other"}, {**GOOD, "bias": "0"},
                                  {k: v for k, v in GOOD.items() if k != "drop_below"},
                                  {**GOOD, "weights": {"ty=health": "1"}}])
def test_malformed_model_file_is_a_chinese_error(tmp_path, data):
    path = tmp_path / "second_reading.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError) as exc:
        SecondReading.load(path)
    assert exc.value.code == "model_invalid" and "二次判读模型" in exc.value.message


def test_an_untied_statement_is_reported_only_through_the_model():
    assert not [f for f in RiskReviewer().review("", UNTIED).findings if f.type == "health"]
    found = [f for f in RiskReviewer(second_reading=always()).review("", UNTIED).findings if f.type == "health"]
    assert len(found) == 1
    f = found[0]
    assert "尿毒症" in UNTIED[f.start:f.end] and f.action == "review"
    assert "模型判断" in f.reason and "请核实" in f.reason and f.score == pytest.approx(0.9)
    # below the threshold it says nothing
    quiet = RiskReviewer(second_reading=always(0.7)).review("", UNTIED).findings
    assert not [f for f in quiet if f.type == "health"]


# a flat with no private cue and no room: the rules leave it (a building's entrance may be anyone's)
UNCUED_ADDRESS = "经核查，某某区和平路18号5栋2单元门前长期堆放杂物，已督促清理。"


def test_an_address_the_rules_leave_is_reported_only_through_the_model():
    assert not [f for f in RiskReviewer().review("", UNCUED_ADDRESS).findings if f.type == "address"]
    found = [f for f in RiskReviewer(second_reading=always()).review("", UNCUED_ADDRESS).findings if f.type == "address"]
    assert len(found) == 1
    f = found[0]
    assert UNCUED_ADDRESS[f.start:f.end].startswith("某某区和平路18号")
    assert f.action == "redact" and f.replacement is not None  # redacted like any home address
    assert "模型判断为个人住址" in f.reason and "请核实" in f.reason


def test_the_address_rules_name_their_cues_to_the_model():
    spy = Spy(reads_reported=True)
    RiskReviewer(second_reading=spy).review("", "申请人住址：某某区和平路18号5栋2单元301室。")
    kinds = [(k, r, e) for k, r, e, _ in spy.asked if k == "address"]
    assert kinds and kinds[0][1] is True  # the rules report it (a 住址 cue)
    assert "address.private=True" in kinds[0][2] and any(x.startswith("address.cue=") for x in kinds[0][2])


def test_the_model_is_asked_about_a_reported_statement_only_when_training():
    spy = Spy()
    result = RiskReviewer(second_reading=spy).review("", "低保对象：张秀英，因患肺癌住院治疗。")
    assert [f.type for f in result.findings if f.type == "health"] == ["health"]  # the rules report it
    assert ("health", True) not in [(k, r) for k, r, _, _ in spy.asked]
    recorder = Spy(reads_reported=True)
    RiskReviewer(second_reading=recorder).review("", "低保对象：张秀英，因患肺癌住院治疗。")
    assert ("health", True) in [(k, r) for k, r, _, _ in recorder.asked]


# harmless on its own: "秘密" in a figure of speech, which the rules leave
SECRET_WORD = "他说，勤能补拙是成功的秘密。"
INTERNAL = "本材料为内部资料，请勿外传。"


def test_a_marking_the_rules_leave_is_reported_only_through_the_model():
    assert not [f for f in RiskReviewer().review("", SECRET_WORD).findings if f.type == "secrecy_marking"]
    found = [f for f in RiskReviewer(second_reading=always()).review("", SECRET_WORD).findings
             if f.type == "secrecy_marking"]
    assert len(found) == 1 and SECRET_WORD[found[0].start:found[0].end] == "秘密"
    assert "模型判断" in found[0].reason and "请核实" in found[0].reason


def test_a_reported_marking_is_withdrawn_only_when_the_model_is_sure():
    assert [f for f in RiskReviewer().review("", INTERNAL).findings if f.type == "internal_marking"]
    assert [f for f in RiskReviewer(second_reading=always(0.5)).review("", INTERNAL).findings
            if f.type == "internal_marking"]  # unsure: the rules stand
    assert not [f for f in RiskReviewer(second_reading=always(0.02)).review("", INTERNAL).findings
                if f.type == "internal_marking"]
    # a statement and a state-secret marking are never withdrawn ("add" only)
    told = "低保对象：张秀英，因患肺癌住院治疗。"
    assert [f for f in RiskReviewer(second_reading=always(0.02)).review("", told).findings if f.type == "health"]
    secret = RiskReviewer(second_reading=always(0.02)).review("机密★5年", "关于某项工作的通知")
    assert [f for f in secret.findings if f.type == "secrecy_marking"] and secret.verdict == "withhold"


# a villager named with no private cue: the rules leave the name (a meeting may name anyone)
UNTIED_NAME = "村民王建国在座谈会上发言，建议加快修路。"
PRIVATE_NAME = "低保对象张秀英，因患肺癌住院治疗。"


def test_a_name_the_rules_leave_is_reported_only_through_the_model():
    names = lambda result: [f for f in result.findings if f.type == "person_name"]  # noqa: E731
    assert not names(RiskReviewer().review("", UNTIED_NAME))
    assert not names(RiskReviewer(second_reading=always(0.7)).review("", UNTIED_NAME))  # below the threshold
    found = names(RiskReviewer(second_reading=always()).review("", UNTIED_NAME))
    assert [UNTIED_NAME[f.start:f.end] for f in found] == ["王建国"]
    f = found[0]
    assert f.action == "review" and f.replacement is not None  # masked like any private name
    assert "模型判断" in f.reason and "请核实" in f.reason and f.score == pytest.approx(0.9)


def test_a_private_name_is_withdrawn_only_when_the_model_is_sure():
    names = lambda text, model: [text[f.start:f.end] for f in RiskReviewer(second_reading=model).review("", text).findings  # noqa: E731
                                 if f.type == "person_name"]
    assert names(PRIVATE_NAME, None) == names(PRIVATE_NAME, always(0.5)) == ["张秀英"]  # unsure: the rules stand
    withdrawn = RiskReviewer(second_reading=always(0.02)).review("", PRIVATE_NAME).findings
    assert not [f for f in withdrawn if f.type == "person_name"]
    assert [f for f in withdrawn if f.type == "health"]  # the statement itself stays ("add" only)
    # a child's name is never withdrawn: the age said of it makes it one
    child = "学生王小明（9岁）在校外溺水。"
    assert names(child, always(0.02)) == ["王小明"]


def test_the_person_rules_name_their_cues_to_the_model():
    spy = Spy()
    RiskReviewer(second_reading=spy).review("", PRIVATE_NAME)
    asked = [(r, e) for k, r, e, _ in spy.asked if k == "person_name"]
    assert len(asked) == 1 and asked[0][0] is True  # reported by the rules, asked all the same (it may withdraw)
    assert {"pn.cue=低保对象", "pn.sensitive", "pn.linked"} <= set(asked[0][1])


def test_the_names_read_again_are_bounded_by_the_drafts_length():
    from classifier.risk import budget

    text = "患者张三，" * 4000  # a name every five characters: far more names than a real list holds
    spy = Spy()
    RiskReviewer(second_reading=spy).review("", text)
    asked = sum(1 for k, *_ in spy.asked if k == "person_name")
    assert asked == budget.person_readings(len(text)) < 4000
    short = Spy()
    RiskReviewer(second_reading=short).review("", "患者张三，患者李四。")
    assert sum(1 for k, *_ in short.asked if k == "person_name") == 2  # every name of an ordinary draft


def test_the_triggers_read_again_are_bounded_by_the_fields_length(monkeypatch):
    from classifier.risk import budget

    text = "家中长期因患尿毒症需要静养休息。" * 1200  # statements no rule ties to anyone, within the work allowance
    spy = Spy()
    assert not [f for f in RiskReviewer(second_reading=spy).review("", text).findings if f.type == "unreviewed"]
    asked = sum(1 for k, *_ in spy.asked if k != "person_name")  # (one allowance for every trigger of the field)
    assert asked == budget.trigger_readings(len(text)) < 1200
    draft = UNTIED + "另一户村民因患肺癌住院治疗。"
    bounded, unbounded = Spy(), Spy()
    RiskReviewer(second_reading=bounded).review("", draft)
    monkeypatch.setattr(budget, "TRIGGER_READINGS", 10**9)
    RiskReviewer(second_reading=unbounded).review("", draft)
    assert len(bounded.asked) == len(unbounded.asked) > 0  # every trigger of an ordinary draft is read again


def test_a_trigger_the_model_reads_every_time_costs_more_budget():
    from classifier.risk import budget

    plain, reading = RiskReviewer().registry, RiskReviewer(second_reading=always(0.5)).registry
    internal = next(ts for w, ts in plain._words if w == "内部资料")
    secret = next(ts for w, ts in plain._words if w == "秘密")
    illness = next(ts for w, ts in plain._words if w == "尿毒症")
    assert reading.weight(internal) == plain.weight(internal) + budget.SECOND_READING_WEIGHT
    assert reading.weight(secret) == plain.weight(secret) + budget.SECOND_READING_WEIGHT  # "add", read when left
    assert reading.weight(illness) == plain.weight(illness)  # a statement: its person-cue weight covers it


def test_features_read_a_bounded_neighbourhood():
    spy = Spy()
    reviewer = RiskReviewer(second_reading=spy)
    short = "患尿毒症"
    reviewer.review("标题" * 10, "前文" * 5000 + short + "后文" * 5000)
    far = spy.asked[-1][3]
    spy.asked.clear()
    reviewer.review("标题" * 10, "前文" * 50 + short + "后文" * 50)
    assert far == spy.asked[-1][3]  # 10,000 characters away change nothing


@pytest.mark.parametrize("unit", ["患尿毒症", "诊断为", "信仰佛教", "因患肺癌｜", "张三患尿毒症", "和平路18号5栋",
                                  "秘密", "内部资料", "综合单价", "请示", "14岁", "初二（3）班", "2016年出生"])
def test_second_reading_time_grows_linearly(unit):
    reviewer = load_reviewer()
    small, large = unit * (20_000 // len(unit)), unit * (160_000 // len(unit))

    def timed(text: str) -> float:
        t0 = time.process_time()
        reviewer.review(text[:5000], text)
        return time.process_time() - t0

    timed(small)
    t_small = max(timed(small), 1e-3)
    t_large = timed(large)
    assert t_large < 24 * t_small + 0.5, (unit, t_small, t_large)  # quadratic would be ~64x


# ---- the build ------------------------------------------------------------------------------------
def test_build_is_byte_identical_and_registers(tmp_path, default_bundle_dir, monkeypatch):
    from training import second_reading as statements

    monkeypatch.setattr(statements, "TRAIN_SETS", ("2", "100"))  # one set trains the check, one measures it
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    e1 = statements.train_second_reading(first)
    e2 = statements.train_second_reading(second)
    assert (first / e1["file"]).read_bytes() == (second / e2["file"]).read_bytes()
    assert e1["sha256"] == e2["sha256"] == sha256_file(first / e1["file"])
    assert e1["examples"] > 100 and 0 < e1["positives"] < e1["examples"]
    assert "training/corpus" in e1["training_sets"]
    assert e1["metrics"]["heldout"]["unreported"] > 0 and e1["drop_below"] < e1["threshold"]
    SecondReading.load(first / e1["file"])  # what it writes, it reads

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shipped = manifest_of(default_bundle_dir)
    write_manifest(bundle, {"name": "x", "files": {"model.joblib": shipped["files"]["model.joblib"]},
                            "libraries": shipped["libraries"]})
    manifest = statements.register(bundle, e1)
    assert manifest["files"]["model.joblib"] == shipped["files"]["model.joblib"]
    assert manifest["files"][e1["file"]]["sha256"] == e1["sha256"]
    assert manifest[SECOND_READING]["metrics"] == e1["metrics"] and "sha256" not in manifest[SECOND_READING]


def test_cli_refuses_a_folder_that_is_not_a_bundle(tmp_path, capsys):
    assert main(["train-second-reading", "--out", str(tmp_path / "nowhere")]) == 2
    assert "manifest.json" in capsys.readouterr().err


def test_shipped_second_reading_matches_the_sets_in_the_repository(default_bundle_dir):
    """A training set changed without `gongkai train-second-reading`: rebuild the model."""
    from training import second_reading as statements

    assert statements.data_hash() == manifest_of(default_bundle_dir)[SECOND_READING]["training_data_sha256"]


def test_the_address_second_reading_is_counted_in_the_budget():
    from classifier.risk import budget

    with_model = RiskReviewer(second_reading=always(0.5))
    assert with_model.registry.candidate_weight["house"] == budget.CANDIDATE_WEIGHT["house"] + budget.SECOND_READING_WEIGHT
    assert RiskReviewer().registry.candidate_weight["house"] == budget.CANDIDATE_WEIGHT["house"]
    # house numbers without end: the rules alone fit the budget, with a second reading of each they do not
    text = "幸福路1号" * 20_000
    assert not [f for f in RiskReviewer().review("", text).findings if f.type == "unreviewed"]
    cut = [f for f in with_model.review("", text).findings if f.type == "unreviewed"]
    assert len(cut) == 1 and cut[0].end == len(text)
