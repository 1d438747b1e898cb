"""``/healthz`` (the process answers) and ``/readyz`` (the model is loaded and warmed). Never behind the API key."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ..errors import error_response
from .schemas import ErrorOut, HealthOut

router = APIRouter(tags=["运行状态"])


@router.get("/healthz", response_model=HealthOut, response_model_exclude_none=True, summary="存活检查")
async def healthz() -> dict:
    """进程在运行即返回 200。"""
    return {"status": "ok"}


@router.get("/readyz", response_model=HealthOut, summary="就绪检查",
            responses={503: {"model": ErrorOut, "description": "模型尚未加载或正在停止"}})
async def readyz(request: Request):
    """模型已加载并预热后返回 200，否则 503。"""
    analyzer = request.app.state.analyzer
    if not request.app.state.ready or analyzer is None:
        return error_response(503, "not_ready", "模型尚未加载完成。", {"Retry-After": "5"})
    info = analyzer.manifest
    return JSONResponse({"status": "ready", "model": {"name": info.get("name"), "version": info.get("version")}})
