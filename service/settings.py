"""Settings of the HTTP service, read from ``GONGKAI_*`` environment variables and validated at start-up.

=============================  ===================================================  ============
variable                       meaning                                              default
=============================  ===================================================  ============
``GONGKAI_MODEL_DIR``          model bundle folder                                  models/default
``GONGKAI_API_KEY``            when set, ``/v1/*`` requires it                      (off)
``GONGKAI_THRESHOLD``          confidence below which a result needs review         the model's
``GONGKAI_MAX_BODY_BYTES``     largest request body, in bytes                       1000000
``GONGKAI_MAX_BATCH``          most records in one ``/v1/analyze/batch`` request    100
``GONGKAI_MAX_CHARS``          most characters in title + body of one record        200000
``GONGKAI_MASK_CHAR``          character that masks redacted values                 ``*``
``GONGKAI_MASK_STYLES``        JSON ``{"type": ["operator", {params}]}`` overrides   {}
``GONGKAI_THREADS``            threads for the plain-def endpoints, per worker      4
``GONGKAI_MAX_FILE_BYTES``     largest uploaded file (``/v1/check-file``)           20000000
``GONGKAI_MAX_FILE_SECONDS``   time one uploaded file may take                       120
=============================  ===================================================  ============
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from pydantic_settings import SettingsError as SourceError

from classifier.errors import GongkaiError

FIELD_NAMES = {
    "model_dir": "GONGKAI_MODEL_DIR（模型目录）",
    "api_key": "GONGKAI_API_KEY（API 密钥）",
    "threshold": "GONGKAI_THRESHOLD（复核阈值）",
    "max_body_bytes": "GONGKAI_MAX_BODY_BYTES（请求体上限）",
    "max_batch": "GONGKAI_MAX_BATCH（批量条数上限）",
    "max_chars": "GONGKAI_MAX_CHARS（单条字符上限）",
    "mask_char": "GONGKAI_MASK_CHAR（遮盖字符）",
    "mask_styles": "GONGKAI_MASK_STYLES（遮盖样式）",
    "threads": "GONGKAI_THREADS（每个进程同时分析的请求数）",
    "max_file_bytes": "GONGKAI_MAX_FILE_BYTES（上传文件大小上限）",
    "max_file_seconds": "GONGKAI_MAX_FILE_SECONDS（单个文件处理时间上限）",
}


class SettingsError(GongkaiError):
    """A setting that cannot be used; the message names the environment variable in Chinese."""

    code = "invalid_settings"


class Settings(BaseSettings):
    """Service settings (environment prefix ``GONGKAI_``); build with :func:`get_settings`."""

    model_config = SettingsConfigDict(env_prefix="GONGKAI_", extra="ignore", frozen=True)

    model_dir: Path | None = Field(None, description="模型目录；默认为随程序发布的模型")
    api_key: SecretStr | None = Field(None, description="设置后 /v1/* 需要此密钥")
    threshold: float | None = Field(None, ge=0.0, le=1.0, description="复核阈值；默认用模型自带的阈值")
    max_body_bytes: int = Field(1_000_000, ge=1_024, le=100_000_000, description="请求体上限（字节）")
    max_batch: int = Field(100, ge=1, le=10_000, description="批量接口一次最多的记录数")
    max_chars: int = Field(200_000, ge=1, le=5_000_000, description="单条记录标题加正文的字符上限")
    mask_char: str = Field("*", min_length=1, max_length=1, description="去标识化时的遮盖字符")
    mask_styles: dict[str, tuple[str | None, dict[str, Any]]] = Field(
        default_factory=dict, description="按类型覆盖遮盖样式，如 {\"mobile\": [\"replace\", {\"value\": \"[手机号]\"}]}")
    threads: int = Field(4, ge=1, le=256, description="每个工作进程处理分析请求的线程数（anyio 线程池大小，默认 4）；"
                                                        "分析占用 CPU 且受 GIL 限制，调小可让请求排队而不是互相抢占")

    max_file_bytes: int = Field(20_000_000, ge=1_024, le=500_000_000, description="上传文件大小上限（字节，默认 20 MB）")
    max_file_seconds: float = Field(120.0, gt=0, le=3600, description="单个文件处理时间上限（秒）")

    @field_validator("api_key")
    @classmethod
    def _key_not_blank(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().strip():
            return None  # GONGKAI_API_KEY= (empty) means "no key", as in most tools
        return value

    @property
    def auth_enabled(self) -> bool:
        return self.api_key is not None


def get_settings(**overrides: Any) -> Settings:
    """Read the settings from the environment (``overrides`` win), with a Chinese error on a bad value."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            problems.append(f"{FIELD_NAMES.get(name, name)}：{_explain(err)}")
        raise SettingsError("服务配置有误：" + "；".join(problems) + "。") from None
    except SourceError as exc:  # a complex value (GONGKAI_MASK_STYLES) that is not JSON
        match = re.search(r'field "(\w+)"', str(exc))
        name = match.group(1) if match else ""
        raise SettingsError(f"服务配置有误：{FIELD_NAMES.get(name, name)}：{_explain({'type': 'json_invalid'})}。") from None


def _explain(err: dict) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = "不能小于" if kind == "greater_than_equal" else "不能大于"
        return f"{bound} {ctx.get('ge', ctx.get('le'))}，收到 {err.get('input')!r}"
    if kind in ("int_parsing", "float_parsing", "int_from_float"):
        return f"必须是数字，收到 {err.get('input')!r}"
    if kind in ("string_too_short", "string_too_long"):
        return f"必须正好是一个字符，收到 {err.get('input')!r}"
    if kind in ("json_invalid", "json_type", "dict_type", "tuple_type", "list_type"):
        return "必须是 JSON 对象，形如 {\"类型\": [\"操作\", {参数}]}"
    return err.get("msg", kind)
