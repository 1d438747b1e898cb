"""``gongkai serve``: the HTTP API and the editors' page, run by uvicorn."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser(
        "serve", help="启动 HTTP 接口和编辑检查页面",
        description="启动 HTTP 服务：JSON 接口 /v1/*（文档见 /docs）、编辑检查页面 /、健康检查 /healthz 与 /readyz。\n"
                    "设置来自环境变量：GONGKAI_MODEL_DIR（模型目录）、GONGKAI_API_KEY（设置后 /v1/* 需要密钥）、"
                    "GONGKAI_THRESHOLD、GONGKAI_MAX_BODY_BYTES（默认 1000000）、GONGKAI_MAX_BATCH（默认 100）、"
                    "GONGKAI_MAX_CHARS、GONGKAI_MASK_CHAR、GONGKAI_MASK_STYLES；审查记录：GONGKAI_API_KEYS（王编辑=key1,李审核=key2）、"
                    "GONGKAI_API_KEYS_FILE、GONGKAI_DATABASE_URL（默认用户数据目录中的 SQLite 文件）、GONGKAI_KEEP_TEXT。",
    )
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1；对外服务用 0.0.0.0）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="工作进程数（默认 1；每个进程各加载一份模型）")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                   help="日志级别（默认 info）")
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn

    from classifier.errors import GongkaiError
    from service.app import create_app, load_analyzer
    from service.settings import get_settings

    if args.workers < 1:
        raise GongkaiError("--workers 至少为 1。", "invalid_arguments")
    if not 0 < args.port < 65536:
        raise GongkaiError("--port 必须在 1–65535 之间。", "invalid_arguments")
    settings = get_settings()  # a bad GONGKAI_* value stops here with a Chinese message
    analyzer = load_analyzer(settings)  # so does a missing or altered model bundle
    common = dict(host=args.host, port=args.port, log_level=args.log_level, proxy_headers=True)
    if args.workers == 1:
        uvicorn.run(create_app(settings, analyzer=analyzer), **common)
    else:
        del analyzer  # each worker process loads its own copy
        uvicorn.run("service.app:create_app", factory=True, workers=args.workers, **common)
    return 0
