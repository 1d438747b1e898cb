"""Dependencies of the routes: the loaded analyzer, the API key check and the JSON body reader."""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from classifier.analyzer import Analyzer

from ..errors import ApiError
from ..limits import Admission
from ..settings import Settings


async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


async def get_analyzer(request: Request) -> Analyzer:
    analyzer = request.app.state.analyzer if request.app.state.ready else None
    if analyzer is None:
        raise ApiError(503, "not_ready", "模型尚未加载完成，请稍后重试（可查询 /readyz）。", headers={"Retry-After": "5"})
    return analyzer


AnalyzerDep = Annotated[Analyzer, Depends(get_analyzer)]


async def get_admission(request: Request) -> Admission:
    return request.app.state.admission


AdmissionDep = Annotated[Admission, Depends(get_admission)]


# --- auth ---------------------------------------------------------------------------------------
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="X-API-Key",
                              description="API 密钥（服务设置了 GONGKAI_API_KEY 时必填）")
bearer = HTTPBearer(auto_error=False, scheme_name="Bearer",
                    description="也可用 `Authorization: Bearer <API 密钥>` 传递同一密钥")


async def require_api_key(
    request: Request,
    key: Annotated[str | None, Security(api_key_header)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> None:
    """Accept the configured key from ``X-API-Key`` or ``Authorization: Bearer``, compared in constant time."""
    expected = request.app.state.settings.api_key
    if expected is None:
        return
    wanted = expected.get_secret_value().encode("utf-8")
    given = [key, credentials.credentials if credentials else None]
    # Compare every candidate (no short cut) so timing does not tell which header was checked.
    ok = False
    for candidate in given:
        if candidate is not None:
            # Header values arrive as latin-1 text: encoding back gives the bytes that were sent.
            ok |= hmac.compare_digest(candidate.encode("latin-1", "replace"), wanted)
    if not ok:
        message = ("API 密钥不正确。" if any(c is not None for c in given)
                   else "需要 API 密钥：请在请求头 X-API-Key 或 Authorization: Bearer 中提供。")
        raise ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": 'Bearer realm="gongkai"'})


# --- body ---------------------------------------------------------------------------------------
def require_json(request: Request) -> None:
    """The body must be declared JSON: ``application/json`` or ``application/…+json`` (any charset)."""
    declared = request.headers.get("content-type", "")
    media = declared.split(";", 1)[0].strip().lower()
    if media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
        got = f"收到的是 {declared}" if declared else "请求没有声明 Content-Type"
        raise ApiError(415, "unsupported_media_type",
                       f"请求体必须是 JSON，请设置请求头 Content-Type: application/json（{got}）。")


async def body_bytes(request: Request) -> bytes:
    """The raw body of a JSON request, refused with 413 as soon as it is known to exceed the limit.

    The media type is checked first (415), then ``Content-Length`` before anything is read, and
    the bytes are counted while they stream in, so a chunked or lying client is cut off at the
    limit too.
    """
    require_json(request)
    limit = request.app.state.settings.max_body_bytes
    too_large = ApiError(413, "body_too_large",
                         f"请求体过大：上限为 {limit} 字节（约 {limit / 1_000_000:g} MB）。请拆分后分批提交。")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, "bad_request", "请求头 Content-Length 无效。")
        if int(declared) > limit:
            raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


INLINE_PARSE_BYTES = 64 * 1024
"""Bodies up to this size are parsed on the event loop (microseconds); larger ones in the thread pool."""


async def json_body(raw: Annotated[bytes, Depends(body_bytes)]) -> Any:
    """The body parsed as UTF-8 JSON (a leading BOM is allowed); 400 with a Chinese message otherwise."""
    if len(raw) <= INLINE_PARSE_BYTES:
        return parse_json(raw)
    return await run_in_threadpool(parse_json, raw)


def parse_json(raw: bytes) -> Any:
    if not raw.strip():
        raise ApiError(400, "empty_body", '请求体为空：请发送 JSON，例如 {"title": "…", "body": "…"}。')
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding",
                       f"请求体不是合法的 UTF-8 编码（第 {exc.start + 1} 个字节处）。请以 UTF-8 发送 JSON。") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json",
                       f"请求体不是合法的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）。") from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "请求体的 JSON 嵌套过深。") from None
    except ValueError:  # e.g. an integer longer than Python's 4300-digit limit
        raise ApiError(400, "invalid_json", "请求体的 JSON 含有无法读取的数值。") from None


JsonBody = Annotated[Any, Depends(json_body)]
