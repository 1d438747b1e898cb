"""The category model's promises: site label maps, evidence words from the draft, a confirming body,
reproducible bundles, a train command that says where the bundle is, the 议事协调机构 convention.

Every title and body here is invented for the test.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from classifier import Analyzer
from classifier.categories import LabelMapError, category_code, load_label_map
from service.cli import main
from training.data import load_labelled

ROOT = Path(__file__).resolve().parents[1]


def write_map(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- label maps --------------------------------------------------------------------------------
def test_category_code_accepts_codes_chinese_names_and_aliases():
    assert category_code("tender") == "tender"
    assert category_code("招投标信息") == "tender"
    assert category_code(" 人事信息 ") == "personnel"
    assert category_code("规划计划") == "planning"
    assert category_code("工作动态") == "work"
    assert category_code("图片新闻") is None and category_code(None) is None


def test_label_map_maps_columns_by_chinese_name_or_code_and_lists_the_rest(tmp_path):
    m = load_label_map(write_map(tmp_path / "栏目映射.toml", """
field = "栏目"
ignore = ["图片新闻"]
[columns]
"人事任免" = "人事信息"
"部门预决算" = "finance"
"重点领域/招标采购" = "招投标信息"
"""))
    assert m.field == "栏目"
    assert m.lookup("人事任免") == "personnel"
    assert m.lookup("部门预决算") == "finance"
    # a path-like 栏目 matches its most specific mapped part
    assert m.lookup("青山县:信息公开/重点领域/招标采购") == "tender"
    assert m.lookup("信息公开/法定主动公开内容/部门预决算") == "finance"
    codes, unmapped, ignored = m.apply(["人事任免", "领导之窗", "图片新闻", "领导之窗", None])
    assert codes == ["personnel", None, None, None, None]
    assert unmapped == {"领导之窗": 2, "None": 1}
    assert ignored == {"图片新闻": 1}


@pytest.mark.parametrize("text, fragment", [
    ('[columns]\n"人事任免" = "人事新闻"\n', "人事新闻"),          # not a category: never guessed
    ('field = "栏目"\n', "[columns]"),                              # nothing mapped
    ('[columns]\n"a" = "work"\n[extra]\nx = 1\n', "extra"),        # unknown section
    ('ignore = ["a"]\n[columns]\n"a" = "work"\n', "ignore"),       # both mapped and ignored
    ('[columns\n', "TOML"),                                         # broken file
])
def test_a_bad_label_map_is_refused_with_a_chinese_message(tmp_path, text, fragment):
    with pytest.raises(LabelMapError) as err:
        load_label_map(write_map(tmp_path / "m.toml", text))
    assert fragment in err.value.message and err.value.code == "label_map_invalid"


def test_a_missing_label_map_is_reported(tmp_path):
    with pytest.raises(LabelMapError) as err:
        load_label_map(tmp_path / "无此文件.toml")
    assert err.value.code == "file_not_found"


def test_load_labelled_uses_the_map_for_files_with_the_column_and_counts_unmapped(tmp_path):
    archive = tmp_path / "本站存档.jsonl"
    rows = [{"title": "关于王某同志任职的通知", "栏目": "人事任免"},
            {"title": "青山县水利局2024年度部门预算", "栏目": "部门预决算"},
            {"title": "县长调研春耕生产", "栏目": "领导活动"}]
    archive.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    written = tmp_path / "语料.jsonl"
    written.write_text(json.dumps({"title": "青山县政府采购意向公开", "label": "招投标信息"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    m = load_label_map(write_map(tmp_path / "m.toml", '[columns]\n"人事任免" = "人事信息"\n"部门预决算" = "财政信息"\n'))
    report: dict = {}
    records = load_labelled([archive, written], label_map=m, mapping_report=report)
    assert [(r["label"], r["site"]) for r in records] == [("personnel", True), ("finance", True), ("tender", False)]
    assert report["mapped"] == 2 and report["unmapped"] == {"领导活动": 1}


# --- evidence words and a confirming body ------------------------------------------------------
DRAFTS = [
    {"title": "关于张某某同志任职的通知", "body": "各科室：经局党组研究决定，张某某同志任办公室主任，试用期一年。"},
    {"title": "青山县交通运输局2025年度部门预算", "body": "一、部门职责。二、收支预算总表。三、“三公”经费预算。"},
    {"title": "青山县城区道路改造工程（二期）中标结果公告", "body": "项目编号：QS-2025-018。中标人：某某建设有限公司。"},
    {"title": "关于印发《青山县河道管理办法》的通知", "body": "各乡镇人民政府，县直各单位：现将《办法》印发给你们，请认真贯彻执行。"},
    {"title": "", "body": "本周六上午九点，县图书馆举办亲子阅读活动，欢迎市民参加。"},
    {"title": "机密★ 关于做好见习基地推荐工作的通知", "body": "各单位：请于本月底前报送，联系人：李某，电话略。"},
    {"title": "红队3比1逆转客场取胜", "body": "第78分钟，替补前锋头球破门。"},
]


def test_evidence_words_are_pieces_of_the_draft(analyzer):
    for result, draft in zip(analyzer.analyze_many(DRAFTS), DRAFTS):
        text = draft["title"] + "\n" + draft["body"]
        terms = [e["term"] for e in result["explanation"]]
        assert all(term in text for term in terms), (draft["title"], terms)
        assert all(e["weight"] > 0 for e in result["explanation"])
    # and there is evidence to show for a clear case
    assert analyzer.analyze(DRAFTS[1])["explanation"]


@pytest.mark.parametrize("title, body", [
    ("关于王某某同志职务任免的通知", "各镇（街道）：经县委研究决定，任命王某某同志为县农业农村局副局长；免去李某某同志县农业农村局副局长职务。"),
    ("青山县2025年公开招聘事业单位工作人员拟聘用人员公示", "根据公开招聘工作安排，经笔试、面试、考察和体检，拟聘用以下人员，公示期七个工作日。"),
    ("青山县教育局2024年度部门决算", "第一部分 部门概况；第二部分 2024年度部门决算表；第三部分 部门决算情况说明。"),
])
def test_a_body_that_agrees_never_lowers_the_confidence(analyzer, title, body):
    alone = analyzer.analyze({"title": title})
    both = analyzer.analyze({"title": title, "body": body})
    assert both["category"] == alone["category"]
    assert both["confidence"] >= alone["confidence"]
    assert both["needs_review"] <= alone["needs_review"]


@pytest.mark.parametrize("title", [
    "关于成立青山县乡村振兴工作领导小组的通知",
    "关于调整青山县安全生产委员会组成人员的通知",
    "关于撤销部分县级议事协调机构的通知",
    "关于成立青山县防汛抗旱指挥部的通知",
    "关于建立青山县就业工作联席会议制度并调整成员的通知",
])
def test_coordinating_bodies_are_institution_information(analyzer, title):
    assert analyzer.analyze({"title": title})["category"] == "institution"


# --- training: reproducible, says where the bundle is, adapts to a site ------------------------
def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_training_twice_gives_byte_identical_bundles(tmp_path, small_corpus):
    """Same corpus and options -> same bytes, also from another process with another hash seed."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-m", "service.cli", "train", "--corpus", str(small_corpus), "--name", "small"]
    subprocess.run(cmd + ["--out", str(tmp_path / "a")], check=True, capture_output=True, env=env, cwd=tmp_path)
    env["PYTHONHASHSEED"] = "4242"
    subprocess.run(cmd + ["--out", str(tmp_path / "b")], check=True, capture_output=True, env=env, cwd=ROOT)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert set(digest(tmp_path / "a")) == {"model.joblib", "manifest.json"}


