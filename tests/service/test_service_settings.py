"""Settings: GONGKAI_* environment variables, validated at start-up with a Chinese message."""

from __future__ import annotations


import pytest
from fastapi.testclient import TestClient
from service_helpers import ID_NUMBER, MARKING, PLAIN_DRAFT, RISKY_DRAFT, make_settings

from classifier import ModelError
from service.app import create_app
from service.settings import Settings, SettingsError, get_settings

ALL_VARS = [f"GONGKAI_{name.upper()}" for name in Settings.model_fields]


@pytest.fixture()
def env(monkeypatch):
    for name in ALL_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults(env):
    s = get_settings()
    assert (s.model_dir, s.api_key, s.threshold) == (None, None, None)
    assert (s.max_body_bytes, s.max_batch, s.max_chars) == (1_000_000, 100, 200_000)
    assert (s.mask_char, s.mask_styles, s.threads) == ("*", {}, 4)
    assert (s.heavy_chars, s.body_timeout) == (20_000, 5.0)
    assert s.auth_enabled is False


def test_read_from_the_environment(env, tmp_path):
    env.setenv("GONGKAI_MODEL_DIR", str(tmp_path))
    env.setenv("GONGKAI_API_KEY", "s3cr3t-value")
    env.setenv("GONGKAI_THRESHOLD", "0.7")
    env.setenv("GONGKAI_MAX_BODY_BYTES", "2048")
    env.setenv("GONGKAI_MAX_BATCH", "5")
    env.setenv("GONGKAI_MASK_STYLES", '{"mobile": ["replace", {"value": "[手机号]"}]}')
    s = get_settings()
    assert s.model_dir == tmp_path and s.api_key.get_secret_value() == "s3cr3t-value" and s.auth_enabled
    assert (s.threshold, s.max_body_bytes, s.max_batch) == (0.7, 2048, 5)
    assert s.mask_styles == {"mobile": ("replace", {"value": "[手机号]"})}
    assert "s3cr3t" not in repr(s)  # the key is a secret: never printed


@pytest.mark.parametrize("name, value, fragment", [
    ("GONGKAI_THRESHOLD", "1.5", "GONGKAI_THRESHOLD（复核阈值）：不能大于 1"),
    ("GONGKAI_THRESHOLD", "高", "GONGKAI_THRESHOLD（复核阈值）：必须是数字"),
    ("GONGKAI_MAX_BATCH", "0", "GONGKAI_MAX_BATCH（批量条数上限）：不能小于 1"),
    ("GONGKAI_MAX_BODY_BYTES", "1MB", "GONGKAI_MAX_BODY_BYTES（请求体上限）：必须是数字"),
    ("GONGKAI_MASK_CHAR", "**", "GONGKAI_MASK_CHAR（遮盖字符）：必须正好是一个字符"),
    ("GONGKAI_MASK_STYLES", "mobile=replace", "GONGKAI_MASK_STYLES（遮盖样式）：必须是 JSON 对象"),
    ("GONGKAI_BODY_TIMEOUT", "0", "GONGKAI_BODY_TIMEOUT（请求体接收时限）：必须大于 0"),
    ("GONGKAI_HEAVY_CHARS", "10", "GONGKAI_HEAVY_CHARS（大请求的字符数）：不能小于 1000"),
    # operator parameters are checked against what each operator declares, at start-up
    ("GONGKAI_MASK_STYLES", '{"mobile": ["mask", {"keep": 3}]}',
     "GONGKAI_MASK_STYLES（遮盖样式）：mobile：遮盖操作 mask 没有参数 'keep'（可用的参数：keep_first、keep_last）"),
    ("GONGKAI_MASK_STYLES", '{"mobile": ["mask", {"keep_first": "3"}]}', "参数 keep_first 应为整数，收到 '3'"),
    ("GONGKAI_MASK_STYLES", '{"id_card": ["mask", {"keep_last": -2}]}', "id_card：遮盖操作 mask 的参数 keep_last 不能为负数"),
    ("GONGKAI_MASK_STYLES", '{"plate": ["replace", {"value": 5}]}', "参数 value 应为文本"),
    ("GONGKAI_MASK_STYLES", '{"email": ["redact", {"value": "x"}]}', "没有参数 'value'（可用的参数：无）"),
    ("GONGKAI_MASK_STYLES", '{"mobile": ["smudge", {}]}', "遮盖操作 'smudge' 不存在"),
])
def test_bad_values_are_explained_in_chinese(env, name, value, fragment):
    env.setenv(name, value)
    with pytest.raises(SettingsError) as info:
        get_settings()
    assert info.value.code == "invalid_settings"
    assert info.value.message.startswith("服务配置有误：") and fragment in info.value.message


def test_create_app_reads_the_environment(env, analyzer):
    env.setenv("GONGKAI_MAX_BATCH", "2")
    with TestClient(create_app(analyzer=analyzer)) as client:
        response = client.post("/v1/analyze/batch", json=[PLAIN_DRAFT] * 3)
        assert response.status_code == 422 and response.json()["error"]["code"] == "batch_too_large"


def test_a_missing_model_folder_stops_the_start(tmp_path):
    with pytest.raises(ModelError) as info:
        with TestClient(create_app(make_settings(model_dir=tmp_path / "nope"))):
            pass
    assert "找不到模型目录" in info.value.message


def test_good_operator_parameters_are_accepted(env):
    env.setenv("GONGKAI_MASK_STYLES", '{"mobile": ["mask", {"keep_first": 2, "keep_last": 2}], '
                                      '"person_name": ["name", {"keep_first": null}], "email": [null, {}]}')
    assert get_settings().mask_styles["mobile"] == ("mask", {"keep_first": 2, "keep_last": 2})


def test_python_callers_get_the_check_too():
    from classifier.risk import RiskSettings

    with pytest.raises(ValueError, match="没有参数 'keep'"):
        RiskSettings(styles={"mobile": ("mask", {"keep": 3})})


def test_mask_settings_reach_the_redacted_text(default_bundle_dir):
    styles = {"id_card": ("replace", {"value": "[身份证号]"})}
    with TestClient(create_app(make_settings(model_dir=default_bundle_dir, mask_styles=styles))) as client:
        out = client.post("/v1/redact", json={**RISKY_DRAFT, "body": RISKY_DRAFT["body"].replace(MARKING, "")}).json()
    assert "[身份证号]" in out["body"] and ID_NUMBER not in out["body"]


def test_settings_are_frozen():
    with pytest.raises(Exception):
        Settings().max_batch = 3
