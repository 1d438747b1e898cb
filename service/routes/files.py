"""``/v1/check-file`` and ``/v1/redact-file``: an attachment or a CMS's rich text uploaded as multipart field ``file``.

The upload is counted while it streams in and refused with 413 at ``GONGKAI_MAX_FILE_BYTES``; the
file is then read by :mod:`classifier.files` with its own bounds (zip bombs, cells, pages, time).
Every refusal is a 4xx with a Chinese message: 413 too large, 415 a type that cannot be read
(old .doc/.xls, images, archives), 422 a damaged, encrypted or withheld file.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect

from classifier.errors import FileError

from ..errors import ApiError
from .deps import AnalyzerDep, SettingsDep
from .schemas import ERROR_RESPONSES, AnalysisOut, FindingOut

router = APIRouter(prefix="/v1", tags=["检查"])


class FileFindingOut(FindingOut):
    """一处发现，另有在文件中的位置。"""

    location: dict[str, Any] = Field(description="位置：PDF {page}；DOCX {paragraph} 或 {table,row,cell}（页眉、批注等另有 part）；"
                                                 "XLSX/CSV {sheet,cell}；HTML {xpath}；文档属性 {property}")
    place: str = Field(description="中文位置，如 工作表“名单” C17、第 3 页")
    hidden: str | None = Field(None, description="发布后不易看见的部分：隐藏工作表、批注、修订、隐藏文字、文档属性等")


class FileInfoOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = Field(description="文件名")
    type: str = Field(description="docx / xlsx / csv / pdf / html / txt / encrypted")
    type_name: str = Field(description="类型中文名")
    chars: int = Field(description="读到的文字总数")
    readable: bool = Field(description="文字是否可读（扫描件、加密文件为 false）")


class FileAnalysisOut(AnalysisOut):
    """附件的检查结果：与 /v1/analyze 相同，另有 file、notices、reasons；redacted 描述去标识化文件。"""

    findings: list[FileFindingOut] = Field(description="不宜公开的内容，按在文件中的位置排序")
    file: FileInfoOut = Field(description="文件信息（另有 pages 或 sheets 等）")
    notices: list[dict[str, Any]] = Field(description="提示：无法读取文字的页、图片等（code、message、location）")
    reasons: list[str] = Field(description="结论被提升为“需人工审核”的原因，如 无法读取文字（可能是扫描件）")
    redacted: dict[str, Any] | None = Field(description="去标识化文件：filename、content_type、in_place；PDF 另有 text 与 note；"
                                                       "不予公开或无法读取时为 null")

MULTIPART_OVERHEAD = 64 * 1024
STATUS = {"file_too_large": 413, "zip_bomb": 413, "too_many_cells": 413, "too_many_pages": 413,
          "too_many_chars": 413, "unsupported_type": 415, "legacy_format": 415}
FILE_ERRORS = {**{k: v for k, v in ERROR_RESPONSES.items() if k in (401, 413, 422, 503)},
               415: {"description": "无法读取的文件类型（旧版 .doc/.xls、图片、压缩包等）"}}
UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "DOCX、XLSX、CSV、PDF（有文字层）、HTML 或 TXT 文件"}}}}}}}


async def upload(request: Request) -> tuple[bytes, str]:
    """The bytes and name of the multipart field ``file``, counted against GONGKAI_MAX_FILE_BYTES as they arrive."""
    limit = request.app.state.settings.max_file_bytes
    too_large = ApiError(413, "file_too_large",
                         f"文件过大：上限为 {limit} 字节（约 {limit / 1_000_000:g} MB）。请拆分后分别检查。")
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise ApiError(415, "not_multipart", "请以 multipart/form-data 上传文件，字段名为 file。")
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
        raise too_large
    received = 0

    async def receive():
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limit + MULTIPART_OVERHEAD:
            raise too_large
        return message

    try:
        form = await Request(request.scope, receive).form(max_files=1, max_fields=10)
    except ApiError:
        raise
    except ClientDisconnect:
        raise ApiError(400, "bad_request", "上传中断。") from None
    except Exception as exc:  # python-multipart / starlette errors on a malformed body
        raise ApiError(400, "bad_multipart", f"上传的表单格式不正确：{getattr(exc, 'detail', exc)}") from None
    item = form.get("file")
    if not isinstance(item, UploadFile):
        raise ApiError(422, "missing_file", "请用字段 file 上传一个文件（multipart/form-data）。")
    data = await item.read(limit + 1)
    await form.close()
    if len(data) > limit:
        raise too_large
    if not data:
        raise ApiError(422, "empty_file", "上传的文件是空的。")
    return data, (item.filename or "上传文件").replace("\\", "/").rsplit("/", 1)[-1] or "上传文件"


Upload = Annotated[tuple[bytes, str], Depends(upload)]


def _check(analyzer, settings, data: bytes, name: str):
    from classifier.files import FileLimits

    limits = FileLimits(max_bytes=settings.max_file_bytes, max_seconds=settings.max_file_seconds)
    try:
        return analyzer.check_file(data, name, limits=limits)
    except FileError as exc:
        raise ApiError(STATUS.get(exc.code, 422), exc.code, exc.message) from None


@router.post("/check-file", response_class=JSONResponse, responses={200: {"model": FileAnalysisOut}, **FILE_ERRORS},
             summary="检查附件或富文本", openapi_extra=UPLOAD_BODY)
async def check_file(upload: Upload, analyzer: AnalyzerDep, settings: SettingsDep) -> JSONResponse:
    """上传 DOCX、XLSX、CSV、PDF、HTML 或 TXT（字段 file）：结果与 /v1/analyze 相同，另有 file（文件信息）、notices
    （无法读取的页等），每处发现另有 location（页、段、表格、工作表与单元格、HTML 路径）、place（中文位置）和
    hidden（隐藏工作表、批注、修订、文档属性等）。无法读取文字的文件（扫描件、加密）结论至少为“需人工审核”。"""
    data, name = upload
    check = await run_in_threadpool(_check, analyzer, settings, data, name)
    return JSONResponse(check.result)


@router.post("/redact-file", response_class=Response, summary="生成去标识化文件", openapi_extra=UPLOAD_BODY,
             responses={200: {"description": "去标识化后的同类型文件（PDF 为去标识化文字）",
                              "content": {"application/octet-stream": {}}}, **FILE_ERRORS})
async def redact_file(upload: Upload, analyzer: AnalyzerDep, settings: SettingsDep) -> Response:
    """返回去标识化后的同类型文件（格式保留，文档属性中的作者等已清除），文件名见 Content-Disposition。
    PDF 无法安全地就地遮盖，返回去标识化后的文字（.txt），PDF 原件不得原样公开。结论为“不予公开”或文字无法读取时返回 422。
    响应头 X-Gongkai-Verdict 为整份文件的结论。"""
    data, name = upload

    def work():
        check = _check(analyzer, settings, data, name)
        try:
            return check, check.redacted_file()
        except FileError as exc:
            raise ApiError(422, exc.code, exc.message) from None

    check, red = await run_in_threadpool(work)
    headers = {"Content-Disposition": f"attachment; filename=\"redacted.{red.filename.rsplit('.', 1)[-1]}\"; "
                                      f"filename*=UTF-8''{quote(red.filename)}",
               "X-Gongkai-Verdict": check.result["verdict"],
               "X-Gongkai-Findings": str(len(check.result["findings"]))}
    if red.note:
        headers["X-Gongkai-Note"] = quote(red.note)
    return Response(red.data, media_type=red.content_type, headers=headers)