def test_train_says_where_the_bundle_is_and_how_to_use_it(tmp_path, small_corpus, capsys):
    out = tmp_path / "本站模型"
    assert main(["train", "--corpus", str(small_corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"模型包已写入：{out.resolve()}" in printed
    assert "GONGKAI_MODEL_DIR" in printed and "--model" in printed
    assert "当前生效的模型仍是" in printed


def test_train_keeps_the_other_files_of_an_existing_bundle(tmp_path, small_corpus):
    from classifier.bundle import verify_bundle
    from training.train import train

    out = tmp_path / "m"
    out.mkdir()
    (out / "names.crfsuite").write_bytes(b"an invented name model")
    sha = hashlib.sha256(b"an invented name model").hexdigest()
    (out / "manifest.json").write_text(json.dumps({
        "files": {"names.crfsuite": {"sha256": sha, "bytes": 22}, "model.joblib": {"sha256": "old", "bytes": 1}},
        "name_model": {"file": "names.crfsuite", "f1": 0.5}, "threshold": 0.1}), encoding="utf-8")
    manifest = train(corpus=[small_corpus], out=out, log=lambda _: None)
    assert manifest["files"]["names.crfsuite"]["sha256"] == sha
    assert manifest["name_model"] == {"file": "names.crfsuite", "f1": 0.5}
    assert manifest["threshold"] != 0.1
    assert verify_bundle(out)["files"].keys() == {"model.joblib", "names.crfsuite"}


def site_archive(tmp_path: Path) -> Path:
    """An invented site whose items carry the site's own 栏目, one of which the map does not cover."""
    rows = []
    for place in ("东坪", "西河", "南岭", "北山", "石桥", "柳溪", "梅岭", "松原", "白石", "青云", "丰乐", "平湖"):
        rows.append({"title": f"关于{place}镇党委书记职务任免的通知", "栏目": "信息公开/人事任免"})
        rows.append({"title": f"{place}镇人民政府2025年度部门预算", "栏目": "信息公开/预决算公开"})
        rows.append({"title": f"{place}镇道路养护项目竞争性磋商公告", "栏目": "信息公开/采购信息"})
        rows.append({"title": f"县领导到{place}镇调研重点项目", "栏目": "信息公开/领导活动"})
    path = tmp_path / "本站存档.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_adapting_to_a_site_with_a_label_map(tmp_path, small_corpus):
    from training.train import train

    archive = site_archive(tmp_path)
    label_map = load_label_map(write_map(tmp_path / "栏目映射.toml", """
[columns]
"人事任免" = "人事信息"
"预决算公开" = "财政信息"
"采购信息" = "招投标信息"
"""))
    messages: list[str] = []
    manifest = train(corpus=[small_corpus, archive], out=tmp_path / "m", label_map=label_map, log=messages.append)
    text = "\n".join(messages)
    assert "未映射的栏目 1 个" in text and "信息公开/领导活动：12 条" in text
    assert "之前" in text and "之后" in text
    assert manifest["corpus"]["site_records"] == 36
    assert "site_heldout_after" in manifest["metrics"]
    assert 0.5 <= manifest["threshold"] <= 0.99
    adapted = Analyzer.load(tmp_path / "m")
    assert adapted.analyze({"title": "关于某某同志职务任免的通知"})["category"] == "personnel"


def test_evaluate_relabel_and_report_take_the_label_map(tmp_path, capsys):
    archive = site_archive(tmp_path)
    map_path = write_map(tmp_path / "栏目映射.toml", '[columns]\n"人事任免" = "人事信息"\n"预决算公开" = "财政信息"\n'
                                                      '"采购信息" = "招投标信息"\n')
    assert main(["evaluate", str(archive), "--label-map", str(map_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["n"] == 36
    assert "领导活动" in captured.err

    out = tmp_path / "新存档.jsonl"
    assert main(["relabel", str(archive), "-o", str(out), "--label-map", str(map_path), "--no-progress",
                 "--num-proc", "1", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["label_column"] == "栏目"
    assert main(["report", str(archive), "--label-map", str(map_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    counts = {c["code"]: c["count"] for c in report["categories"]}
    assert counts["personnel"] == 12 and counts["finance"] == 12 and counts["tender"] == 12
    assert report["unmapped"] == {"信息公开/领导活动": 12}


def test_real_sources_choose_the_threshold_leave_one_source_out(tmp_path, small_corpus):
    """Two invented "sites" with their own 栏目 and reviewed maps: each is predicted by a model that never saw it."""
    from training.train import real_sources, train

    sources = tmp_path / "sources"
    sources.mkdir()
    places = ("东坪", "西河", "南岭", "北山", "石桥", "柳溪", "梅岭", "松原", "白石", "青云")
    for name, column in (("甲县", "栏目"), ("乙市", "channel")):
        rows = []
        for place in places:
            rows.append({"title": f"{name}{place}镇2025年度部门决算", column: "财政预决算"})
            rows.append({"title": f"关于{name}{place}镇镇长职务任免的通知", column: "人事信息/任免"})
            rows.append({"title": f"{name}{place}镇农贸市场改造项目中标结果公示", column: "采购公告"})
            rows.append({"title": f"{name}{place}镇召开安全生产工作会议", column: "图片新闻"})
        (sources / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                             encoding="utf-8")
        write_map(sources / f"{name}.toml", f'field = "{column}"\nignore = ["图片新闻"]\n[columns]\n'
                                            '"财政预决算" = "财政信息"\n"任免" = "人事信息"\n"采购公告" = "tender"\n')
    found = real_sources(sources)
    assert [name for name, _, _ in found] == ["乙市", "甲县"]
    messages: list[str] = []
    manifest = train(corpus=[small_corpus], out=tmp_path / "m", sources=found, log=messages.append)
    text = "\n".join(messages)
    assert "留一来源评估" in text and "按映射忽略的栏目 1 个" in text
    table = manifest["metrics"]["leave_one_source_out"]
    assert set(table) == {"甲县", "乙市"} and all(m["n"] == 30 for m in table.values())
    assert manifest["corpus"]["sources"]["甲县"]["records"] == 30
    assert 0.5 <= manifest["threshold"] <= 0.99


def test_a_source_map_without_its_archive_is_refused(tmp_path):
    from training.data import DataError
    from training.train import real_sources

    write_map(tmp_path / "丙区.toml", '[columns]\n"人事任免" = "人事信息"\n')
    with pytest.raises(DataError) as err:
        real_sources(tmp_path)
    assert err.value.code == "file_not_found"
