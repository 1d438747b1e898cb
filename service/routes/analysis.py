"""``/v1/analyze``, ``/v1/analyze/batch`` and ``/v1/redact``: the CPU-bound endpoints.

The analyses run in worker threads admitted by cost (:class:`service.limits.Admission`), so a
large batch queues behind other large requests instead of in front of small drafts.

A batch answers record by record (docs/design.md section 3): the answer has one entry per record,
in order; a record that cannot be analysed gets ``{"id", "error": {"code", "message"}}`` in its
place and the others are analysed. Only a request that is not a batch at all (not an array, empty,
more than ``GONGKAI_MAX_BATCH`` records, over the byte limit, not JSON) is refused as a whole.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from classifier.errors import InputError
from classifier.records import Record, error_result

from ..errors import INPUT_ERROR_STATUS, ApiError
from .deps import AdmissionDep, AnalyzerDep, JsonBody, SettingsDep
from .schemas import (ERROR_RESPONSES, EXAMPLE_RECORD, AnalysisOut, RecordErrorOut, RedactOut, record_schema,
                      request_body)

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
async def analyze(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep,
                  admission: AdmissionDep) -> JSONResponse:
    """判断公开类别（置信度、是否需人工复核），找出不宜公开的内容（位置、法律依据、理由），给出结论和去标识化文本。"""
    results = await admission.run(lambda records: [analyzer.analyze(records[0])], [_record(body, settings)])
    return JSONResponse(results[0])


@router.post(
    "/analyze/batch", response_class=JSONResponse,
    responses={200: {"model": list[AnalysisOut | RecordErrorOut]}, **ERROR_RESPONSES},
    summary="批量检查",
    openapi_extra=request_body(
        {"type": "array", "items": record_schema(), "minItems": 1},
        {"两条": {"summary": "两条记录", "value": [EXAMPLE_RECORD, {"id": "2", "title": "关于召开防汛工作会议的通知"}]}},
        "记录数组，最多 GONGKAI_MAX_BATCH 条（默认 100）"),
)
async def analyze_batch(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep,
                        admission: AdmissionDep) -> JSONResponse:
    """一次检查多条记录，结果数组与输入顺序一致。逐条作答：无法分析的记录在其位置上给出
    `{"id", "error": {"code", "message"}}`，其余照常分析；只有整个请求不是记录数组（或为空、超过条数上限）时才整体拒绝（422）。"""
    if not isinstance(body, list):
        raise ApiError(INPUT_ERROR_STATUS, "not_an_array", "批量接口的请求体必须是记录数组 [{…}, {…}]。")
    if not body:
        raise ApiError(INPUT_ERROR_STATUS, "empty_batch", "记录数组为空：至少需要一条记录。")
    if len(body) > settings.max_batch:
        raise ApiError(INPUT_ERROR_STATUS, "batch_too_large",
                       f"一次最多检查 {settings.max_batch} 条记录，收到 {len(body)} 条。请分批提交。")
    answer: list[Any] = []
    for raw in body:
        try:
            answer.append(_record(raw, settings))
        except InputError as exc:
            answer.append(error_result(raw, exc))
    results = iter(await admission.run(analyzer.analyze_many, [r for r in answer if isinstance(r, Record)]))
    return JSONResponse([next(results) if isinstance(item, Record) else item for item in answer])


@router.post(
    "/redact", response_class=JSONResponse, responses={200: {"model": RedactOut}, **ERROR_RESPONSES},
    summary="去标识化",
    openapi_extra=request_body(record_schema(), EXAMPLES, '一条记录 {"id", "title", "body"}'),
)
async def redact(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep,
                 admission: AdmissionDep) -> JSONResponse:
    """只返回去标识化后的标题和正文（以及整篇结论，review / withhold 时不应直接发布）。"""
    def review(records: list[Record]) -> list[dict[str, Any]]:
        record = records[0]
        result = analyzer.reviewer.review(record.title, record.body)  # the category is not needed here
        return [{"id": record.id, "title": result.redacted["title"], "body": result.redacted["body"],
                 "verdict": result.verdict}]

    return JSONResponse((await admission.run(review, [_record(body, settings)]))[0])
