"""JSON errors of the API: ``{"error": {"code": "english_slug", "message": "中文说明"}}``, never a traceback.

Statuses: 400 unreadable request (bad JSON, bad UTF-8), 401 missing/wrong API key, 404/405 no such
route, 408 body not sent in time, 413 body over the size limit, 415 not JSON, 422 a record or
request that cannot be analysed (the :class:`~classifier.errors.InputError` codes), 503 model not
loaded yet, 500 anything unexpected. A client that hangs up mid-request is logged in one line.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from classifier.errors import GongkaiError, InputError

log = logging.getLogger("gongkai.service")

INPUT_ERROR_STATUS = 422


class ApiError(GongkaiError):
    """An error answered with ``status`` and the JSON error body (``extra`` adds fields, e.g. ``index``)."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                 **extra: Any):
        super().__init__(message, code)
        self.status = status
        self.headers = headers
        self.extra = extra


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


HTTP_MESSAGES = {
    400: ("bad_request", "请求有误。"),
    401: ("unauthorized", "需要 API 密钥。"),
    403: ("forbidden", "无权访问。"),
    404: ("not_found", "没有这个地址。请查看 /docs 中的接口列表。"),
    405: ("method_not_allowed", "此地址不支持该请求方法。"),
    413: ("body_too_large", "请求体过大。"),
    415: ("unsupported_media_type", "请求体类型不受支持，请发送 JSON。"),
}


def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, exc.headers, **exc.extra)


def _input_error(request: Request, exc: InputError) -> JSONResponse:
    return error_response(INPUT_ERROR_STATUS, exc.code, exc.message)


def _gongkai_error(request: Request, exc: GongkaiError) -> JSONResponse:
    return error_response(400, exc.code, exc.message)


def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code, message = HTTP_MESSAGES.get(exc.status_code, ("http_error", f"请求失败（HTTP {exc.status_code}）。"))
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    # The /v1 bodies are read by service.routes.deps, so this only covers query/path parameters.
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header"))
        parts.append(f"{where or '请求'}：{err.get('msg', err.get('type'))}")
    return error_response(INPUT_ERROR_STATUS, "invalid_request", "请求参数有误：" + "；".join(parts))


def _client_gone(request: Request, exc: ClientDisconnect) -> JSONResponse:
    # Nobody is left to read an answer; a traceback here would only fill the log.
    log.info("客户端在请求体传完前断开：%s %s", request.method, request.url.path)
    return error_response(400, "client_disconnected", "客户端已断开连接。")


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "服务内部错误，已记录日志。请稍后重试或联系管理员。")


def install(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(GongkaiError, _gongkai_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(ClientDisconnect, _client_gone)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
