"""Analyzer: the record contract of docs/design.md sections 3.1-3.2, batching and input errors."""

from __future__ import annotations

import json

import pytest

from classifier import InputError
from classifier.records import Record
from classifier.categories import CODES

TITLES = [
    # (title, expected category) — invented titles, one per kind
    ("青山县财政局2025年度部门预算", "finance"),
    ("关于王建华等同志职务任免的通知", "personnel"),
    ("东湖街道办事处办公设备采购项目询价公告", "tender"),
    ("石门市人民政府办公室关于印发《石门市城市道路占用挖掘管理办法》的通知", "policy"),
    ("河西区2024年政府信息公开工作年度报告", "planning"),
]


@pytest.mark.parametrize("title,expected", TITLES)
def test_title_only_records_are_classified(analyzer, title, expected):
    result = analyzer.analyze({"title": title})
    assert result["category"] == expected
    assert result["confidence"] == max(result["scores"].values())


def test_result_follows_the_contract(analyzer):
    result = analyzer.analyze({"id": "a-1", "title": "青山县财政局2025年度部门预算", "body": "一、部门主要职责……"})
    assert result["id"] == "a-1"
    assert result["category"] in CODES and result["category_name"] == "财政信息"
    assert set(result["scores"]) == set(CODES)
    assert abs(sum(result["scores"].values()) - 1) < 0.02 or sum(result["scores"].values()) < 1
    assert isinstance(result["needs_review"], bool)
    assert result["verdict"] in {"publish", "redact", "review", "withhold"}
    assert isinstance(result["findings"], list)
    assert set(result["redacted"]) == {"title", "body"}
    assert result["model"]["name"] == "default" and result["model"]["version"]


def test_explanation_names_the_telling_words(analyzer):
    result = analyzer.analyze({"title": "青山县财政局2025年度部门预算"})
    terms = "".join(e["term"] for e in result["explanation"])
    assert "预算" in terms
    assert all(e["weight"] > 0 for e in result["explanation"])


def test_body_only_and_text_alias(analyzer):
    body = "各有关单位：现将2025年笔试成绩和综合成绩予以公示，公示期五个工作日。拟聘用人员名单附后。"
    a = analyzer.analyze({"body": body})
    b = analyzer.analyze({"text": body})
    assert a["category"] == b["category"] == "personnel"


def test_batch_keeps_order_and_matches_single_calls(analyzer):
    records = [{"id": str(i), "title": t} for i, (t, _) in enumerate(TITLES)]
    batch = analyzer.analyze_many(records)
    assert [r["id"] for r in batch] == [str(i) for i in range(len(TITLES))]
    for record, result in zip(records, batch):
        assert analyzer.analyze(record)["scores"] == result["scores"]


@pytest.mark.parametrize(
    "record,code",
    [
        ({"title": "", "body": ""}, "empty_input"),  # both empty
        ({"title": "   ", "body": "\n"}, "empty_input"),  # only whitespace
        ({}, "empty_input"),
        ({"title": 42}, "wrong_type"),  # a number where text should be
        ("just a string", "not_an_object"),
        ({"title": "标题", "body": "字" * 300_000}, "input_too_long"),  # oversized
    ],
)
def test_bad_input_is_a_clear_error(analyzer, record, code):
    with pytest.raises(InputError) as err:
        analyzer.analyze(record)
    assert err.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)  # the message is Chinese


def test_a_batch_answers_record_by_record_by_default(analyzer):
    unreadable = InputError("这一行不是合法的 JSON：缺少引号", "invalid_json")
    results = analyzer.analyze_many([{"id": "ok", "title": "青山县财政局2025年度部门预算"}, {"id": "bad", "title": ""},
                                     unreadable, {"id": 3, "title": "关于召开防汛工作会议的通知"}])
    assert results[0]["category"] == "finance" and results[3]["id"] == "3" and results[3]["category"]
    assert results[1] == {"id": "bad", "error": {"code": "empty_input", "message": "标题和正文不能同时为空。"}}
    assert results[2] == {"id": None, "error": {"code": "invalid_json", "message": "这一行不是合法的 JSON：缺少引号"}}


def test_a_batch_can_still_raise_on_the_first_bad_record(analyzer):
    with pytest.raises(InputError) as err:
        analyzer.analyze_many([{"title": "青山县财政局2025年度部门预算"}, {"title": 3}], on_error="raise")
    assert err.value.code == "wrong_type"


@pytest.mark.parametrize("record, field", [
    ({"title": "t", "body": "正文\ud800"}, "body"),
    ({"title": "\udfff标题"}, "title"),
    ({"id": "a\ud83d", "title": "t"}, "id"),        # half of an emoji pair
    ({"text": "x\udc80y"}, "body"),                 # as Python's surrogateescape leaves undecodable bytes
])
def test_lone_surrogates_are_invalid_text(analyzer, record, field):
    with pytest.raises(InputError) as err:
        Record.parse(record)
    assert err.value.code == "invalid_text" and f"字段 {field}" in err.value.message and "U+D" in err.value.message
    with pytest.raises(InputError):
        analyzer.analyze(record)
    (answer,) = analyzer.analyze_many([record])
    assert answer["error"]["code"] == "invalid_text"
    json.dumps(answer, ensure_ascii=False).encode("utf-8")  # the answer itself can always be written


def test_news_that_is_not_a_disclosure_item_goes_to_review(analyzer):
    result = analyzer.analyze({"title": "湖人加时险胜勇士 詹姆斯砍下三双"})
    assert result["needs_review"] is True
