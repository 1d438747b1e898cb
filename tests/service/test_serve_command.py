"""``gongkai serve``: registered in the CLI, checks settings and model before starting uvicorn."""

from __future__ import annotations

import socket

import pytest
from fastapi import FastAPI

from service.cli import build_parser, main
from service.limits import HttpProtocol
from service.settings import Settings


def test_serve_is_a_command():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8000, 1)
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000", "--workers", "4"])
    assert (args.host, args.port, args.workers) == ("0.0.0.0", 9000, 4)


def test_help_is_chinese_and_lists_every_setting(capsys):
    with pytest.raises(SystemExit) as info:
        main(["serve", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "启动 HTTP 服务" in out
    for name in Settings.model_fields:
        assert f"GONGKAI_{name.upper()}" in out, name
    assert "GONGKAI_THREADS" in out and "默认 4" in out


def test_a_port_in_use_is_a_chinese_message(fake_uvicorn, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"错误：端口 {port} 已被占用") and "--port" in err and "Traceback" not in err
    assert fake_uvicorn == []


def test_an_unknown_host_is_a_chinese_message(fake_uvicorn, capsys):
    assert main(["serve", "--host", "no-such-host.invalid"]) == 2
    assert "无法解析监听地址" in capsys.readouterr().err and fake_uvicorn == []


def free_port() -> int:
    """A port nobody listens on right now (other programs on the machine may hold 8000)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def fake_uvicorn(monkeypatch, analyzer):
    import uvicorn

    import service.app

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setattr(service.app, "load_analyzer", lambda settings: analyzer)
    for name in ("GONGKAI_API_KEY", "GONGKAI_MAX_BATCH", "GONGKAI_THRESHOLD"):
        monkeypatch.delenv(name, raising=False)
    return calls


def test_one_worker_serves_the_preloaded_app(fake_uvicorn, analyzer):
    port = free_port()
    assert main(["serve", "--port", str(port)]) == 0
    (app, kwargs), = fake_uvicorn
    assert isinstance(app, FastAPI) and app.state.analyzer is analyzer
    assert kwargs["http"] is HttpProtocol  # request heads have a deadline too
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == port


def test_several_workers_use_the_factory(fake_uvicorn):
    assert main(["serve", "--workers", "3", "--port", str(free_port())]) == 0
    (app, kwargs), = fake_uvicorn
    assert app == "service.app:create_app" and kwargs["factory"] is True and kwargs["workers"] == 3


def test_bad_settings_stop_with_a_chinese_message(fake_uvicorn, monkeypatch, capsys):
    monkeypatch.setenv("GONGKAI_MAX_BATCH", "many")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：服务配置有误：") and "GONGKAI_MAX_BATCH" in err and "Traceback" not in err
    assert fake_uvicorn == []


def test_a_missing_model_stops_with_a_chinese_message(monkeypatch, tmp_path, capsys):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("uvicorn must not start"))
    monkeypatch.setenv("GONGKAI_MODEL_DIR", str(tmp_path / "missing"))
    assert main(["serve", "--port", str(free_port())]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：找不到模型目录") and "Traceback" not in err


@pytest.mark.parametrize("argv", [["serve", "--workers", "0"], ["serve", "--port", "70000"]])
def test_bad_arguments(argv, fake_uvicorn, capsys):
    assert main(argv) == 2
    assert "错误：" in capsys.readouterr().err and fake_uvicorn == []
