"""``/v1/analyze``, ``/v1/analyze/batch`` and ``/v1/redact``: the CPU-bound endpoints (plain ``def``).

A batch is all or nothing: if any record cannot be analysed the whole request is refused with
422, and the message and ``error.index`` name the first bad record (0-based), so a CMS fixes that
record and resends; a successful answer always has one result per record, in order.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from classifier.errors import InputError
from classifier.records import Record

from ..errors import INPUT_ERROR_STATUS, ApiError
from .deps import AnalyzerDep, JsonBody, SettingsDep
from .schemas import (ERROR_RESPONSES, EXAMPLE_RECORD, AnalysisOut, RedactOut, record_schema, request_body)

router = APIRouter(prefix="/v1", tags=["检查"])

EXAMPLES = {
    "招聘公示（含身份证号）": {"summary": "招聘公示（含身份证号）", "value": EXAMPLE_RECORD},
    "只有标题": {"summary": "只有标题", "value": {"title": "青山县财政局2025年度部门预算"}},
}


def _record(raw: Any, settings) -> Record:
    return Record.parse(raw, settings.max_chars)


@router.post(
    "/analyze", response_class=JSONResponse, responses={200: {"model": AnalysisOut}, **ERROR_RESPONSES},
    summary="检查一条草稿",
    openapi_extra=request_body(record_schema(), EXAMPLES, '一条记录 {"id", "title", "body"}'),
)
def analyze(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep) -> JSONResponse:
    """判断公开类别（置信度、是否需人工复核），找出不宜公开的内容（位置、法律依据、理由），给出结论和去标识化文本。"""
    return JSONResponse(analyzer.analyze(_record(body, settings)))


@router.post(
    "/analyze/batch", response_class=JSONResponse,
    responses={200: {"model": list[AnalysisOut]}, **ERROR_RESPONSES},
    summary="批量检查",
    openapi_extra=request_body(
        {"type": "array", "items": record_schema(), "minItems": 1},
        {"两条": {"summary": "两条记录", "value": [EXAMPLE_RECORD, {"id": "2", "title": "关于召开防汛工作会议的通知"}]}},
        "记录数组，最多 GONGKAI_MAX_BATCH 条（默认 100）"),
)
def analyze_batch(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep) -> JSONResponse:
    """一次检查多条记录，结果数组与输入顺序一致。任何一条无法分析时整批拒绝（422），error.index 为该条的下标。"""
    if not isinstance(body, list):
        raise ApiError(INPUT_ERROR_STATUS, "not_an_array", "批量接口的请求体必须是记录数组 [{…}, {…}]。")
    if not body:
        raise ApiError(INPUT_ERROR_STATUS, "empty_batch", "记录数组为空：至少需要一条记录。")
    if len(body) > settings.max_batch:
        raise ApiError(INPUT_ERROR_STATUS, "batch_too_large",
                       f"一次最多检查 {settings.max_batch} 条记录，收到 {len(body)} 条。请分批提交。")
    records = []
    for index, raw in enumerate(body):
        try:
            records.append(_record(raw, settings))
        except InputError as exc:
            raise ApiError(INPUT_ERROR_STATUS, exc.code, f"第 {index + 1} 条记录（下标 {index}）：{exc.message}",
                           index=index) from None
    return JSONResponse(analyzer.analyze_many(records))


@router.post(
    "/redact", response_class=JSONResponse, responses={200: {"model": RedactOut}, **ERROR_RESPONSES},
    summary="去标识化",
    openapi_extra=request_body(record_schema(), EXAMPLES, '一条记录 {"id", "title", "body"}'),
)
def redact(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep) -> JSONResponse:
    """只返回去标识化后的标题和正文（以及整篇结论，review / withhold 时不应直接发布）。"""
    record = _record(body, settings)
    review = analyzer.reviewer.review(record.title, record.body)  # the category is not needed here
    red = review.redacted or {"title": None, "body": None}  # withhold: nothing is publishable
    return JSONResponse({"id": record.id, "title": red["title"], "body": red["body"],
                         "verdict": review.verdict})
