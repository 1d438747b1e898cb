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
``GONGKAI_THREADS``            analyses of small requests at once, per worker       4
``GONGKAI_HEAVY_CHARS``        characters above which a request queues as large     20000
``GONGKAI_BODY_TIMEOUT``       seconds a request body may take to arrive            5
``GONGKAI_API_KEYS``           named keys ``王编辑=key1,李审核=key2`` (the name is     (none)
                               what review records store, never the key)
``GONGKAI_API_KEYS_FILE``      file of ``name=key`` lines (``#`` comments)          (none)
``GONGKAI_DATABASE_URL``       review records database (SQLAlchemy URL)             SQLite file in
                                                                                    the user data dir
``GONGKAI_KEEP_TEXT``          keep drafts' title and body in review records        false
``GONGKAI_MAX_FILE_BYTES``     largest uploaded file (``/v1/check-file``)           20000000
``GONGKAI_MAX_FILE_SECONDS``   time one uploaded file may take                       120
=============================  ===================================================  ============
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr, SecretStr, ValidationError, field_validator, model_validator
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
    "heavy_chars": "GONGKAI_HEAVY_CHARS（大请求的字符数）",
    "body_timeout": "GONGKAI_BODY_TIMEOUT（请求体接收时限）",
    "api_keys": "GONGKAI_API_KEYS（具名 API 密钥）",
    "api_keys_file": "GONGKAI_API_KEYS_FILE（具名 API 密钥文件）",
    "database_url": "GONGKAI_DATABASE_URL（审查记录数据库）",
    "keep_text": "GONGKAI_KEEP_TEXT（审查记录是否保存原文）",
    "max_file_bytes": "GONGKAI_MAX_FILE_BYTES（上传文件大小上限）",
    "max_file_seconds": "GONGKAI_MAX_FILE_SECONDS（单个文件处理时间上限）",
}

DEFAULT_KEY_NAME = "默认"
"""The name review records store for requests made with the single ``GONGKAI_API_KEY``."""


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
    threads: int = Field(4, ge=1, le=256, description="每个工作进程同时分析的小请求数（线程数）；"
                                                        "分析占用 CPU 且受 GIL 限制，调小可让请求排队而不是互相抢占")
    heavy_chars: int = Field(20_000, ge=1_000, le=100_000_000,
                             description="一个请求的标题加正文总字符数超过此值时按大请求处理：大请求逐个排队，"
                                         "分段执行并让小请求先行，不会拖慢普通草稿")
    body_timeout: float = Field(5.0, gt=0, le=600, description="请求体须在此秒数内传完，否则断开（防止只发一半的连接占住服务）")

    @field_validator("mask_styles")
    @classmethod
    def _styles_exist(cls, styles: dict[str, tuple[str | None, dict[str, Any]]]) -> dict:
        from classifier.risk.operators import check_style

        for kind, (operator, params) in styles.items():
            try:
                check_style(operator, params)
            except ValueError as exc:
                raise ValueError(f"{kind}：{exc}") from None
        return styles

    max_file_bytes: int = Field(20_000_000, ge=1_024, le=500_000_000, description="上传文件大小上限（字节，默认 20 MB）")
    max_file_seconds: float = Field(120.0, gt=0, le=3600, description="单个文件处理时间上限（秒）")

    # Review records (service.reviews): who is asking, and where records are kept.
    api_keys: SecretStr | None = Field(None, description="具名密钥：王编辑=key1,李审核=key2；审查记录只保存名字")
    api_keys_file: Path | None = Field(None, description="具名密钥文件：每行 名字=密钥，# 开头为注释")
    database_url: str | None = Field(None, description="审查记录数据库（SQLAlchemy URL）；默认为用户数据目录中的 SQLite 文件")
    keep_text: bool = Field(False, description="审查记录中保存草稿原文（默认只保存位置、类型、理由和遮盖后的替换文本）")

    @field_validator("api_key", "api_keys")
    @classmethod
    def _key_not_blank(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().strip():
            return None  # GONGKAI_API_KEY= (empty) means "no key", as in most tools
        return value

    _named_keys: dict[str, bytes] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _read_named_keys(self) -> "Settings":
        keys = {} if self.api_key is None else {DEFAULT_KEY_NAME: self.api_key.get_secret_value()}
        sources = []
        if self.api_keys is not None:
            sources.append(("GONGKAI_API_KEYS", self.api_keys.get_secret_value().replace("\n", ",").split(",")))
        if self.api_keys_file is not None:
            try:
                lines = self.api_keys_file.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise ValueError(f"无法读取密钥文件 {self.api_keys_file}（{type(exc).__name__}）") from None
            sources.append((str(self.api_keys_file), [ln for ln in lines if not ln.lstrip().startswith("#")]))
        for source, entries in sources:
            for number, entry in enumerate(entries, 1):
                if not entry.strip():
                    continue
                name, sep, key = (part.strip() for part in entry.partition("="))
                if not sep or not name or not key:
                    raise ValueError(f"{source} 第 {number} 项应为“名字=密钥”")
                if name in keys or key in keys.values():
                    raise ValueError(f"{source} 中名字或密钥重复（{name}）")
                keys[name] = key
        object.__setattr__(self, "_named_keys", {name: key.encode("utf-8") for name, key in keys.items()})
        return self

    @property
    def named_keys(self) -> dict[str, bytes]:
        """Every accepted key by the name records store: ``GONGKAI_API_KEY`` is named 默认."""
        return self._named_keys

    @property
    def auth_enabled(self) -> bool:
        return bool(self._named_keys)


def get_settings(**overrides: Any) -> Settings:
    """Read the settings from the environment (``overrides`` win), with a Chinese error on a bad value."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            problems.append(f"{FIELD_NAMES[name]}：{_explain(err)}" if name in FIELD_NAMES else _explain(err))
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
    if kind == "value_error":  # a validator's own Chinese message
        return str(ctx.get("error", err.get("msg", kind)))
    if kind == "greater_than":
        return f"必须大于 {ctx.get('gt')}，收到 {err.get('input')!r}"
    if kind == "bool_parsing":
        return f"必须是 true 或 false，收到 {err.get('input')!r}"
    if kind in ("json_invalid", "json_type", "dict_type", "tuple_type", "list_type"):
        return "必须是 JSON 对象，形如 {\"类型\": [\"操作\", {参数}]}"
    return err.get("msg", kind)
