"""Agency lexicon files: sensitive terms, exemptions and word-list additions without code changes."""

import pytest

from classifier.risk import LexiconError, RiskReviewer, RiskSettings, load_lexicon

AGENCY = """
[[sensitive]]
term = "东湖水库坝体坐标"
ground = "security_stability"
reason = "重要设施位置"

[[sensitive]]
term = "某某专案"
ground = "state_secret"

[exempt]
terms = ["13900001111", "0571-87000000"]

[terms]
health = ["尘肺病"]
surnames = ["禤"]
"""


@pytest.fixture()
def agency_file(tmp_path):
    path = tmp_path / "agency.toml"
    path.write_text(AGENCY, encoding="utf-8")
    return path


def test_sensitive_terms_and_exemptions(agency_file):
    reviewer = RiskReviewer(RiskSettings(lexicon_paths=(str(agency_file),)))
    result = reviewer.review("通报", "附东湖水库坝体坐标。值班手机13900001111，家庭电话0571-87000000。")
    types = [(f.type, f.ground, f.action) for f in result.findings]
    assert types == [("agency_term", "security_stability", "review")]
    assert "重要设施位置" in result.findings[0].reason
    assert reviewer.review("", "某某专案材料").verdict == "withhold"  # state_secret defaults to withhold


def test_word_list_additions(agency_file):
    reviewer = RiskReviewer(RiskSettings(lexicon_paths=(str(agency_file),)))
    result = reviewer.review("", "患者禤志强，诊断为尘肺病。")
    assert {f.type for f in result.findings} == {"person_name", "health"}


def test_defaults_untouched_without_file():
    assert RiskReviewer().review("", "附东湖水库坝体坐标。").findings == ()


def test_exemption_matches_whole_tokens_only(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[exempt]\nterms = ["12345"]\n', encoding="utf-8")
    reviewer = RiskReviewer(RiskSettings(lexicon_paths=(str(path),)))
    assert [f.type for f in reviewer.review("", "号牌粤B12345的轿车").findings] == ["plate"]


@pytest.mark.parametrize("content, message", [
    ("[[sensitive]]\nground = 'privacy'\n", "缺少 term"),
    ("[[sensitive]]\nterm = 'x'\nground = 'nonsense'\n", "ground"),
    ("[exempt]\nterms = 'x'\n", "字符串列表"),
    ("not = [valid", "TOML"),
])
def test_bad_files_have_chinese_errors(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def test_missing_file():
    with pytest.raises(LexiconError, match="找不到词表文件"):
        load_lexicon("/nonexistent/agency.toml")
