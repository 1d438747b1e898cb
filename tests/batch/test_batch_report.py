"""``gongkai report``: the annual report's counts for a known archive, checked to add up."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import write_archive

from classifier.categories import CATEGORIES
from service.batch.report import ReportError, build_report, year_of

# The seed report's 2020 figures (docs/design.md section 1), in report order.
SEED_2020 = {"institution": 36, "policy": 29, "planning": 4, "work": 107, "finance": 17, "personnel": 28, "tender": 74}
SEED_SENTENCE = ("共主动公开政府信息295条。其中机构信息36条，政策文件29条，规划总结4条，工作信息107条，财政信息17条，"
                 "人事信息28条，招投标信息74条。")

ID_FINDING = {"ground": "privacy", "type": "id_card", "article": "第十五条", "action": "redact", "field": "body",
              "start": 5, "end": 23, "text": "…", "score": 1.0, "reason": "身份证号码", "replacement": "…"}
SECRET_FINDING = dict(ID_FINDING, ground="state_secret", type="secret_marking", article="第十四条", action="withhold")


def result_row(category, *, date="2020-05-01", needs_review=False, findings=(), error=None):
    verdict = "withhold" if any(f["action"] == "withhold" for f in findings) else ("redact" if findings else "publish")
    if error:
        return {"id": None, "date": date, "title": "", "category": None, "needs_review": None, "verdict": None,
                "findings": None, "error": error, "error_code": "empty_input"}
    return {"id": None, "date": date, "title": "…", "category": category, "needs_review": needs_review, "verdict": verdict,
            "findings": json.dumps(list(findings), ensure_ascii=False), "error": None, "error_code": None}


@pytest.fixture()
def known_archive(tmp_path):
    rows = []
    for code, count in SEED_2020.items():
        rows += [result_row(code, date=f"2020-{1 + i % 12:02d}-15") for i in range(count)]
    rows[0] = result_row("institution", needs_review=True)
    rows[40] = result_row("policy", date="2020年7月1日", findings=[ID_FINDING, dict(ID_FINDING, start=40, end=58)])
    rows[41] = result_row("policy", date="20201231", findings=[ID_FINDING], needs_review=True)
    rows.append(dict(result_row("policy", date="2020-06-30", findings=[ID_FINDING, SECRET_FINDING]),
                     id="gk-2020-0815", title="关于某工程的通知（机密★）"))  # published, must not be: listed apart
    rows += [result_row("work", date="2019-12-31")] * 5            # another year
    rows += [result_row("finance", date="2021/01/02")] * 3          # another year
    rows += [result_row("tender", date="不详")] * 2                  # no usable date
    rows += [result_row(None, error="标题和正文不能同时为空。", date="2020-03-03")] * 4  # not analysed
    return rows


@pytest.mark.parametrize("ext", [".jsonl", ".csv", ".parquet"])
def test_counts_of_a_known_archive_for_one_year(tmp_path, known_archive, ext):
    path = write_archive(tmp_path / f"out{ext}", known_archive)
    report = build_report(path, year=2020, date_column="date", cache_dir=tmp_path / "hf")
    assert report.categories == SEED_2020
    assert report.total == 295 and report.sentence() == SEED_SENTENCE
    assert report.needs_review == 2 and report.review_by_category["institution"] == 1
    assert report.failed == 4 and report.other_years == 8 and report.undated == 2
    assert report.ground_items == {"privacy": 3, "state_secret": 1}
    assert report.ground_findings == {"privacy": 4, "state_secret": 1}
    assert report.verdicts == {"publish": 293, "redact": 2, "withhold": 1}
    assert report.withheld == 1 and report.analysed == 296
    assert report.withheld_items == [{"row": 296, "id": "gk-2020-0815", "title": "关于某工程的通知（机密★）",
                                      "category": "policy", "grounds": ["state_secret"]}]


def test_every_category_once_in_order_and_the_total_adds_up(tmp_path, known_archive):
    report = build_report(write_archive(tmp_path / "o.jsonl", known_archive), cache_dir=tmp_path / "hf")
    sentence = report.sentence()
    positions = [sentence.index(name) for name in CATEGORIES.values()]
    assert positions == sorted(positions)
    assert all(sentence.count(name) == 1 for name in CATEGORIES.values())
    assert report.total == 295 + 10 == sum(report.categories.values())


def test_parts_that_do_not_add_up_are_refused(tmp_path, known_archive):
    rows = known_archive + [result_row("财政")]  # not one of the seven categories
    with pytest.raises(ReportError) as err:
        build_report(write_archive(tmp_path / "o.jsonl", rows), cache_dir=tmp_path / "hf")
    assert err.value.code == "counts_mismatch" and "'财政'" in err.value.message


def test_output_formats(tmp_path, known_archive):
    report = build_report(write_archive(tmp_path / "o.parquet", known_archive), year=2020, cache_dir=tmp_path / "hf")
    md = report.render("markdown")
    assert SEED_SENTENCE in md and "| 工作信息 | work | 107 | 0 |" in md and "| **合计** | | **295** | **2** |" in md
    assert "| 个人隐私 | 第十五条 | 3 | 4 |" in md and "其他年份 8 条、日期无法识别 2 条" in md
    assert "另有 1 条已公开但疑似不应公开" in md and "## 已公开但疑似不应公开（1 条，未计入主动公开条数）" in md
    assert "| 296 | gk-2020-0815 | 关于某工程的通知（机密★） | 政策文件 | 国家秘密（第十四条） |" in md
    rows = list(csv.DictReader(io.StringIO(report.render("csv"))))
    assert [r["code"] for r in rows if r["section"] == "category"] == list(CATEGORIES)
    assert next(r for r in rows if r["section"] == "total")["items"] == "295"
    assert next(r for r in rows if r["section"] == "withheld")["items"] == "1"
    assert next(r for r in rows if r["section"] == "withheld_item")["code"] == "gk-2020-0815"
    data = json.loads(report.render("json"))
    assert data["sentence"] == SEED_SENTENCE and data["total"] == 295 and data["date_column"] == "date"
    assert [c["count"] for c in data["categories"]] == list(SEED_2020.values())
    assert data["withheld"]["count"] == 1 and data["withheld"]["items"][0]["id"] == "gk-2020-0815"


def test_year_needs_a_date_column(tmp_path, known_archive):
    rows = [{k: v for k, v in r.items() if k != "date"} for r in known_archive]
    path = write_archive(tmp_path / "o.jsonl", rows)
    with pytest.raises(ReportError) as err:
        build_report(path, year=2020, cache_dir=tmp_path / "hf")
    assert "--date-column" in err.value.message
    with pytest.raises(ReportError):
        build_report(path, year=2020, date_column="发布日期", cache_dir=tmp_path / "hf")


@pytest.mark.parametrize("value,year", [
    ("2020-03-05", 2020), ("2020年3月5日", 2020), ("2020/3/5", 2020), (20200305, 2020), (2019, 2019),
    ("不详", None), (None, None), ("12345", None), (float("nan"), None),
])
def test_year_of(value, year):
    assert year_of(value) == year


def test_report_after_relabel_matches_the_relabel_summary(tmp_path, batch_analyzer, corpus_items, capsys):
    from service.batch.relabel import relabel
    from service.cli import main

    src = write_archive(tmp_path / "in.jsonl", corpus_items + [{"id": "x", "title": "", "body": ""}])
    out = tmp_path / "out.csv"
    summary = relabel(src, out, analyzer=batch_analyzer, num_proc=1, cache_dir=tmp_path / "hf", progress=False)
    assert main(["report", str(out), "--cache-dir", str(tmp_path / "hf")]) == 0
    text = capsys.readouterr().out
    counts = summary.to_dict()["categories"]
    expected = "共主动公开政府信息{}条。其中".format(sum(counts.values())) + "，".join(
        f"{name}{counts[code]}条" for code, name in CATEGORIES.items()) + "。"
    assert expected in text and "另有 1 条记录无法分析" in text
    assert main(["report", str(src), "--cache-dir", str(tmp_path / "hf")]) == 2  # not a relabelled archive
    assert "gongkai relabel" in capsys.readouterr().err


def test_findings_from_the_review_reach_the_report(tmp_path, batch_analyzer):
    pytest.importorskip("classifier.risk")
    from service.batch.relabel import relabel

    drafts = [{"id": "secret", "title": "关于某项目的通知 机密★5年", "body": "各单位：请按要求执行。"},
              {"id": "idcard", "title": "困难群众救助名单公示",
               "body": "申请人张某，身份证号11010519491231002X，住址略。"},
              {"id": "plain", "title": "青山县财政局2025年度部门预算", "body": ""}]
    src = write_archive(tmp_path / "in.jsonl", drafts)
    out = tmp_path / "out.jsonl"
    relabel(src, out, analyzer=batch_analyzer, num_proc=1, cache_dir=tmp_path / "hf", progress=False)
    report = build_report(out, cache_dir=tmp_path / "hf")
    assert report.ground_items["state_secret"] == 1 and report.ground_items["privacy"] >= 1
    assert report.verdicts["withhold"] == 1


def test_withhold_is_an_alarm_not_a_count_and_review_is_counted(tmp_path):
    review_finding = dict(ID_FINDING, ground="process_info", type="draft_marking", article="第十六条", action="review")
    rows = [result_row("work"), result_row("work"),
            dict(result_row("tender", findings=[SECRET_FINDING]), id="w1", title="标注机密★的招标文件"),
            dict(result_row("work", findings=[review_finding]), id="r1", title="某方案（征求意见稿）")]
    rows[3]["verdict"] = "review"
    report = build_report(write_archive(tmp_path / "o.jsonl", rows), year=2020, cache_dir=tmp_path / "hf")
    assert report.total == 3 and report.categories["tender"] == 0 and report.categories["work"] == 3
    assert report.withheld == 1 and report.review == 1
    assert report.sentence().startswith("共主动公开政府信息3条。")
    md = report.render("markdown")
    assert "| 3 | w1 | 标注机密★的招标文件 | 招投标信息 | 国家秘密（第十四条） |" in md
    assert "已计入的条目中有 1 条审查结论为“需人工审核”" in md
    clean = build_report(write_archive(tmp_path / "c.jsonl", rows[:2]), cache_dir=tmp_path / "hf")
    assert "疑似不应公开" not in clean.render("markdown") and clean.withheld == 0


def test_report_reads_a_gb18030_csv_and_a_misspelt_date_column_is_named(tmp_path, known_archive, capsys):
    from service.cli import main

    utf8 = write_archive(tmp_path / "o.csv", known_archive)
    gb = tmp_path / "gb.csv"
    gb.write_bytes(utf8.read_text(encoding="utf-8").encode("gb18030"))
    report = build_report(gb, year=2020, date_column="date", cache_dir=tmp_path / "hf")
    assert report.categories == SEED_2020 and report.withheld == 1
    assert main(["report", str(gb), "--year", "2020", "--date-column", "dat", "--cache-dir", str(tmp_path / "hf")]) == 2
    err = capsys.readouterr().err
    assert "没有 --date-column 指定的列 'dat'" in err and "是不是 'date'" in err and "现有列：id、date、" in err
