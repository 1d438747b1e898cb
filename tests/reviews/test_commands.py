"""``gongkai reviews export`` / ``exemptions`` / ``migrate`` and ``gongkai train --feedback``."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import datetime, timezone

from tests.reviews.conftest import DRAFT, MOBILE, PLAIN
from sqlalchemy import insert

from classifier.records import Record
from service.cli import main
from service.reviews import open_store
from service.reviews.export import HEADER
from service.reviews.models import Review

MARKED = {"id": "cms-marked", "title": "关于防汛物资调配的通知", "body": "机密★5年\n各乡镇：现将防汛物资调配方案印发给你们。"}


def test_export_writes_one_row_per_review_with_its_final_decision(sqlite_url, analyzer, tmp_path, capsys):
    store = open_store(sqlite_url)
    record = Record.parse(DRAFT)
    analysis = analyzer.analyze(record)
    first = store.create(analysis, record, "王编辑")["review_id"]
    store.decide(first, "李审核", "withhold", note="先不公开")
    store.decide(first, "赵科长", "redact", note="=HYPERLINK(\"http://x\")遮盖后公开")
    store.dismiss(first, 0, "李审核", "误报")
    with store.engine.begin() as connection:  # a review of 2024 (rows cannot be updated: inserted as it was)
        old = connection.execute(insert(Review).values(
            created_at=datetime(2024, 6, 30, 20, 0, tzinfo=timezone.utc), created_by="王编辑", content_sha256="0" * 64,
            title_sha256="1" * 64, category="finance", confidence=0.9, needs_review=False, verdict="publish",
            findings=[]).returning(Review.id)).scalar_one()
    store.close()

    out = tmp_path / "审查记录.csv"
    assert main(["reviews", "--database", sqlite_url, "export", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == HEADER and len(rows) == 3
    row = dict(zip(HEADER, rows[1]))
    assert row["审查编号"] == str(first) and row["记录编号"] == DRAFT["id"] and row["提交人"] == "王编辑"
    assert row["最终决定"] == "去标识化后公开" and row["决定人"] == "赵科长"
    assert row["决定说明"] == "'=HYPERLINK(\"http://x\")遮盖后公开"  # shown as text by a spreadsheet, never run
    assert row["工具结论"] == "去标识化后公开" and row["个人隐私"] == str(len(analysis["findings"]))
    assert row["国家秘密"] == "0" and row["驳回数"] == "1"
    old_row = dict(zip(HEADER, rows[2]))
    assert old_row["最终决定"] == "未决定" and old_row["审查时间"] == "2024-07-01 04:00:00"  # Beijing time

    assert main(["reviews", "--database", sqlite_url, "export", "--year", "2024", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [str(old)]
    assert "已导出 1 条" in capsys.readouterr().err


def test_repeated_dismissals_become_a_reviewable_agency_lexicon(sqlite_url, analyzer, tmp_path):
    from classifier import Analyzer
    from classifier.risk import RiskSettings, load_lexicon

    store = open_store(sqlite_url)
    mobile_index = None
    for i, who in enumerate(("王编辑", "李审核", "李审核")):
        record = Record.parse(DRAFT | {"id": f"cms-{i}"})
        analysis = analyzer.analyze(record)
        mobile_index = next(n for n, f in enumerate(analysis["findings"]) if f["type"] == "mobile")
        rid = store.create(analysis, record, who)["review_id"]
        store.dismiss(rid, mobile_index, who, "本单位值班电话\n（公开）", value=MOBILE)
        id_index = next(n for n, f in enumerate(analysis["findings"]) if f["type"] == "id_card")
        if i == 0:  # once only: below the threshold
            store.dismiss(rid, id_index, who, "测试号码", value=analysis["findings"][id_index]["text"])
        store.dismiss(rid, id_index, who, "没附原文")  # cannot become an exemption
    marked = analyzer.analyze(MARKED)
    secret = next(n for n, f in enumerate(marked["findings"]) if f["ground"] == "state_secret")
    for i in range(2):  # a secrecy marking is never exempted, however often dismissed
        rid = store.create(marked, Record.parse(MARKED | {"id": f"m-{i}"}), "王编辑")["review_id"]
        store.dismiss(rid, secret, "王编辑", "已解密", value=marked["findings"][secret]["text"])
    store.close()

    out = tmp_path / "本单位词表.toml"
    assert main(["reviews", "--database", sqlite_url, "exemptions", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["exempt"]["terms"] == [MOBILE]
    assert "3 条记录中驳回 3 次" in text and "王编辑、李审核" in text and "本单位值班电话 （公开）" in text
    assert load_lexicon(out).exempt >= {MOBILE}  # the existing agency lexicon format

    exempted = Analyzer.load(risk_settings=RiskSettings(lexicon_paths=(str(out),))).analyze(DRAFT)
    assert "mobile" not in {f["type"] for f in exempted["findings"]}
    assert "id_card" in {f["type"] for f in exempted["findings"]}

    assert main(["reviews", "--database", sqlite_url, "exemptions", "--min", "1", "-o", str(out)]) == 0
    assert len(tomllib.loads(out.read_text(encoding="utf-8"))["exempt"]["terms"]) == 2


def test_migrate_and_bad_arguments(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert main(["reviews", "--database", url, "migrate"]) == 0
    assert "0003" in capsys.readouterr().err
    assert main(["reviews", "--database", "nonsense", "export", "-o", str(tmp_path / "x.csv")]) == 2
    assert "数据库地址" in capsys.readouterr().err
    assert main(["reviews", "--database", url, "export", "--year", "25", "-o", str(tmp_path / "x.csv")]) == 2
    assert main(["reviews", "--database", url, "exemptions", "--min", "0", "-o", str(tmp_path / "x.toml")]) == 2


def test_train_feedback_adds_corrections_reported_separately(sqlite_url, analyzer, tmp_path, capsys):
    from classifier.categories import CODES
    from training.data import load_labelled

    picked = []
    records = load_labelled()
    for code in CODES:
        picked += [r for r in records if r["label"] == code][:12]
    corpus = tmp_path / "small.jsonl"
    corpus.write_text("".join(json.dumps({k: r[k] for k in ("title", "body", "label")}, ensure_ascii=False) + "\n"
                              for r in picked), encoding="utf-8")

    store = open_store(sqlite_url)
    towns = "青山 白水 石门 柳溪 桃源 松岗 梅林 竹园 杏花 枫桥 荷塘 兰亭".split()
    titles = [f"{town}镇卫生院拟聘用人员名单公示" for town in towns]
    for i, title in enumerate(titles):
        record = Record.parse({"id": f"fb-{i}", "title": title})
        rid = store.create(analyzer.analyze(record), record, "王编辑")["review_id"]
        store.correct_category(rid, "李审核", "work" if i == 0 else "personnel")
        store.correct_category(rid, "李审核", "personnel", title=title)  # the latest correction counts
    untitled = store.create(analyzer.analyze(PLAIN), Record.parse(PLAIN), "王编辑")["review_id"]
    store.correct_category(untitled, "李审核", "finance")  # no title sent, text not kept: not usable
    store.close()

    out = tmp_path / "model"
    assert main(["train", "--corpus", str(corpus), "--out", str(out), "--feedback", "--database", sqlite_url]) == 0
    printed = capsys.readouterr().out
    assert "13 条类别更正，可用于训练 12 条（1 条没有标题或原文" in printed and "编辑更正：12 条加入训练" in printed
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    feedback = manifest["metrics"]["feedback"]
    assert feedback["records"] == 12 and feedback["heldout"]["n"] == 2 and 0 <= feedback["heldout"]["accuracy"] <= 1
    assert manifest["corpus"]["feedback"]["records"] == 12 and manifest["corpus"]["records"] == len(picked)
    assert manifest["metrics"]["heldout"]["n"] > 0  # the corpus figures are still reported on their own


def test_exempt_strings_are_written_as_valid_toml_whatever_they_contain():
    from service.reviews.exemptions import Candidate, Proposal, render

    odd = ['他说"好"', "C:\\路径", "一\t二", "del\x7f", "换\n行", "＃井号 # 注释"]
    text = render(Proposal([Candidate(t, records={"a", "b"}, dismissals=2, who=["王编辑\n"], reasons=["理由\r\n"],
                                      types=["name"]) for t in odd]), 2)
    assert tomllib.loads(text)["exempt"]["terms"] == odd
