"""The FastAPI application: ``create_app(settings)`` builds it; the lifespan loads and warms the model once.

    uvicorn --factory service.app:create_app        # settings from GONGKAI_* variables
    gongkai serve --port 8000                       # the same, with a clear message on bad settings
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi_offline import FastAPIOffline
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from . import errors
from .routes import analysis, files, health, info, page, reviews
from .routes.deps import require_api_key
from .limits import Admission, BodyDeadline
from .settings import Settings, get_settings

log = logging.getLogger("gongkai.service")

DESCRIPTION = """政府信息公开发布前检查的 HTTP 接口。

每条记录为 `{"id", "title", "body"}`（`text` 可代替 `body`；标题、正文可以有一个为空，不能都为空）。
结果给出公开类别（七类之一，含置信度和是否需人工复核）、发布审查结论
（`publish` 可公开 / `redact` 去标识化后公开 / `review` 需人工审核 / `withhold` 不予公开）、
每处不宜公开内容的位置（Unicode 码点）、法律依据和理由，以及去标识化文本。

请求体须为 JSON（`Content-Type: application/json`）。批量接口逐条作答：无法分析的记录在其位置上给出
`{"id", "error": {"code", "message"}}`，其余照常分析。

错误一律为 `{"error": {"code": "…", "message": "中文说明"}}`：400 请求体不是合法的 UTF-8 JSON，
401 API 密钥缺失或错误，408 请求体未在时限内传完，413 请求体过大，415 请求体不是 JSON，
422 记录无法分析（或批量请求不是记录数组、条数超限），503 模型尚未就绪。

设置了 `GONGKAI_API_KEY` 时，`/v1/*` 需要在请求头 `X-API-Key` 或 `Authorization: Bearer` 中提供密钥；
页面 `/` 和 `/healthz`、`/readyz` 不需要。`GONGKAI_API_KEYS`（`王编辑=key1,李审核=key2`）给每个密钥一个名字，
审查记录（`/v1/reviews`）保存的是这个名字，不是密钥。"""

TAGS = [
    {"name": "检查", "description": "公开类别与发布审查"},
    {"name": "信息", "description": "类别与模型"},
    {"name": "审查记录", "description": "检查并保存审查记录；记录决定、驳回发现、更正类别（谁提供、谁审核、谁负责）"},
    {"name": "运行状态", "description": "存活与就绪检查（不需要密钥）"},
]


def load_analyzer(settings: Settings):
    """Load the configured model bundle; ``ModelError`` / ``SettingsError`` carry a Chinese message."""
    from classifier import Analyzer

    kwargs: dict[str, Any] = {"threshold": settings.threshold, "max_chars": settings.max_chars}
    if settings.mask_char != "*" or settings.mask_styles:
        kwargs["risk_settings"] = risk_settings(settings)
    return Analyzer.load(settings.model_dir, **kwargs)


def risk_settings(settings: Settings):
    """The risk review's house style from ``GONGKAI_MASK_CHAR`` / ``GONGKAI_MASK_STYLES`` (checked when they load)."""
    from classifier.risk import RiskSettings

    return RiskSettings(styles=dict(settings.mask_styles), mask_char=settings.mask_char)


@asynccontextmanager
async def lifespan(app: FastAPI):
    state = app.state
    if state.analyzer is None:
        state.analyzer = await run_in_threadpool(load_analyzer, state.settings)
    await run_in_threadpool(state.analyzer.warm)
    # Analyses hold the GIL: GONGKAI_THREADS bounds how many small ones compete at once, and large
    # ones queue in a lane of their own (service/limits.py).
    state.admission = Admission(state.settings.threads, state.settings.heavy_chars)
    state.ready = True
    info = state.analyzer.model_info
    log.info("模型 %s %s 已加载并预热；API 密钥%s", info["name"], info["version"],
             "已启用" if state.settings.auth_enabled else "未启用")
    try:
        yield
    finally:
        state.ready = False
        if getattr(state, "reviews", None) is not None:  # opened by the first /v1/reviews request
            state.reviews.close()


def create_app(settings: Settings | None = None, *, analyzer=None) -> FastAPI:
    """Build the app. ``settings`` default to the ``GONGKAI_*`` environment; ``analyzer`` may be preloaded."""
    settings = settings if settings is not None else get_settings()
    # FastAPIOffline: /docs and /redoc serve Swagger UI / ReDoc from the package, not from a CDN.
    app = FastAPIOffline(title="gongkai 政府信息公开发布前检查", version="1", description=DESCRIPTION,
                         openapi_tags=TAGS, lifespan=lifespan, static_url="/static-docs")
    app.state.settings = settings
    app.state.analyzer = analyzer
    app.state.ready = False
    app.state.admission = None
    app.add_middleware(BodyDeadline, seconds=settings.body_timeout)
    errors.install(app)
    auth = [Depends(require_api_key)] if settings.auth_enabled else []
    app.include_router(analysis.router, dependencies=auth)
    app.include_router(info.router, dependencies=auth)
    app.include_router(reviews.router, dependencies=auth)
    app.include_router(files.router, dependencies=auth)
    app.include_router(health.router)
    app.include_router(page.router)
    app.mount("/static", StaticFiles(packages=[("service", "static")]), name="static")
    return app
