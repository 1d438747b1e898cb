"""The common-word list: built from jieba's dictionary, with the words jieba tags as names that HanLP's core
dictionary lists as everyday words; and what the review reads with it."""

from __future__ import annotations

from classifier.risk.data.build_common_words import build, common_in_hanlp
from classifier.risk.words import common_words
from tests.assertions import findings, review

JIEBA = "许可 623 nr\n王明 368 nr\n黄石 2709 nr\n支持 50000 v\n荣誉 2877 nr\n罕见 12 a\n江泽民 2415 nr\n"
HANLP = "许可\tvn\t489\n黄石\tns\t62\n荣誉\tn\t742\tnr\t1\n支持\tv\t900\n"


def test_a_name_tag_of_jieba_gives_way_to_hanlps_everyday_word(tmp_path):
    jieba, hanlp = tmp_path / "dict.txt", tmp_path / "core.txt"
    jieba.write_text(JIEBA, encoding="utf-8")
    hanlp.write_text(HANLP, encoding="utf-8")
    words = dict(build(jieba, 30, 3000, common_in_hanlp(hanlp)))
    assert "许可" in words and words["许可"] == 623  # jieba's frequency is kept
    assert "支持" in words
    # a real name (absent from HanLP), a place (ns) and a word HanLP also tags as a name stay out; so does a rare word
    assert not {"王明", "黄石", "荣誉", "罕见", "江泽民"} & set(words)
    assert set(dict(build(jieba, 30, 3000))) == {"支持"}  # without HanLP: jieba's tags alone


def test_the_shipped_list_holds_the_everyday_words_jieba_tags_as_names():
    words = common_words()
    assert {"许可", "康复", "查明", "申请人", "幼儿园"} <= set(words)
    assert "王明" not in words


def test_an_everyday_word_is_no_name():
    body = "唐小勇  萍阳北路步行街入口  2024.6.1—2025.5.31   准予许可（申请人为下肢残疾人，优先安排）"
    assert "许可" not in [f.text for f in findings(review(body, "临时占道经营许可审批结果公示"), "person_name")]
