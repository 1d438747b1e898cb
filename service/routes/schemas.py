"""Shapes of the API for the OpenAPI document (docs/design.md section 3), with Chinese descriptions and examples.

The routes validate input with :class:`classifier.records.Record` (one set of rules and messages
for Python, CLI and HTTP) and return the analyzer's dicts as they are, so these models describe
the contract without sitting on the hot path.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

VERDICT = Literal["publish", "redact", "review", "withhold"]

EXAMPLE_RECORD = {
    "id": "cms-2025-0412",
    "title": "青山县2025年事业单位公开招聘拟聘用人员公示",
    "body": "根据招聘方案，现将拟聘用人员公示如下：张三，身份证号11010519491231002X，报考岗位：综合管理。",
}


class RecordIn(BaseModel):
    """一条草稿。title 与 body 可以有一个为空，但不能都为空；text 是 body 的别名。"""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_RECORD]})

    id: str | None = Field(None, description="调用方的编号，原样返回（可选）")
    title: str = Field("", description="标题")
    body: str = Field("", description="正文")
    text: str | None = Field(None, description="body 的别名（没有 body 时使用）")


class Explanation(BaseModel):
    term: str = Field(description="对类别判断贡献最大的词语")
    weight: float = Field(description="贡献权重")


class FindingOut(BaseModel):
    """一处不宜公开的内容。"""

    ground: str = Field(description="依据：state_secret 国家秘密、privacy 个人隐私、trade_secret 商业秘密、"
                                    "internal_affairs 内部事务、process_info 过程性信息、enforcement_file 行政执法案卷、"
                                    "security_stability 危及“三安全一稳定”")
    type: str = Field(description="具体类型，如 id_card、mobile、secrecy_marking")
    article: str = Field(description="《政府信息公开条例》条款，如 第十五条")
    action: Literal["withhold", "review", "redact"] = Field(description="处理：不予公开 / 人工审核 / 去标识化")
    field: Literal["title", "body"] = Field(description="所在字段")
    start: int = Field(description="起始位置（Unicode 码点，含）")
    end: int = Field(description="结束位置（Unicode 码点，不含）")
    text: str = Field(description="原文")
    score: float = Field(description="可信度 0–1")
    reason: str = Field(description="中文理由")
    replacement: str | None = Field(None, description="去标识化后的替换文本；为空表示需由人判断")


class RedactedText(BaseModel):
    title: str = Field(description="去标识化后的标题")
    body: str = Field(description="去标识化后的正文")


class ModelRef(BaseModel):
    name: str | None
    version: str | None


class AnalysisOut(BaseModel):
    """一条草稿的检查结果：公开类别与发布审查。"""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "id": "cms-2025-0412", "category": "personnel", "category_name": "人事信息", "confidence": 0.99,
        "needs_review": False, "scores": {"personnel": 0.99, "work": 0.004},
        "explanation": [{"term": "拟聘用", "weight": 1.8}], "verdict": "redact",
        "findings": [{"ground": "privacy", "type": "id_card", "article": "第十五条", "action": "redact",
                      "field": "body", "start": 27, "end": 45, "text": "11010519491231002X", "score": 1.0,
                      "reason": "身份证号码（校验位正确）", "replacement": "1101**********002X"}],
        "redacted": {"title": EXAMPLE_RECORD["title"],
                     "body": "根据招聘方案，现将拟聘用人员公示如下：张三，身份证号1101**********002X，报考岗位：综合管理。"},
        "model": {"name": "default", "version": "1"}}]})

    id: str | None = Field(description="请求中的 id")
    category: str = Field(description="公开类别代码（七类之一）")
    category_name: str = Field(description="公开类别中文名")
    confidence: float = Field(description="置信度 0–1")
    needs_review: bool = Field(description="置信度低于阈值，需人工复核类别")
    scores: dict[str, float] = Field(description="各类别的概率")
    explanation: list[Explanation] = Field(default_factory=list, description="主要依据词")
    verdict: VERDICT = Field(description="结论：publish 可公开、redact 去标识化后公开、review 需人工审核、withhold 不予公开")
    findings: list[FindingOut] = Field(description="不宜公开的内容，按字段和位置排序")
    redacted: RedactedText = Field(description="去标识化文本")
    model: ModelRef = Field(description="所用模型")


class RedactOut(BaseModel):
    """去标识化后的草稿，形状与输入记录相同，可直接发布（结论为 publish 或 redact 时）。"""

    id: str | None = Field(description="请求中的 id")
    title: str = Field(description="去标识化后的标题")
    body: str = Field(description="去标识化后的正文")
    verdict: VERDICT = Field(description="整篇结论；review / withhold 时不应直接发布")


class CategoryOut(BaseModel):
    code: str = Field(description="类别代码")
    name: str = Field(description="中文名（年度报告中的栏目名）")


class ModelOut(BaseModel):
    """当前加载的模型。"""

    model_config = ConfigDict(extra="allow")

    name: str | None
    version: str | None
    trained_at: str | None = Field(description="训练时间")
    threshold: float = Field(description="复核阈值")
    labels: list[str] = Field(description="类别")
    metrics: dict[str, Any] = Field(description="留出集指标")
    sha256: str | None = Field(description="模型文件的 SHA-256")


class ErrorDetail(BaseModel):
    code: str = Field(description="英文错误代码，如 invalid_json、empty_input、body_too_large")
    message: str = Field(description="中文说明")


class ErrorOut(BaseModel):
    """错误：HTTP 状态码表示类别，error.code 供程序判断，error.message 给人看。"""

    error: ErrorDetail


class RecordErrorOut(BaseModel):
    """批量结果中无法分析的一条记录（在其原来的位置上）。"""

    id: str | None = Field(description="请求中的 id")
    error: ErrorDetail


class HealthOut(BaseModel):
    status: str = Field(description="ok / ready")
    model: ModelRef | None = None


def record_schema() -> dict[str, Any]:
    return RecordIn.model_json_schema()


def request_body(schema: dict[str, Any], examples: dict[str, dict[str, Any]], description: str) -> dict[str, Any]:
    """An ``openapi_extra`` request body: JSON with ``schema`` and named examples."""
    return {"requestBody": {"required": True, "description": description, "content": {
        "application/json": {"schema": schema, "examples": examples}}}}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "请求体不是合法的 UTF-8 JSON"},
    401: {"model": ErrorOut, "description": "缺少或错误的 API 密钥（仅在设置了 GONGKAI_API_KEY 时）"},
    408: {"model": ErrorOut, "description": "请求体没有在 GONGKAI_BODY_TIMEOUT 秒内传完（默认 5 秒）"},
    413: {"model": ErrorOut, "description": "请求体超过大小上限（默认 1 MB）"},
    415: {"model": ErrorOut, "description": "请求头 Content-Type 不是 application/json"},
    422: {"model": ErrorOut, "description": "记录无法分析：不是对象、字段类型不对、含无效字符、标题正文皆空、过长；"
                                            "批量接口：请求体不是记录数组、为空或条数超限"},
    503: {"model": ErrorOut, "description": "模型尚未加载完成"},
}
