"""``/v1/reviews``: analyses kept as review records, and the editors' decisions, dismissals and corrections.

The store (:mod:`service.reviews`) is opened on the first request that needs it, so a service
whose records are never used never touches a database; the tables are created and migrated then.
Who did what is the name of the API key used (``GONGKAI_API_KEYS``), never the key itself.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Iterator

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from classifier.records import Record

from ..errors import INPUT_ERROR_STATUS, ApiError
from ..reviews.store import Filters, ReviewError, ReviewStore, default_database_url, parse_moment
from .deps import AnalyzerDep, JsonBody, SettingsDep, WhoDep
from .schemas import ERROR_RESPONSES, EXAMPLE_RECORD, record_schema, request_body

router = APIRouter(prefix="/v1/reviews", tags=["审查记录"])

_open_lock = threading.Lock()

ERRORS = {**ERROR_RESPONSES, 404: {"model": ERROR_RESPONSES[400]["model"], "description": "没有这条审查记录或这项发现"},
          503: {"model": ERROR_RESPONSES[400]["model"], "description": "模型尚未就绪，或审查记录数据库无法访问"}}


def get_store(request: Request) -> ReviewStore:
    """The app's review store, built on first use from ``GONGKAI_DATABASE_URL`` / ``GONGKAI_KEEP_TEXT``."""
    state = request.app.state
    store = getattr(state, "reviews", None)
    if store is None:
        with _open_lock:
            store = getattr(state, "reviews", None)
            if store is None:
                settings = state.settings
                with _api():
                    store = ReviewStore(settings.database_url or default_database_url(), keep_text=settings.keep_text)
                state.reviews = store
    return store


@contextmanager
def _api() -> Iterator[None]:
    try:
        yield
    except ReviewError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None


def _object(body: Any) -> dict:
    if not isinstance(body, dict):
        raise ApiError(INPUT_ERROR_STATUS, "not_an_object", '请求体必须是 JSON 对象，例如 {"decision": "publish", "note": "…"}。')
    return body


@router.post(
    "", response_class=JSONResponse, responses=ERRORS, summary="检查并保存审查记录",
    openapi_extra=request_body(record_schema(), {"招聘公示": {"summary": "招聘公示", "value": EXAMPLE_RECORD}},
                               '一条记录 {"id", "title", "body"}；id 为 CMS 中的编号，同一编号再次提交会关联到之前的记录'),
)
def create_review(body: JsonBody, analyzer: AnalyzerDep, settings: SettingsDep, who: WhoDep,
                  request: Request) -> JSONResponse:
    """与 /v1/analyze 相同的检查，并把结果保存为一条审查记录：返回 review_id 和检查结果。

    保存的是类别、置信度、结论、每处发现的位置、类型、理由和遮盖后的替换文本，以及内容哈希、模型版本、时间和提交人
    （API 密钥的名字）；不保存原文（设置 GONGKAI_KEEP_TEXT=true 时才保存）。"""
    record = Record.parse(body, settings.max_chars)
    analysis = analyzer.analyze(record)
    store = get_store(request)
    with _api():
        kept = store.create(analysis, record, who)
    return JSONResponse(kept | analysis)


@router.get("", response_class=JSONResponse, responses=ERRORS, summary="审查记录列表")
def list_reviews(
    request: Request,
    since: str | None = Query(None, description="起始时间（含），如 2025-01-01（北京时间）或 ISO 8601 时间"),
    until: str | None = Query(None, description="截止时间；只写日期时包含当天"),
    verdict: str | None = Query(None, description="工具结论：publish / redact / review / withhold"),
    decision: str | None = Query(None, description="最新决定：publish / redact / withhold，none 表示尚未决定"),
    id: str | None = Query(None, description="CMS 中的记录编号"),
    limit: int = Query(50, ge=1, le=500, description="每页条数"),
    before: int | None = Query(None, ge=1, description="翻页：上一页返回的 next_before"),
) -> JSONResponse:
    """最新的在前。每条给出结论、发现数、驳回数和最新决定；next_before 不为空时用它取下一页。"""
    store = get_store(request)
    with _api():
        filters = Filters(since=parse_moment(since) if since else None,
                          until=parse_moment(until, end=True) if until else None,
                          verdict=verdict, decision=decision, record_id=id)
        return JSONResponse(store.list(filters, limit=limit, before=before))


@router.get("/{review_id}", response_class=JSONResponse, responses=ERRORS, summary="一条审查记录")
def get_review(review_id: int, request: Request) -> JSONResponse:
    """检查结果、全部事件（决定、驳回、类别更正，按时间先后）、当前决定和同一记录编号的各次审查。"""
    with _api():
        return JSONResponse(get_store(request).get(review_id))


@router.post(
    "/{review_id}/decision", response_class=JSONResponse, responses=ERRORS, summary="记录决定",
    openapi_extra=request_body({"type": "object", "required": ["decision"], "properties": {
        "decision": {"type": "string", "enum": ["publish", "redact", "withhold"]}, "note": {"type": "string"}}},
        {"去标识化后公开": {"summary": "去标识化后公开", "value": {"decision": "redact", "note": "已遮盖身份证号"}}},
        "decision：publish 公开 / redact 去标识化后公开 / withhold 不予公开；note：说明（与工具结论相比放宽时必填）"),
)
def decide(review_id: int, body: JsonBody, who: WhoDep, request: Request) -> JSONResponse:
    """追加一条决定（谁、何时、为什么）；之前的决定保留，以最新一条为准。"""
    body = _object(body)
    with _api():
        return JSONResponse(get_store(request).decide(review_id, who, body.get("decision"), body.get("note")))


@router.post(
    "/{review_id}/findings/{n}/dismiss", response_class=JSONResponse, responses=ERRORS, summary="驳回一项发现",
    openapi_extra=request_body({"type": "object", "required": ["reason"], "properties": {
        "reason": {"type": "string"}, "text": {"type": "string"}}},
        {"本单位电话": {"summary": "本单位公开的电话", "value": {"reason": "本单位公开的办公电话", "text": "0571-87000000"}}},
        "reason：理由（必填）；text：该项发现的原文（可选，驳回即表示它不需保护，可据此生成本单位豁免词表）"),
)
def dismiss(review_id: int, n: int, body: JsonBody, who: WhoDep, request: Request) -> JSONResponse:
    """把第 n 项发现（下标从 0 起）标为误报。多次被驳回的原文可用 `gongkai reviews exemptions` 生成本单位豁免词表。"""
    body = _object(body)
    with _api():
        return JSONResponse(get_store(request).dismiss(review_id, n, who, body.get("reason"), body.get("text")))


@router.post(
    "/{review_id}/category", response_class=JSONResponse, responses=ERRORS, summary="更正公开类别",
    openapi_extra=request_body({"type": "object", "required": ["category"], "properties": {
        "category": {"type": "string"}, "note": {"type": "string"}, "title": {"type": "string"}}},
        {"人事信息": {"summary": "改为人事信息", "value": {"category": "personnel", "note": "招聘公示"}}},
        "category：七类之一的代码；title：草稿标题（可选，与记录的哈希核对，用于 gongkai train --feedback）"),
)
def correct_category(review_id: int, body: JsonBody, who: WhoDep, request: Request) -> JSONResponse:
    """追加一条类别更正。更正可用 `gongkai train --feedback` 作为训练样本。"""
    body = _object(body)
    with _api():
        return JSONResponse(get_store(request).correct_category(review_id, who, body.get("category"), body.get("note"),
                                                                body.get("title")))
