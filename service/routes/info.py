"""``/v1/categories`` and ``/v1/model``: what the service classifies into, and with which model."""

from __future__ import annotations

from fastapi import APIRouter

from classifier.categories import CATEGORIES

from .deps import AnalyzerDep
from .schemas import ERROR_RESPONSES, CategoryOut, ModelOut

router = APIRouter(prefix="/v1", tags=["信息"])

AUTH_ERRORS = {k: v for k, v in ERROR_RESPONSES.items() if k in (401, 503)}


@router.get("/categories", response_model=list[CategoryOut], responses=AUTH_ERRORS, summary="公开类别")
async def categories() -> list[dict]:
    """七个公开类别的代码和中文名，按年度报告的顺序。"""
    return [{"code": code, "name": name} for code, name in CATEGORIES.items()]


@router.get("/model", response_model=ModelOut, responses=AUTH_ERRORS, summary="当前模型")
async def model(analyzer: AnalyzerDep) -> dict:
    """当前加载的模型：名称、版本、训练时间、复核阈值、类别、留出集指标和模型文件哈希。"""
    return analyzer.model_info
