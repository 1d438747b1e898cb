"""``GONGKAI_API_KEYS`` / ``GONGKAI_API_KEYS_FILE``: names for keys, checked at start-up with Chinese messages."""

from __future__ import annotations

import pytest

from service.settings import SettingsError, get_settings


def test_named_keys_from_the_variable_the_file_and_the_single_key(tmp_path, monkeypatch):
    keys = tmp_path / "keys.txt"
    keys.write_text("# 审核组\n李审核 = key-li-2\n\n赵科长=key-zhao-3\n", encoding="utf-8")
    monkeypatch.setenv("GONGKAI_API_KEYS", "王编辑=key-wang-1")
    monkeypatch.setenv("GONGKAI_API_KEYS_FILE", str(keys))
    monkeypatch.setenv("GONGKAI_API_KEY", "key-single-0")
    settings = get_settings()
    assert settings.named_keys == {"默认": b"key-single-0", "王编辑": b"key-wang-1", "李审核": b"key-li-2",
                                   "赵科长": b"key-zhao-3"}
    assert settings.auth_enabled
    assert "key-wang-1" not in repr(settings)  # secrets stay out of logs


@pytest.mark.parametrize("overrides, fragment", [
    ({"api_keys": "王编辑"}, "第 1 项应为“名字=密钥”"),
    ({"api_keys": "王编辑=,李审核=k"}, "第 1 项应为“名字=密钥”"),
    ({"api_keys": "王编辑=k1,王编辑=k2"}, "重复"),
    ({"api_keys": "王编辑=k1,李审核=k1"}, "重复"),
    ({"api_key": "k1", "api_keys": "王编辑=k1"}, "重复"),
    ({"api_keys_file": "/nonexistent/keys.txt"}, "无法读取密钥文件"),
    ({"keep_text": "maybe"}, "GONGKAI_KEEP_TEXT"),
])
def test_bad_named_keys_are_refused_in_chinese(overrides, fragment):
    with pytest.raises(SettingsError) as caught:
        get_settings(**overrides)
    assert fragment in caught.value.message and caught.value.message.startswith("服务配置有误：")


def test_no_keys_means_no_auth(monkeypatch):
    for name in ("GONGKAI_API_KEY", "GONGKAI_API_KEYS", "GONGKAI_API_KEYS_FILE"):
        monkeypatch.delenv(name, raising=False)
    settings = get_settings(api_keys="  ")
    assert settings.named_keys == {} and not settings.auth_enabled
