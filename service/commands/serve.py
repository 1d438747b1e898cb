"""``gongkai serve``: the HTTP API and the editors' page, run by uvicorn."""

from __future__ import annotations

import argparse
import errno
import socket

from classifier.errors import GongkaiError

DESCRIPTION = ("启动 HTTP 服务：JSON 接口 /v1/*（文档见 /docs）、编辑检查页面 /、健康检查 /healthz 与 /readyz。\n"
               "设置来自环境变量（启动时检查，有误时给出中文说明并退出）。")


def settings_help() -> str:
    """Every ``GONGKAI_*`` variable with its meaning and default, from the settings themselves."""
    from service.settings import FIELD_NAMES, Settings

    lines = ["环境变量："]
    for name, field in Settings.model_fields.items():
        variable = FIELD_NAMES.get(name, f"GONGKAI_{name.upper()}").split("（")[0]
        value = "{}" if field.default_factory is not None else field.default
        default = "" if value is None else f"；默认 {value:g}" if isinstance(value, float) else f"；默认 {value}"
        lines.append(f"  {variable:<24} {field.description}{default}")
    return "\n".join(lines)


def register(sub) -> None:
    p = sub.add_parser("serve", help="启动 HTTP 接口和编辑检查页面", description=DESCRIPTION,
                       epilog=settings_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1；对外服务用 0.0.0.0）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="工作进程数（默认 1；每个进程各加载一份模型）")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                   help="日志级别（默认 info）")
    p.set_defaults(func=run)


def check_address(host: str, port: int) -> None:
    """Bind ``host:port`` once as uvicorn will, so a busy port is a Chinese message and not uvicorn's English one."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except socket.gaierror:
        raise GongkaiError(f"无法解析监听地址 {host}：请检查 --host。", "invalid_arguments") from None
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                message = f"端口 {port} 已被占用（{host}）：请用 --port 换一个端口，或先停止占用它的程序。"
            elif exc.errno == errno.EACCES:
                message = f"没有权限监听端口 {port}：1024 以下的端口需要管理员权限，请换一个端口。"
            elif exc.errno == errno.EADDRNOTAVAIL:
                message = f"本机没有地址 {host}，无法在其上监听：请检查 --host。"
            else:
                message = f"无法监听 {host}:{port}：{exc.strerror}。"
            raise GongkaiError(message, "address_unavailable") from None


def run(args) -> int:
    import uvicorn

    from service.app import create_app, load_analyzer
    from service.limits import HttpProtocol
    from service.settings import get_settings

    if args.workers < 1:
        raise GongkaiError("--workers 至少为 1。", "invalid_arguments")
    if not 0 < args.port < 65536:
        raise GongkaiError("--port 必须在 1–65535 之间。", "invalid_arguments")
    settings = get_settings()  # a bad GONGKAI_* value stops here with a Chinese message
    check_address(args.host, args.port)  # so does a busy port, before the model is loaded
    analyzer = load_analyzer(settings)  # and a missing or altered model bundle
    common = dict(host=args.host, port=args.port, log_level=args.log_level, proxy_headers=True, http=HttpProtocol)
    if args.workers == 1:
        uvicorn.run(create_app(settings, analyzer=analyzer), **common)
    else:
        del analyzer  # each worker process loads its own copy
        uvicorn.run("service.app:create_app", factory=True, workers=args.workers, **common)
    return 0
