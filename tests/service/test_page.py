"""The editors' page is served by the app: plain HTML/CSS/JS, no CDN, Chinese UI, strict CSP."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

STATIC = files("service").joinpath("static")


def test_index_is_served_with_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    for text in ("标题", "正文", "检查", "去标识化文本", "复制", "发现的问题", "API 密钥"):
        assert text in html
    assert '<html lang="zh-CN">' in html
    assert "<script>" not in html and "onclick=" not in html  # no inline script: the CSP forbids it


@pytest.mark.parametrize("name, kind", [("app.js", "javascript"), ("app.css", "text/css")])
def test_assets_are_served(client, name, kind):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and kind in response.headers["content-type"]


@pytest.mark.parametrize("name", ["index.html", "app.css", "app.js"])
def test_no_outside_resources(name):
    text = STATIC.joinpath(name).read_text(encoding="utf-8")
    assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), "the page must not load from a CDN"
    assert "@import" not in text


def test_script_shows_the_four_verdicts_in_chinese():
    from classifier.risk.grounds import VERDICT_NAMES

    js = STATIC.joinpath("app.js").read_text(encoding="utf-8")
    # the Chinese verdict comes with each result (one home: classifier/risk/grounds.py)
    assert "result.verdict_name" in js
    assert set(VERDICT_NAMES.values()) == {"可公开", "去标识化后公开", "需人工审核", "不予公开"}
    assert "innerHTML" not in js  # draft text is inserted as text, never as HTML
    assert "Array.from(text" in js  # offsets are code points, not UTF-16 units
