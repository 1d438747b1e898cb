"""The statement model: a learned second reading of private statements the rules tie to no one.

Listed and hash-checked in the bundle, wired into the reviewer, asked only about unreported
statements, its findings say a model judged them, bounded on hostile input, reproducible build."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from classifier import Analyzer
from classifier.analyzer import load_reviewer
from classifier.bundle import MANIFEST_FILE, STATEMENT_MODEL, sha256_file, verify_bundle
from classifier.errors import ModelError
from classifier.risk import RiskReviewer
from classifier.risk.registry import STATEMENT_RECOGNIZERS
from classifier.risk.statement_model import FORMAT, StatementModel, features
from service.cli import main

# no name anywhere: the rules cannot tie the illness to a person
UNTIED = "经入户核查，该村一组村民，因患尿毒症长期透析，家庭生活困难。"


def manifest_of(path: Path) -> dict:
    return json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))


def statement_recognizers(reviewer):
    return [r for r in reviewer.registry.recognizers if type(r) in STATEMENT_RECOGNIZERS]


def always(p: float = 0.9, threshold: float = 0.8) -> StatementModel:
    """A model that reads every statement as said of a person with probability ``p``."""
    import math

    return StatementModel({}, math.log(p / (1 - p)), threshold)


def test_shipped_bundle_lists_the_statement_model(default_bundle_dir):
    manifest = verify_bundle(default_bundle_dir)
    section = manifest[STATEMENT_MODEL]
    path = default_bundle_dir / section["file"]
    assert manifest["files"][section["file"]]["sha256"] == sha256_file(path)
    assert 0 < section["threshold"] < 1 and section["features"] > 1000
    held = section["metrics"]["heldout"]
    assert held["added"] > 0 and held["added_gold"] <= held["added"]


def test_analyzer_passes_the_statement_model_to_the_statement_recognizers(analyzer):
    model = analyzer.reviewer.statement_model
    assert isinstance(model, StatementModel)
    recognizers = statement_recognizers(analyzer.reviewer)
    assert {r.TYPE for r in recognizers} == {"health", "social_assistance", "criminal_record", "religion", "address"}
    assert all(r.statement_model is model for r in recognizers)


def test_tampered_statement_model_is_refused(bundle_copy):
    name = manifest_of(bundle_copy)[STATEMENT_MODEL]["file"]
    with open(bundle_copy / name, "a", encoding="utf-8") as fh:
        fh.write(" ")
    with pytest.raises(ModelError) as exc:
        Analyzer.load(bundle_copy)
    assert exc.value.code == "model_tampered"


def test_statement_model_not_listed_in_files_is_refused(bundle_copy):
    manifest = manifest_of(bundle_copy)
    del manifest["files"][manifest[STATEMENT_MODEL]["file"]]
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelError) as exc:
        load_reviewer(bundle_copy)
    assert exc.value.code == "manifest_invalid" and "陈述判断模型" in exc.value.message


def test_bundle_without_statement_model_loads_rules_only(bundle_copy):
    manifest = manifest_of(bundle_copy)
    name = manifest.pop(STATEMENT_MODEL)["file"]
    del manifest["files"][name]
    (bundle_copy / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    (bundle_copy / name).unlink()
    reviewer = load_reviewer(bundle_copy)
    assert reviewer.statement_model is None
    assert all(r.statement_model is None for r in statement_recognizers(reviewer))


@pytest.mark.parametrize("data", [[], {"format": FORMAT, "bias": 0, "threshold": 0.8, "weights": []},
                                  {"format": "other", "bias": 0, "threshold": 0.8, "weights": {}},
                                  {"format": FORMAT, "bias": "0", "threshold": 0.8, "weights": {}},
                                  {"format": FORMAT, "bias": 0, "threshold": 0.8, "weights": {"ty=health": "1"}}])
def test_malformed_model_file_is_a_chinese_error(tmp_path, data):
    path = tmp_path / "statements.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError) as exc:
        StatementModel.load(path)
    assert exc.value.code == "model_invalid" and "陈述判断模型" in exc.value.message


def test_an_untied_statement_is_reported_only_through_the_model():
    assert not [f for f in RiskReviewer().review("", UNTIED).findings if f.type == "health"]
    found = [f for f in RiskReviewer(statement_model=always()).review("", UNTIED).findings if f.type == "health"]
    assert len(found) == 1
    f = found[0]
    assert "尿毒症" in UNTIED[f.start:f.end] and f.action == "review"
    assert "模型判断" in f.reason and "请核实" in f.reason and f.score == pytest.approx(0.9)
    # below the threshold it says nothing
    quiet = RiskReviewer(statement_model=always(0.7)).review("", UNTIED).findings
    assert not [f for f in quiet if f.type == "health"]


# a flat with no private cue and no room: the rules leave it (a building's entrance may be anyone's)
UNCUED_ADDRESS = "经核查，某某区和平路18号5栋2单元门前长期堆放杂物，已督促清理。"


def test_an_address_the_rules_leave_is_reported_only_through_the_model():
    assert not [f for f in RiskReviewer().review("", UNCUED_ADDRESS).findings if f.type == "address"]
    found = [f for f in RiskReviewer(statement_model=always()).review("", UNCUED_ADDRESS).findings if f.type == "address"]
    assert len(found) == 1
    f = found[0]
    assert UNCUED_ADDRESS[f.start:f.end].startswith("某某区和平路18号")
    assert f.action == "redact" and f.replacement is not None  # redacted like any home address
    assert "模型判断为个人住址" in f.reason and "请核实" in f.reason


def test_the_address_rules_name_their_cues_to_the_model():
    seen = []

    class Spy(StatementModel):
        READS_REPORTED = True

        def says_about_person(self, kind, doc, fld, hit, reported=False, extra=()):
            seen.append((kind, reported, tuple(extra)))
            return None

    RiskReviewer(statement_model=Spy({}, 0.0, 0.8)).review("", "申请人住址：某某区和平路18号5栋2单元301室。")
    kinds = [(k, r, e) for k, r, e in seen if k == "address"]
    assert kinds and kinds[0][1] is True  # the rules report it (a 住址 cue)
    assert "address.private=True" in kinds[0][2] and any(x.startswith("address.cue=") for x in kinds[0][2])


def test_the_model_is_not_asked_about_what_the_rules_report():
    asked = []

    class Spy(StatementModel):
        def says_about_person(self, kind, doc, fld, hit, reported=False, extra=()):
            asked.append((kind, reported))
            return None

    reviewer = RiskReviewer(statement_model=Spy({}, 0.0, 0.8))
    result = reviewer.review("", "低保对象：张秀英，因患肺癌住院治疗。")
    assert [f.type for f in result.findings if f.type == "health"] == ["health"]  # the rules report it
    assert all(not reported for _, reported in asked) and ("health", False) not in asked


def test_features_read_a_bounded_neighbourhood():
    reviewer = RiskReviewer()
    recorded = []

    class Recorder(StatementModel):
        def says_about_person(self, kind, doc, fld, hit, reported=False, extra=()):
            recorded.append(features(kind, doc, fld, hit, reported, extra=extra))
            return None

    reviewer = RiskReviewer(statement_model=Recorder({}, 0.0, 1.0))
    short = "患尿毒症"
    reviewer.review("标题" * 10, "前文" * 5000 + short + "后文" * 5000)
    far = recorded[-1]
    recorded.clear()
    reviewer.review("标题" * 10, "前文" * 50 + short + "后文" * 50)
    assert far == recorded[-1]  # 10,000 characters away change nothing


@pytest.mark.parametrize("unit", ["患尿毒症", "诊断为", "信仰佛教", "因患肺癌｜", "张三患尿毒症", "和平路18号5栋"])
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
    from training import statements

    monkeypatch.setattr(statements, "TRAIN_SETS", ("2", "100"))  # one set trains the check, one measures it
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    e1 = statements.train_statement_model(first)
    e2 = statements.train_statement_model(second)
    assert (first / e1["file"]).read_bytes() == (second / e2["file"]).read_bytes()
    assert e1["sha256"] == e2["sha256"] == sha256_file(first / e1["file"])
    assert e1["examples"] > 100 and 0 < e1["positives"] < e1["examples"]
    assert e1["metrics"]["heldout"]["unreported_statements"] > 0
    StatementModel.load(first / e1["file"])  # what it writes, it reads

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shipped = manifest_of(default_bundle_dir)
    (bundle / MANIFEST_FILE).write_text(json.dumps({"name": "x", "files": {"model.joblib": shipped["files"]["model.joblib"]},
                                                    "libraries": shipped["libraries"]}), encoding="utf-8")
    manifest = statements.register(bundle, e1)
    assert manifest["files"]["model.joblib"] == shipped["files"]["model.joblib"]
    assert manifest["files"][e1["file"]]["sha256"] == e1["sha256"]
    assert manifest[STATEMENT_MODEL]["metrics"] == e1["metrics"] and "sha256" not in manifest[STATEMENT_MODEL]


def test_cli_refuses_a_folder_that_is_not_a_bundle(tmp_path, capsys):
    assert main(["train-statements", "--out", str(tmp_path / "nowhere")]) == 2
    assert "manifest.json" in capsys.readouterr().err


def test_shipped_statement_model_matches_the_sets_in_the_repository(default_bundle_dir):
    """A training set changed without `gongkai train-statements`: rebuild the model."""
    from training import statements

    assert statements.data_hash() == manifest_of(default_bundle_dir)[STATEMENT_MODEL]["training_data_sha256"]


def test_the_address_second_reading_is_counted_in_the_budget():
    from classifier.risk import budget

    with_model = RiskReviewer(statement_model=always(0.5))
    assert with_model.registry.candidate_weight["house"] == budget.CANDIDATE_WEIGHT["house"] + budget.SECOND_READING_WEIGHT
    assert RiskReviewer().registry.candidate_weight["house"] == budget.CANDIDATE_WEIGHT["house"]
    # house numbers without end: the rules alone fit the budget, with a second reading of each they do not
    text = "幸福路1号" * 20_000
    assert not [f for f in RiskReviewer().review("", text).findings if f.type == "unreviewed"]
    cut = [f for f in with_model.review("", text).findings if f.type == "unreviewed"]
    assert len(cut) == 1 and cut[0].end == len(text)
